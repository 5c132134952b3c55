/**
 * Re-OCR of one page against the text as it is now: where a new OCR reading of page P differs from
 * the current text of the blocks printed on P. Each block segment on P is anchored and aligned with
 * the new reading the way OCR suspects are (`ocrSuspects.ts`); differences inside the aligned range
 * become hunks the user accepts or rejects. Nothing here changes any text.
 */
import type { OcrPage } from '../model/ocr.ts';
import { indexOcrPage, type OcrBlock, type OcrPageIndex } from './ocrSuspects.ts';
import { alignSegment, blockSegments, segmentOf } from './pageAlign.ts';

/** One difference: block `blockIndex`'s text [start, end) (UTF-16) reads `oldText`; the new OCR reads `newText`. */
export interface ReocrHunk {
  blockIndex: number;
  start: number;
  end: number;
  oldText: string;
  newText: string;
}

export interface ReocrDiff {
  hunks: ReocrHunk[];
  /** Block segments printed on the page. */
  segments: number;
  /** Segments that could not be found in the new reading (rewritten, or not on the page): no hunks for them. */
  skipped: number;
}

/** Bound on one alignment; past it the segment is skipped rather than freezing the editor. */
const ALIGN_TIMEOUT_MS = 200;
/** An equal run this long or longer is a real match; shorter runs between differences join the hunk around them. */
const MIN_RUN = 2;
/** Most characters either side of a difference next to a short run at a segment's edge. */
const MAX_EDGE_GAP = 2;
/** OCR is unreliable about the width of punctuation (，/, “/"): those readings are not differences. */
const QUOTES: Readonly<Record<string, string>> = { '“': '"', '”': '"', '‘': "'", '’': "'", '〝': '"', '〞': '"' };
const fold = (ch: string): string => QUOTES[ch] ?? ch.normalize('NFKC');
const sameReading = (a: string, b: string): boolean => a === b || fold(a) === fold(b);

/**
 * The hunks turning the blocks' text printed on `page` into what `ocr` (a new reading of that page)
 * reads, block by block in text order. Only differences between the first and the last matching run
 * of a segment count: what the reading has before or after (other cases' text, running heads, page
 * numbers) or the segment has beyond the reading is not a hunk. Whitespace is ignored both ways.
 */
export function reocrDiff(blocks: readonly OcrBlock[], page: number, ocr: OcrPage): ReocrDiff {
  const index = indexOcrPage(ocr);
  const out: ReocrDiff = { hunks: [], segments: 0, skipped: 0 };
  for (const [blockIndex, block] of blocks.entries()) {
    for (const [from, to] of segmentsOnPage(block, page)) {
      out.segments++;
      if (!segmentHunks(block.text, from, to, blockIndex, index, out.hunks)) out.skipped++;
    }
  }
  return out;
}

/** The ranges [from, to) of a block's text printed on `page` (its page breaks split it into segments). */
export function segmentsOnPage(block: OcrBlock, page: number): Array<[number, number]> {
  return blockSegments(block)
    .filter((part) => part.page === page)
    .map((part): [number, number] => [part.from, part.to]);
}

interface Pending {
  /** Segment positions of the text side [s0, s1) and reading positions [p0, p1). */
  s0: number;
  s1: number;
  p0: number;
  p1: number;
}

/** Hunks of text[from, to) against the reading; false when the segment cannot be anchored in it. */
function segmentHunks(text: string, from: number, to: number, blockIndex: number, page: OcrPageIndex, out: ReocrHunk[]): boolean {
  const { chars: seg, offsets } = segmentOf(text, from, to);
  if (seg.length === 0) return true;
  const aligned = alignSegment(seg, page, { comparator: sameReading, timeoutMs: ALIGN_TIMEOUT_MS, minRun: 1 });
  if (!aligned) return false;
  // Runs as [segment start, reading start, length] of matching characters, in order.
  const runs = aligned.map((r): [number, number, number] => [r.seg, r.page, r.count]);
  const anchors = runs.filter((r) => r[2] >= MIN_RUN);
  if (anchors.length === 0) return false;
  let first = runs.indexOf(anchors[0]!);
  let last = runs.indexOf(anchors.at(-1)!);
  // A short run at the very start or end of the segment still bounds the range when the difference
  // next to it is small: the segment's first or last characters misread (临涨街 for 临洮街).
  const near = (a: [number, number, number], b: [number, number, number]): boolean =>
    b[0] - (a[0] + a[2]) <= MAX_EDGE_GAP && b[1] - (a[1] + a[2]) <= MAX_EDGE_GAP;
  if (first > 0 && runs[first - 1]![0] === 0 && near(runs[first - 1]!, runs[first]!)) first--;
  const end = runs[last + 1];
  if (end && end[0] + end[2] === seg.length && near(runs[last]!, end)) last++;

  // Between two consecutive runs (inside the aligned range) lies a difference; a short run between
  // differences is a coincidence of the alignment and is folded into one hunk with them.
  let pending: Pending | null = null;
  const flush = (): void => {
    if (pending) out.push(toHunk(text, blockIndex, seg, offsets, page, pending));
    pending = null;
  };
  for (let k = first; k < last; k++) {
    const [s0, p0, n0] = runs[k]!;
    const [s1, p1] = runs[k + 1]!;
    const gap: Pending = { s0: s0 + n0, s1, p0: p0 + n0, p1 };
    if (gap.s0 === gap.s1 && gap.p0 === gap.p1) continue;
    if (pending && n0 < MIN_RUN) {
      pending.s1 = gap.s1;
      pending.p1 = gap.p1;
    } else {
      flush();
      pending = gap;
    }
  }
  flush();
  return true;
}

function toHunk(
  text: string,
  blockIndex: number,
  seg: readonly string[],
  offsets: readonly number[],
  page: OcrPageIndex,
  g: Pending,
): ReocrHunk {
  const newText = page.chars.slice(g.p0, g.p1).join('');
  if (g.s1 > g.s0) {
    const start = offsets[g.s0]!;
    const end = offsets[g.s1 - 1]! + seg[g.s1 - 1]!.length;
    return { blockIndex, start, end, oldText: text.slice(start, end), newText };
  }
  // Only the reading has characters here: inserted right after the previous matching character.
  const at = offsets[g.s0 - 1]! + seg[g.s0 - 1]!.length;
  return { blockIndex, start: at, end: at, oldText: '', newText };
}

/** A key naming a hunk across recomputations (offsets move as other hunks are applied): its block, texts and rank among equal ones. */
export function hunkKeys(hunks: readonly ReocrHunk[]): string[] {
  const seen = new Map<string, number>();
  return hunks.map((h) => {
    const base = `${h.blockIndex}\u0000${h.oldText}\u0000${h.newText}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}\u0000${n}`;
  });
}
