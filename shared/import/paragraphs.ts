import type { Line } from './lines.ts';
import { endsContinuing, endsSentence, endsWithPunct, lineWidth } from '../text/cjk.ts';
import { isDashLine, isDateLine } from './structure.ts';
import { isHeadingLike, isSignatureLike } from './geometry.ts';

/**
 * Paragraphs from printed lines. Extracted text keeps the line breaks of the page but not the
 * paragraph breaks, so they are read from the shape of the lines: a paragraph's last line is
 * short or ends a sentence right before an indented (so shorter) first line; a heading is a short
 * line without closing punctuation after a paragraph ended. Where lines carry their geometry (a
 * PDF's text layer: `Line.geo`), it decides instead: a first-line indent starts a paragraph, a last
 * line short of the column ends one, a bold or larger line of its own is a heading.
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

/**
 * Where a run of lines has its left and right edges, in body ems from the page's column (`LineGeo`):
 * 0 for body text, more inside a box set narrower than the column.
 */
export interface GeoEdges {
  left: number;
  right: number;
  /** The usual size of the run's lines, relative to the body text's. */
  size: number;
}

/** The edges of lines that carry geometry (a low percentile: most lines are full), or undefined. */
export function geoEdges(lines: readonly Line[]): GeoEdges | undefined {
  const left: number[] = [];
  const right: number[] = [];
  const size: number[] = [];
  for (const l of lines) {
    if (!l.geo) continue;
    left.push(l.geo.indentEm);
    right.push(l.geo.rightGapEm);
    size.push(l.geo.size);
  }
  if (left.length === 0) return undefined;
  const at = (xs: number[], q: number): number => xs.sort((a, b) => a - b)[Math.floor(xs.length * q)]!;
  return { left: at(left, 0.1), right: at(right, 0.1), size: at(size, 0.5) };
}

/** Lines of one block: in a frame or not, and of one type size (to a twentieth). */
const blockKey = (l: Line): string => `${l.geo?.framed ? 1 : 0}:${Math.round((l.geo?.size ?? 1) * 20)}`;

/**
 * Edges per block of a run of lines: a box or a passage set in smaller type inside the run has a
 * measure of its own (its lines are not all indented first lines). A block of fewer than three lines
 * takes the edges of the run's largest block.
 */
export function blockEdges(lines: readonly Line[]): (line: Line) => GeoEdges | undefined {
  const groups = new Map<string, Line[]>();
  for (const l of lines) {
    if (!l.geo) continue;
    const k = blockKey(l);
    const g = groups.get(k);
    if (g) g.push(l);
    else groups.set(k, [l]);
  }
  let main: Line[] = [];
  for (const g of groups.values()) if (g.length > main.length) main = g;
  const mainEdges = geoEdges(main);
  const own = new Map<string, GeoEdges | undefined>();
  for (const [k, g] of groups) own.set(k, g.length >= 3 ? geoEdges(g) : mainEdges);
  // The type size is always the main block's: a heading is larger than the text, not than its peers.
  return (l) => {
    const e = l.geo ? own.get(blockKey(l)) : mainEdges;
    return e && mainEdges ? { ...e, size: mainEdges.size } : e;
  };
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
  /** Edges of the run of lines, or of each line's block (see `blockEdges`); the page's column when absent. */
  edges?: GeoEdges | ((line: Line) => GeoEdges | undefined);
  /** The line before `line`, if known (a heading is not the tail of a bold passage). */
  before?: Line;
}

/** Whether `line` is a heading by its geometry: see `isHeadingLike`. False without geometry. */
export function headingByGeometry(line: Line, next: Line | undefined, before?: Line, edges?: GeoEdges): boolean {
  if (!line.geo || line.width > 40) return false;
  // The last line of a bold passage running over full lines is not a heading of its own.
  if (before?.geo?.bold && before.page === line.page && before.geo.rightGapEm < 1) return false;
  return isHeadingLike(line.geo, next?.geo, edges?.size ?? 1);
}

/** A line set to the column's right edge (within half an em): running text, never a heading of its own. */
function runsToMargin(line: Line, edges: GeoEdges | undefined): boolean {
  return line.geo !== undefined && (line.geo.rightGapEm - (edges?.right ?? 0)) / line.geo.size < 0.5 && !line.geo.centred;
}

/**
 * Whether a paragraph ends with `line` by geometry (both lines carry it; null when they do not): a
 * heading, a flush-right line (signature, date) or a frame's edge follows or comes to an end; the next
 * line is indented (a first line), or set apart by space; or `line` stops short of the column by more
 * than what opens the next line would have taken.
 */
function endsByGeometry(line: Line, next: Line, opts: ParagraphEndOptions): boolean | null {
  const g = line.geo;
  const n = next.geo;
  if (!g || !n) return null;
  const column: GeoEdges = { left: 0, right: 0, size: 1 };
  const edgesOf = (l: Line): GeoEdges => (typeof opts.edges === 'function' ? opts.edges(l) : opts.edges) ?? column;
  const edges = edgesOf(next);
  if (headingByGeometry(next, opts.after, line, edges)) return true;
  if (isSignatureLike(n) || isSignatureLike(g)) return true;
  if ((n.framed ?? false) !== (g.framed ?? false)) return true;
  // Leading grows with the type: a gap is measured in lines of the next line's size.
  if (next.page === line.page && n.spaceAbove > 1.4 * Math.max(n.size, g.size)) return true;
  const indent = (n.indentEm - edges.left) / n.size;
  if (indent >= 1.2) return true;
  const gap = (g.rightGapEm - edgesOf(line).right) / g.size;
  // Latin words run wider than `lineWidth`'s estimate: give them room before calling the line short.
  const unit = leadingUnitWidth(next.text) * (/^[A-Za-z0-9]/.test(next.text) ? 1.3 : 1);
  return gap >= unit + 0.5;
}

/** Whether the paragraph that `line` belongs to ends with it, `next` being the line after it. */
export function endsParagraph(line: Line, next: Line | undefined, opts: ParagraphEndOptions): boolean {
  if (!next) return true;
  const byGeometry = endsByGeometry(line, next, opts);
  if (byGeometry !== null) return byGeometry;
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
  const edgesOf = blockEdges(content);
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
    const before = content[index - 1];
    // Geometry names a heading even where the paragraph before did not end by the text's shape.
    const edges = edgesOf(line);
    const geoHeading = opts.headings && headingByGeometry(line, next, before, edges);
    if (opts.headings && (geoHeading || (ended && headingShaped(line, next, fullWidth) && !runsToMargin(line, edges)))) {
      if (!ended) flush();
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
    ended = endsParagraph(line, next, {
      isFirst,
      fullWidth,
      after: content[index + 2],
      lostLines: opts.lostLines ?? false,
      edges: edgesOf,
      before,
    });
    if (ended) flush();
  }
  flush();
  return units;
}
