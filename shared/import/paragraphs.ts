import type { Line } from './lines.ts';
import { endsContinuing, endsSentence, endsWithPunct, lineWidth } from '../text/cjk.ts';
import { isDashLine, isDateLine } from './structure.ts';

/**
 * Paragraphs from printed lines. Extracted text keeps the line breaks of the page but not the
 * paragraph breaks, so they are read from the shape of the lines: a paragraph's last line is
 * short or ends a sentence right before an indented (so shorter) first line; a heading is a short
 * line without closing punctuation after a paragraph ended.
 */

export interface Unit {
  kind: 'paragraph' | 'heading' | 'caption';
  lines: Line[];
}

export interface UnitOptions {
  /** Width of a full line of this text, in ems. */
  fullWidth: number;
  /** Whether short unpunctuated lines after a paragraph are headings. */
  headings: boolean;
  isCaption: (text: string) => boolean;
  /** Rule 'ocr-lost-line' (OCR text): see `endsParagraph`. */
  lostLines?: boolean;
}

/** Slack for justified lines whose width we estimate from characters. */
const TOLERANCE = 1.5;
/** First lines are indented by about two ems. */
const INDENT = 2;

/**
 * The width of a full line: most lines of running text are full, the rest shorter (first lines
 * by the indent, last lines by anything). So: the median of the lines near the top of the width
 * range, from the 80th percentile down by a tolerance. `fallback` when there are too few lines.
 */
export function estimateFullWidth(lines: readonly Line[], fallback: number): number {
  const widths = lines.map((l) => l.width).filter((w) => w >= 4);
  if (widths.length < 3) return fallback;
  widths.sort((a, b) => a - b);
  const p80 = widths[Math.floor(widths.length * 0.8)]!;
  const top = widths.filter((w) => w >= p80 - TOLERANCE);
  return top[Math.floor(top.length / 2)]!;
}

/**
 * Width of what must open a line: one character, a number or Latin word, with the opening marks
 * before it and the closing marks after it (typesetters never split those from their character).
 */
export function leadingUnitWidth(text: string): number {
  const m = /^[“‘（《「『【〔([]*(?:[0-9A-Za-z][0-9A-Za-z.,%]*|\S)[”’）》」』】〕)\]，。、；：！？…,.;:!?]*/u.exec(text);
  if (!m) return 1;
  // Proportional digits run a little wider than the half an em `lineWidth` gives them.
  const digits = (m[0].match(/[0-9]/g) ?? []).length;
  return lineWidth(m[0]) + digits * 0.05;
}

/**
 * Whether `line` is an indented first line judged by width alone: about one indent short of full,
 * although the unit that opens the line after it would have fitted had the line not been indented
 * (a line cut short by a long number or word is full, not indented).
 */
function indentedByWidth(line: Line, after: Line | undefined, fullWidth: number): boolean {
  if (line.width > fullWidth - 1.2 || line.width < fullWidth - INDENT - TOLERANCE - 0.5) return false;
  if (endsSentence(line.text)) return false;
  // Latin words make the width estimate too rough to see a two-em indent in.
  if ((line.text.match(/[A-Za-z]/g) ?? []).length >= 4) return false;
  const unit = after ? leadingUnitWidth(after.text) : 1;
  return line.width + unit <= fullWidth;
}

/** How `endsParagraph` judges a line. */
export interface ParagraphEndOptions {
  /** The line opens its paragraph (so is indented, and shorter when full). */
  isFirst: boolean;
  /** Width of a full line of this text, in ems. */
  fullWidth: number;
  /** The line after `next`, if known: it tells an indented `next` (and a heading) by what opens it. */
  after?: Line;
  /** Rule 'ocr-lost-line' (OCR text): see below. */
  lostLines?: boolean;
}

/** Whether the paragraph that `line` belongs to ends with it, `next` being the line after it. */
export function endsParagraph(line: Line, next: Line | undefined, opts: ParagraphEndOptions): boolean {
  if (!next) return true;
  const { fullWidth, after } = opts;
  // OCR drops a paragraph's short last line (评。) but keeps the gap before the heading that
  // follows: a heading-shaped line after a blank line, over a line of text, starts anew.
  if (
    opts.lostLines &&
    next.blankBefore &&
    !endsContinuing(line.text) &&
    headingShaped(next, after, fullWidth) &&
    (!after || after.width >= fullWidth * 0.6)
  ) {
    return true;
  }
  // A near-full line is full in print when what opens the next line would not have fitted on it.
  const measure = fullWidth - (opts.isFirst ? INDENT : 0);
  const short =
    line.width < measure - TOLERANCE && !(line.width >= measure - 3 && line.width + leadingUnitWidth(next.text) > measure);
  if (endsSentence(line.text)) {
    if (short) return true;
    if (next.indent > 0 && next.indent > line.indent) return true;
    if (next.blankBefore) return true;
    return indentedByWidth(next, after, fullWidth);
  }
  if (endsContinuing(line.text)) return false;
  if (line.width < fullWidth * 0.6) return true;
  return short && next.blankBefore;
}

/** Whether `line` (with `next` after it) has the shape of a heading (it still needs a paragraph end before it). */
export function headingShaped(line: Line, next: Line | undefined, fullWidth: number): boolean {
  if (!next) return false;
  const text = line.text;
  if (line.width < 2 || line.width > Math.min(fullWidth * 0.75, 30)) return false;
  if (endsWithPunct(text) || isDateLine(text) || isDashLine(text)) return false;
  return true;
}

/**
 * Groups lines into paragraphs, headings and captions. A caption met inside a running paragraph
 * (a picture set into the text) is emitted after that paragraph, which goes on across it.
 */
export function buildUnits(lines: readonly Line[], opts: UnitOptions): Unit[] {
  const { fullWidth } = opts;
  const units: Unit[] = [];
  let cur: Unit | null = null;
  let ended = true;
  let pending: Unit[] = [];
  const flush = (): void => {
    for (const u of pending) units.push(u);
    pending = [];
  };
  const content = lines.filter((l) => !opts.isCaption(l.text));
  // Index in `content` of the current line.
  let index = -1;
  for (const line of lines) {
    if (opts.isCaption(line.text)) {
      const cap: Unit = { kind: 'caption', lines: [line] };
      if (cur && !ended) pending.push(cap);
      else units.push(cap);
      continue;
    }
    index++;
    const next = content[index + 1];
    if (ended && opts.headings && headingShaped(line, next, fullWidth)) {
      units.push({ kind: 'heading', lines: [line] });
      cur = null;
      ended = true;
      continue;
    }
    const isFirst = !cur || ended;
    if (isFirst) {
      cur = { kind: 'paragraph', lines: [line] };
      units.push(cur);
    } else cur!.lines.push(line);
    ended = endsParagraph(line, next, { isFirst, fullWidth, after: content[index + 2], lostLines: opts.lostLines ?? false });
    if (ended) flush();
  }
  flush();
  return units;
}
