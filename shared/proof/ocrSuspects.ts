/**
 * Low-confidence OCR suspects: characters of a block that OCR read with a confidence below a
 * threshold. Like the other suspects they are computed from the block's current text and never
 * stored: each page segment of the block is aligned with the characters OCR read on that page, and
 * a character is flagged when it is still the one OCR read there. So an edit elsewhere moves the
 * suspect with its character, and correcting (or deleting) the character removes it.
 */
import type { OcrPage } from '../model/ocr.ts';
import { alignSegment, blockSegments, indexChars, isSpace, segmentOf, type CharIndex, type PagedBlock } from './pageAlign.ts';
import type { Suspect } from './suspects.ts';

export const OCR_SUSPECT_KIND = 'ocr-low-confidence' as const;

/** A low-confidence run of a block's text: UTF-16 offsets, and the lowest confidence in it (0–100). */
export interface OcrSuspect extends Suspect {
  kind: typeof OCR_SUSPECT_KIND;
  confidence: number;
}

/** What OCR read on one page, flattened for alignment (build once per page with `indexOcrPage`). */
export interface OcrPageIndex extends CharIndex {
  /** Confidence of each of `chars`. */
  readonly confidences: readonly number[];
}

/** A block as the check needs it: its text, the page it starts on and its page breaks. */
export type OcrBlock = PagedBlock;

/** A page's OCR by page index (undefined when the page has none: a text layer, or not loaded yet). */
export type OcrPages = (page: number) => OcrPageIndex | undefined;

/** What OCR read on a case's pages and the threshold (0–100) below which a character is a suspect. */
export interface OcrCheck {
  pages: OcrPages;
  threshold: number;
}

/** Flattens a page's OCR lines into characters with their confidences, indexed for anchoring. */
export function indexOcrPage(page: OcrPage): OcrPageIndex {
  const chars: string[] = [];
  const confidences: number[] = [];
  for (const line of page.lines) {
    let k = 0;
    for (const ch of line.text) {
      if (isSpace(ch)) continue;
      chars.push(ch);
      // `chars` holds one entry per non-whitespace character; a short array (engine quirk) reads as unknown.
      confidences.push(line.chars[k * 5 + 4] ?? 100);
      k++;
    }
  }
  return { ...indexChars(chars), confidences };
}

/** Suspects of one segment of a block (text[from, to) printed on one page). */
function segmentSuspects(text: string, from: number, to: number, page: OcrPageIndex, threshold: number, out: OcrSuspect[]): void {
  const seg = segmentOf(text, from, to);
  const runs = alignSegment(seg.chars, page);
  if (!runs) return;
  let last: OcrSuspect | null = null;
  for (const run of runs) {
    for (let k = 0; k < run.count; k++) {
      const confidence = page.confidences[run.page + k]!;
      if (confidence >= threshold) continue;
      const at = seg.offsets[run.seg + k]!;
      const end = at + seg.chars[run.seg + k]!.length;
      // Neighbouring low characters make one suspect, as one F8 stop.
      if (last && last.end === at) {
        last.end = end;
        last.confidence = Math.min(last.confidence, confidence);
      } else {
        last = { start: at, end, kind: OCR_SUSPECT_KIND, confidence };
        out.push(last);
      }
    }
  }
}

/**
 * The characters of `block` that OCR read with a confidence below `threshold` (0–100) and that are
 * still as OCR read them, sorted by position. A segment on a page without OCR, or which cannot be
 * found on its page (rewritten, or not from OCR), has none.
 */
export function findOcrSuspects(block: OcrBlock, pages: OcrPages, threshold: number): OcrSuspect[] {
  const out: OcrSuspect[] = [];
  if (threshold <= 0 || block.text.length === 0) return out;
  for (const part of blockSegments(block)) {
    const index = pages(part.page);
    if (index) segmentSuspects(block.text, part.from, part.to, index, threshold, out);
  }
  return out;
}

/** `OcrPages` over a map of page index → OcrPage, indexing each page once, on first use. */
export function ocrPagesOf(pages: ReadonlyMap<number, OcrPage>): OcrPages {
  const cache = new Map<number, OcrPageIndex>();
  return (n) => {
    const hit = cache.get(n);
    if (hit) return hit;
    const page = pages.get(n);
    if (!page) return undefined;
    const index = indexOcrPage(page);
    cache.set(n, index);
    return index;
  };
}

/**
 * A block's text suspects with its OCR ones added, sorted by position. An OCR suspect overlapping a
 * text suspect is left out: the text check says more precisely what is wrong, and every character
 * belongs to at most one suspect (as in `findSuspects`).
 */
export function withOcrSuspects<S extends Suspect>(text: readonly S[], ocr: readonly OcrSuspect[]): Array<S | OcrSuspect> {
  if (ocr.length === 0) return [...text];
  const kept = ocr.filter((o) => !text.some((s) => o.start < s.end && s.start < o.end));
  return [...text, ...kept].sort((a, b) => a.start - b.start || a.end - b.end);
}
