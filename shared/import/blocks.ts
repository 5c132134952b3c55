import type { Block, PageBreak } from '../model/caseDoc.ts';
import type { BlockKind } from '../model/blockKind.ts';
import type { ChangeLog } from './changeLog.ts';
import type { Line } from './lines.ts';
import { formatLine, type FormatOptions, type TextRole } from './format.ts';
import { isLatinLetter, isDigit } from '../text/cjk.ts';
import { unbalancedTitleQuotes } from '../text/garbage.ts';
import { ocrTitleGap } from '../text/ocr.ts';

/** What every stage that writes text needs: the change log and the formatting options. */
export interface TextContext {
  log: ChangeLog;
  fmt: FormatOptions;
  /** The text looks like OCR output (see ocrEvidence): OCR-only rules apply. */
  ocr?: boolean;
}

/**
 * Joins lines into one text. Running text joins with nothing between CJK and a space between
 * Latin words; `phrases` (titles set on two lines) joins with one space. A line on another page
 * than the one before it records a page break at the offset where it starts.
 */
export function joinLines(
  lines: readonly Line[],
  texts: readonly string[],
  ctx: TextContext,
  phrases = false,
): { text: string; breaks: PageBreak[] } {
  // Parts joined once at the end, and the tail kept apart: appending to a string and reading its
  // end each time flattens it every line (quadratic on a body of many thousand lines).
  const parts: string[] = [texts[0] ?? ''];
  let length = parts[0]!.length;
  let tail = parts[0]!.slice(-6);
  const breaks: PageBreak[] = [];
  const join = ctx.log.on('join-lines');
  for (let i = 1; i < lines.length; i++) {
    const t = texts[i]!;
    if (t.length === 0) continue;
    let sep = '';
    if (!join) sep = '\n';
    else if (phrases) sep = ' ';
    else {
      const a = tail[tail.length - 1] ?? '';
      const b = t[0] ?? '';
      if ((isLatinLetter(a) || isDigit(a)) && isLatinLetter(b)) sep = ' ';
      else if (isLatinLetter(a) && isDigit(b)) sep = ' ';
    }
    if (join) {
      const line = lines[i]!;
      ctx.log.record('join-lines', { page: line.page, line: line.lineNo }, tail + '⏎' + t.slice(0, 6), tail + sep + t.slice(0, 6));
    }
    if (lines[i]!.page !== lines[i - 1]!.page) breaks.push({ at: length + sep.length, page: lines[i]!.page });
    parts.push(sep, t);
    length += sep.length + t.length;
    tail = (tail + sep + t).slice(-6);
  }
  return { text: parts.join(''), breaks };
}

/** A block of `kind` made of `lines`, with its page, page breaks and source span. */
export function makeBlock(
  kind: BlockKind,
  lines: readonly Line[],
  role: TextRole,
  ctx: TextContext,
  opts: { phrases?: boolean; transform?: (s: string) => string } = {},
): Block {
  const texts = lines.map((l, i) => {
    const t = i === 0 && opts.transform ? opts.transform(l.text) : l.text;
    return formatLine(t, role, { page: l.page, line: l.lineNo }, ctx.log, ctx.fmt);
  });
  const { text, breaks } = joinLines(lines, texts, ctx, opts.phrases ?? false);
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  const raws: string[] = [];
  let prevNo = -1;
  for (const l of lines) {
    if (l.lineNo !== prevNo) raws.push(l.raw);
    prevNo = l.lineNo;
  }
  return {
    kind,
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
export function fixTitle(title: string, where: { page: number; line: number }, ctx: TextContext): string {
  let t = title;
  if (ctx.log.on('strip-stray-quote')) {
    t = unbalancedTitleQuotes(t, (before, after) => ctx.log.record('strip-stray-quote', where, before, after)).text;
  }
  if (ctx.ocr && ctx.log.on('ocr-title-gap')) {
    t = ocrTitleGap(t, (before, after) => ctx.log.record('ocr-title-gap', where, before, after)).text;
  }
  return t;
}

/**
 * Rule 'ocr-final-stop' (OCR text only): a paragraph of two or more lines that ends on an
 * ideograph, letter or digit lost its final full stop to OCR (a lone 。 at the end of a short
 * last line is the mark OCR drops most). Prose paragraphs end with punctuation.
 */
export function closeParagraph(b: Block, lineCount: number, ctx: TextContext): void {
  if (!ctx.ocr || lineCount < 2 || !ctx.log.on('ocr-final-stop')) return;
  if (!/[\p{Script=Han}A-Za-z0-9]$/u.test(b.text)) return;
  const tail = b.text.slice(-6);
  b.text += '。';
  ctx.log.record('ocr-final-stop', { page: b.source?.page ?? b.page, line: b.source?.lineEnd ?? 0 }, tail, tail + '。');
}
