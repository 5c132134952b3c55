/**
 * Linking text and scan line by line: which lines of a page image hold a block's text (the scan
 * pane outlines them), and where in the text a line of the image starts (a click on it puts the
 * caret there). Computed from the blocks' current text each time, like the suspects, so an edit
 * moves the link with the characters it did not touch and no stored anchor can go stale.
 */
import type { OcrPage } from '../model/ocr.ts';
import { normalizeRadicals } from '../text/radicals.ts';
import { alignSegment, blockSegments, indexChars, isSpace, segmentOf, type CharIndex, type PagedBlock } from './pageAlign.ts';

/** A line of a page as the scan shows it; the box is in fractions of the page (0–1), y downwards. */
export interface PageLine {
  text: string;
  box: readonly [x0: number, y0: number, x1: number, y1: number];
}

/** A page's lines with their characters indexed for alignment. */
export interface LinePageIndex extends CharIndex {
  readonly lines: readonly PageLine[];
  /** Line of each character of `chars`. */
  readonly lineOf: readonly number[];
}

/** Where a line of the page starts in the text: a block (by index) and a UTF-16 offset in it. */
export interface LineTarget {
  block: number;
  offset: number;
}

/** Indexes a page's lines (built once per page and reused for every block). */
export function indexPageLines(lines: readonly PageLine[]): LinePageIndex {
  const chars: string[] = [];
  const lineOf: number[] = [];
  lines.forEach((line, n) => {
    for (const ch of line.text) {
      if (isSpace(ch)) continue;
      chars.push(ch);
      lineOf.push(n);
    }
  });
  return { ...indexChars(chars), lines, lineOf };
}

/** An OCR reading's lines as fractions of its image. */
export function ocrPageLines(page: OcrPage): PageLine[] {
  const { width: w, height: h } = page;
  return page.lines.map((l) => ({ text: l.text, box: [l.box[0] / w, l.box[1] / h, l.box[2] / w, l.box[3] / h] as const }));
}

/**
 * Pairs of (segment character, page character) for each part of `block` printed on `page`, as
 * UTF-16 offsets in the block's text and positions in `index.chars`.
 */
function matches(block: PagedBlock, page: number, index: LinePageIndex, visit: (offset: number, pos: number) => void): void {
  for (const part of blockSegments(block)) {
    if (part.page !== page) continue;
    const seg = segmentOf(block.text, part.from, part.to);
    const runs = alignSegment(seg.chars, index);
    if (!runs) continue;
    for (const r of runs) for (let k = 0; k < r.count; k++) visit(seg.offsets[r.seg + k]!, r.page + k);
  }
}

/**
 * The lines of `page` that hold the block's text there, in order: every line from the first to the
 * last one the block's characters were found on (a line in between that the user rewrote whole
 * is still the block's). Empty when the block is not on the page or cannot be found on it.
 */
export function blockLines(block: PagedBlock, page: number, index: LinePageIndex): number[] {
  let first = Infinity;
  let last = -Infinity;
  matches(block, page, index, (_offset, pos) => {
    const line = index.lineOf[pos]!;
    if (line < first) first = line;
    if (line > last) last = line;
  });
  if (first > last) return [];
  const out: number[] = [];
  for (let n = first; n <= last; n++) out.push(n);
  return out;
}

/**
 * Where `line` of `page` starts in the case's text: the earliest character of the line that one of
 * the blocks was aligned with. Null for a line no block holds (a running head, a page number,
 * another case's text, a line rewritten past recognition).
 */
export function lineTarget(blocks: readonly PagedBlock[], page: number, index: LinePageIndex, line: number): LineTarget | null {
  let best: { pos: number; target: LineTarget } | null = null;
  blocks.forEach((block, b) => {
    matches(block, page, index, (offset, pos) => {
      if (index.lineOf[pos] !== line) return;
      if (!best || pos < best.pos) best = { pos, target: { block: b, offset } };
    });
  });
  return (best as { pos: number; target: LineTarget } | null)?.target ?? null;
}

/** A run of text on a PDF page as pdf.js gives it, in fractions of the page, y downwards. */
export interface TextRun {
  str: string;
  /** Left end of the baseline. */
  x: number;
  y: number;
  width: number;
  /** Type size (height of the run). */
  size: number;
  /** The run ends its line (pdf.js `hasEOL`). */
  eol: boolean;
}

/**
 * Groups a PDF page's text runs into lines: a run joins the previous line unless that line ended
 * (`eol`) or the run's baseline is off the line's by more than half the type size (another line or
 * column). Runs without text (spacing) widen nothing. Radicals some fonts map ideographs to
 * (⺠ for 民) are read as the ideographs, as the import reads them.
 */
export function linesFromRuns(runs: readonly TextRun[]): PageLine[] {
  const out: PageLine[] = [];
  let cur: { text: string; x0: number; x1: number; y: number; size: number; ended: boolean } | null = null;
  const flush = () => {
    if (cur && cur.text.trim() !== '')
      out.push({ text: normalizeRadicals(cur.text), box: [cur.x0, cur.y - cur.size, cur.x1, cur.y + cur.size * 0.2] });
  };
  for (const r of runs) {
    const blank = r.str.trim() === '';
    if (cur && !cur.ended && Math.abs(r.y - cur.y) <= Math.max(cur.size, r.size) / 2) {
      cur.text += r.str;
      if (!blank) {
        cur.x0 = Math.min(cur.x0, r.x);
        cur.x1 = Math.max(cur.x1, r.x + r.width);
        cur.size = Math.max(cur.size, r.size);
      }
      cur.ended = r.eol;
      continue;
    }
    if (blank) {
      // Spacing between lines starts none; its line end still ends the current one.
      if (cur && r.eol) cur.ended = true;
      continue;
    }
    flush();
    cur = { text: r.str, x0: r.x, x1: r.x + r.width, y: r.y, size: r.size, ended: r.eol };
  }
  flush();
  return out;
}
