import type { Block, PageBreak } from '../model/caseDoc.ts';
import type { BlockKind } from '../model/blockKind.ts';
import type { ChangeLog, Where } from './changeLog.ts';
import type { Line } from './lines.ts';
import { formatLine, type FormatContext, type TextRole } from './format.ts';
import { isLatinLetter, isDigit } from '../text/cjk.ts';
import { unbalancedTitleQuotes } from '../text/garbage.ts';
import { ocrTitleGap } from '../text/ocr.ts';

/** What every stage that writes text needs: the change log and the formatting options. */
export interface TextContext extends FormatContext {
  /** The text looks like OCR output (see ocrEvidence): OCR-only rules apply. */
  ocr?: boolean;
  /** Where a stage puts lines it can place nowhere (kept as unassigned text: unassigned.ts); absent, nobody collects them. */
  unplaced?: Line[];
}

/** Marks after which a title's line break always runs on (no phrase gap). */
export const RUN_ON_MARKS = '：，、；';
/** Closing marks after which a title's line break may be a run-on or a phrase gap (rule 'title-gaps'). */
export const CLOSING_MARKS = '”’」』）》';
// Full-width marks a title line may end with while the title runs on into the next line.
const PUNCT_BREAK = RUN_ON_MARKS + CLOSING_MARKS;

export interface JoinOptions {
  /** Rule 'join-lines' is reported here (and when it is off, lines keep their line breaks). */
  log: ChangeLog;
  /** The lines are the phrases of a title set on two lines: they join with one space. */
  phrases: boolean;
}

/**
 * Joins lines (`texts`, formatted, one per line of `lines`) into one text. Running text joins with
 * nothing between CJK and a space between Latin words; phrases join with one space. A line on
 * another page than the one before it records a page break at the offset where it starts.
 */
export function joinLines(
  lines: readonly Line[],
  texts: readonly string[],
  { log, phrases }: JoinOptions,
): { text: string; breaks: PageBreak[] } {
  // Parts joined once at the end, and the tail kept apart: appending to a string and reading its
  // end each time flattens it every line (quadratic on a body of many thousand lines).
  const parts: string[] = [texts[0] ?? ''];
  let length = parts[0]!.length;
  let tail = parts[0]!.slice(-6);
  const breaks: PageBreak[] = [];
  const join = log.on('join-lines');
  for (let i = 1; i < lines.length; i++) {
    const text = texts[i]!;
    if (text.length === 0) continue;
    let sep = '';
    if (!join) sep = '\n';
    // A title broken after full-width punctuation (：，、”) runs on; one broken between phrases gets a space.
    else if (phrases) sep = PUNCT_BREAK.includes(tail[tail.length - 1] ?? '') ? '' : ' ';
    else {
      const a = tail[tail.length - 1] ?? '';
      const b = text[0] ?? '';
      if ((isLatinLetter(a) || isDigit(a)) && isLatinLetter(b)) sep = ' ';
      else if (isLatinLetter(a) && isDigit(b)) sep = ' ';
    }
    if (join) {
      const line = lines[i]!;
      log.record(
        'join-lines',
        { page: line.page, line: line.lineNo },
        { before: tail + '⏎' + text.slice(0, 6), after: tail + sep + text.slice(0, 6) },
      );
    }
    if (lines[i]!.page !== lines[i - 1]!.page) breaks.push({ at: length + sep.length, page: lines[i]!.page });
    parts.push(sep, text);
    length += sep.length + text.length;
    tail = (tail + sep + text).slice(-6);
  }
  return { text: parts.join(''), breaks };
}

/** What block `makeBlock` makes of its lines. */
export interface BlockSpec {
  kind: BlockKind;
  /** How the lines' spaces are treated (see `formatLine`). */
  role: TextRole;
  /** The lines are the phrases of a title set on two lines: they join with one space. */
  phrases?: boolean;
  /** Applied to the first line's text before it is formatted (e.g. dropping the dashes of an attribution). */
  transform?: (s: string) => string;
}

/** A block of `spec.kind` made of `lines`, with its page, page breaks and source span. */
export function makeBlock(lines: readonly Line[], spec: BlockSpec, ctx: TextContext): Block {
  const texts = lines.map((l, i) => {
    const text = i === 0 && spec.transform ? spec.transform(l.text) : l.text;
    return formatLine(text, { role: spec.role, where: { page: l.page, line: l.lineNo } }, ctx);
  });
  const { text, breaks } = joinLines(lines, texts, { log: ctx.log, phrases: spec.phrases ?? false });
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  const raws: string[] = [];
  let prevNo = -1;
  for (const l of lines) {
    if (l.lineNo !== prevNo) raws.push(l.raw);
    prevNo = l.lineNo;
  }
  return {
    kind: spec.kind,
    text,
    page: first.page,
    breaks,
    source: { page: first.page, lineStart: first.lineNo, lineEnd: last.lineNo, raw: raws.join('\n') },
  };
}

/**
 * A whole title (or byline) as OCR reads its phrase gap: an unmatched quote between two words
 * ('strip-stray-quote'), and in OCR text a comma between two phrases ('ocr-title-gap').
 */
export function fixTitle(title: string, where: Where, ctx: TextContext, { commaAtBreak = false }: TitleFacts = {}): string {
  let text = title;
  if (ctx.log.on('strip-stray-quote')) text = unbalancedTitleQuotes(text, ctx.log.sink('strip-stray-quote', where)).text;
  // A comma that ends one of the title's printed lines is the title's own: OCR reads phrase gaps as commas only within a line.
  if (ctx.ocr && ctx.log.on('ocr-title-gap') && !commaAtBreak)
    text = ocrTitleGap(text, ctx.log.sink('ocr-title-gap', where)).text;
  return text;
}

/** What the printed title lines tell about a title's punctuation. */
export interface TitleFacts {
  /** One of the title's lines (not its last) ends with a comma. */
  commaAtBreak?: boolean;
}

/**
 * Rule 'ocr-final-stop' (OCR text only): a paragraph of two or more lines that ends on an
 * ideograph, letter or digit lost its final full stop to OCR (a lone 。 at the end of a short
 * last line is the mark OCR drops most). Prose paragraphs end with punctuation.
 */
export function closeParagraph(block: Block, lineCount: number, ctx: TextContext): void {
  if (!ctx.ocr || lineCount < 2 || !ctx.log.on('ocr-final-stop')) return;
  if (!/[\p{Script=Han}A-Za-z0-9]$/u.test(block.text)) return;
  const tail = block.text.slice(-6);
  block.text += '。';
  // The stop goes at the block's end: on the page of its last part (a paragraph may run onto the next page).
  const endPage = block.breaks.length > 0 ? block.breaks[block.breaks.length - 1]!.page : block.page;
  ctx.log.record('ocr-final-stop', { page: endPage, line: block.source?.lineEnd ?? 0 }, { before: tail, after: tail + '。' });
}
