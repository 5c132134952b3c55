import type { OcrBlock } from '../../../shared/proof/ocrSuspects.ts';
import { hunkKeys, reocrDiff, type ReocrHunk } from '../../../shared/proof/reocrDiff.ts';
import type { OcrPage } from '../../../shared/model/ocr.ts';

/** The hunks left to decide, against the text they were computed from. */
export interface Review {
  /** The blocks' text when the hunks were computed: a hunk applies only while its block still reads so. */
  texts: readonly string[];
  hunks: readonly ReocrHunk[];
  keys: readonly string[];
  segments: number;
  skipped: number;
}

/** Compares the blocks as they are now with the new reading, leaving out the hunks already rejected. */
export function review(blocks: readonly OcrBlock[], page: number, ocr: OcrPage, rejected: ReadonlySet<string>): Review {
  const diff = reocrDiff(blocks, page, ocr);
  const keys = hunkKeys(diff.hunks);
  const keep = diff.hunks.map((_, i) => !rejected.has(keys[i]!));
  return {
    texts: blocks.map((b) => b.text),
    hunks: diff.hunks.filter((_, i) => keep[i]),
    keys: keys.filter((_, i) => keep[i]),
    segments: diff.segments,
    skipped: diff.skipped,
  };
}

/** Whether `hunk` may be applied to the blocks as they are now: its block unchanged since the review. */
export function stillApplies(r: Review, hunk: ReocrHunk, now: readonly OcrBlock[]): boolean {
  const block = now[hunk.blockIndex];
  return (
    block !== undefined &&
    now.length === r.texts.length &&
    block.text === r.texts[hunk.blockIndex] &&
    block.text.slice(hunk.start, hunk.end) === hunk.oldText
  );
}

const CONTEXT = 8;

/** A few characters either side of a hunk, to show where it is. */
export function hunkContext(text: string, hunk: ReocrHunk): { before: string; after: string } {
  const before = Array.from(text.slice(0, hunk.start)).slice(-CONTEXT).join('');
  const after = Array.from(text.slice(hunk.end)).slice(0, CONTEXT).join('');
  return { before, after };
}
