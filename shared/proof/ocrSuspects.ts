/**
 * Low-confidence OCR suspects: characters of a block that OCR read with a confidence below a
 * threshold. Like the other suspects they are computed from the block's current text and never
 * stored: each page segment of the block is aligned with the characters OCR read on that page, and
 * a character is flagged when it is still the one OCR read there. So an edit elsewhere moves the
 * suspect with its character, and correcting (or deleting) the character removes it.
 */
import { diffArrays } from 'diff';
import type { PageBreak } from '../model/caseDoc.ts';
import type { OcrPage } from '../model/ocr.ts';
import type { Suspect } from './suspects.ts';

export const OCR_SUSPECT_KIND = 'ocr-low-confidence' as const;

/** A low-confidence run of a block's text: UTF-16 offsets, and the lowest confidence in it (0–100). */
export interface OcrSuspect extends Suspect {
  kind: typeof OCR_SUSPECT_KIND;
  confidence: number;
}

/** What OCR read on one page, flattened for alignment (build once per page with `indexOcrPage`). */
export interface OcrPageIndex {
  /** The page's non-whitespace characters in reading order, one code point each. */
  readonly chars: readonly string[];
  readonly confidences: readonly number[];
  /** Positions in `chars` of each trigram; anchors a block segment on the page. */
  readonly trigrams: ReadonlyMap<string, readonly number[]>;
  /** Positions of each character, for segments too short for a trigram. */
  readonly unigrams: ReadonlyMap<string, readonly number[]>;
}

/** A block as the check needs it: its text, the page it starts on and its page breaks. */
export interface OcrBlock {
  text: string;
  page: number;
  breaks?: readonly PageBreak[];
}

/** A page's OCR by page index (undefined when the page has none: a text layer, or not loaded yet). */
export type OcrPages = (page: number) => OcrPageIndex | undefined;

const WHITESPACE = /\s/u;
/** A trigram found more often than this on a page says nothing about where a segment sits. */
const MAX_ANCHOR_HITS = 3;
/** Share of a segment's trigrams that must agree on where it sits (OCR errors and edits break the others). */
const MIN_ANCHOR_SHARE = 0.25;
/** Bound on one alignment; past it the segment gets no suspects rather than freezing the editor. */
const ALIGN_TIMEOUT_MS = 50;

function addPos(map: Map<string, number[]>, key: string, pos: number): void {
  const list = map.get(key);
  if (list) list.push(pos);
  else map.set(key, [pos]);
}

/** Flattens a page's OCR lines into characters with their confidences, indexed for anchoring. */
export function indexOcrPage(page: OcrPage): OcrPageIndex {
  const chars: string[] = [];
  const confidences: number[] = [];
  for (const line of page.lines) {
    let k = 0;
    for (const ch of line.text) {
      if (WHITESPACE.test(ch)) continue;
      chars.push(ch);
      // `chars` holds one entry per non-whitespace character; a short array (engine quirk) reads as unknown.
      confidences.push(line.chars[k * 5 + 4] ?? 100);
      k++;
    }
  }
  const trigrams = new Map<string, number[]>();
  const unigrams = new Map<string, number[]>();
  for (let i = 0; i < chars.length; i++) {
    addPos(unigrams, chars[i]!, i);
    if (i + 2 < chars.length) addPos(trigrams, chars[i]! + chars[i + 1]! + chars[i + 2]!, i);
  }
  return { chars, confidences, trigrams, unigrams };
}

/**
 * The start in `page.chars` that most anchors of `seg` agree on, or null when too few do: a segment
 * that is not on the page shares a few common phrases with it (社区建设), never a quarter of its trigrams.
 */
function anchor(seg: readonly string[], page: OcrPageIndex): number | null {
  if (seg.length < 2) return null;
  const votes = new Map<number, number>();
  const vote = (positions: readonly number[] | undefined, i: number): void => {
    if (!positions || positions.length > MAX_ANCHOR_HITS) return;
    for (const p of positions) votes.set(p - i, (votes.get(p - i) ?? 0) + 1);
  };
  const short = seg.length < 3;
  if (short) for (let i = 0; i < seg.length; i++) vote(page.unigrams.get(seg[i]!), i);
  else for (let i = 0; i + 2 < seg.length; i++) vote(page.trigrams.get(seg[i]! + seg[i + 1]! + seg[i + 2]!), i);
  const needed = short ? seg.length : Math.max(1, Math.ceil((seg.length - 2) * MIN_ANCHOR_SHARE));
  let best: number | null = null;
  let bestVotes = 0;
  for (const [diag, n] of votes) {
    if (n > bestVotes || (n === bestVotes && best !== null && diag < best)) {
      best = diag;
      bestVotes = n;
    }
  }
  return bestVotes >= needed ? best : null;
}

/** Suspects of one segment of a block (text[from, to) printed on one page). */
function segmentSuspects(text: string, from: number, to: number, page: OcrPageIndex, threshold: number, out: OcrSuspect[]): void {
  const seg: string[] = [];
  const offsets: number[] = [];
  for (let i = from; i < to;) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (!WHITESPACE.test(ch)) {
      seg.push(ch);
      offsets.push(i);
    }
    i += ch.length;
  }
  if (seg.length === 0) return;
  const start = anchor(seg, page);
  if (start === null) return;
  // Room for what cleanup or the user added or removed around the anchor.
  const slack = 8 + Math.ceil(seg.length * 0.2);
  const lo = Math.max(0, start - slack);
  const hi = Math.min(page.chars.length, start + seg.length + slack);
  const changes = diffArrays(page.chars.slice(lo, hi) as string[], seg, { timeout: ALIGN_TIMEOUT_MS });
  if (!changes) return;
  let p = lo;
  let s = 0;
  let last: OcrSuspect | null = null;
  for (const c of changes) {
    if (c.removed) {
      p += c.count;
      continue;
    }
    if (c.added) {
      s += c.count;
      continue;
    }
    // A lone matching character between differences is a coincidence of the alignment, not a reading.
    if (c.count < 2) {
      p += c.count;
      s += c.count;
      last = null;
      continue;
    }
    for (let k = 0; k < c.count; k++, p++, s++) {
      const confidence = page.confidences[p]!;
      if (confidence >= threshold) continue;
      const at = offsets[s]!;
      const end = at + seg[s]!.length;
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
  const breaks = block.breaks ?? [];
  let from = 0;
  let page = block.page;
  for (let i = 0; i <= breaks.length; i++) {
    const to = i < breaks.length ? Math.min(block.text.length, Math.max(from, breaks[i]!.at)) : block.text.length;
    const index = pages(page);
    if (index && to > from) segmentSuspects(block.text, from, to, index, threshold, out);
    if (i < breaks.length) {
      from = to;
      page = breaks[i]!.page;
    }
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
