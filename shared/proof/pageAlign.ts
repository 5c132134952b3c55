/**
 * Aligning a block's text with what a page reads (OCR lines, a PDF's text runs). The page's text
 * is not the block's: cleanup joined and fixed lines, the user edited, running heads and other
 * cases share the page. So a segment (the part of a block printed on one page) is first anchored on
 * the page by its trigrams, then aligned character by character in a window around the anchor.
 * Whitespace is ignored on both sides: it carries no meaning in Chinese text and OCR invents it.
 */
import { diffArrays } from 'diff';
import type { PageBreak } from '../model/caseDoc.ts';

/** A page's non-whitespace characters in reading order, indexed for anchoring. */
export interface CharIndex {
  /** One code point each. */
  readonly chars: readonly string[];
  /** Positions in `chars` of each trigram. */
  readonly trigrams: ReadonlyMap<string, readonly number[]>;
  /** Positions of each character, for segments too short for a trigram. */
  readonly unigrams: ReadonlyMap<string, readonly number[]>;
}

/** A block as alignment reads it: its text, the page it starts on and its page breaks. */
export interface PagedBlock {
  text: string;
  page: number;
  breaks?: readonly PageBreak[];
}

/** The non-whitespace code points of a block's text[from, to), with their UTF-16 offsets. */
export interface Segment {
  readonly chars: readonly string[];
  readonly offsets: readonly number[];
}

/** A run of equal characters: `count` characters from `page` in the page and from `seg` in the segment. */
export interface MatchRun {
  page: number;
  seg: number;
  count: number;
}

const WHITESPACE = /\s/u;
/** A trigram found more often than this on a page says nothing about where a segment sits. */
const MAX_ANCHOR_HITS = 3;
/** Share of a segment's trigrams that must agree on where it sits (OCR errors and edits break the others). */
const MIN_ANCHOR_SHARE = 0.25;
/** Default bound on one alignment; past it the segment is left unaligned rather than freezing the editor. */
const ALIGN_TIMEOUT_MS = 50;

export function isSpace(ch: string): boolean {
  return WHITESPACE.test(ch);
}

function addPos(map: Map<string, number[]>, key: string, pos: number): void {
  const list = map.get(key);
  if (list) list.push(pos);
  else map.set(key, [pos]);
}

/** Indexes a page's characters (non-whitespace, one code point each) for anchoring. */
export function indexChars(chars: readonly string[]): CharIndex {
  const trigrams = new Map<string, number[]>();
  const unigrams = new Map<string, number[]>();
  for (let i = 0; i < chars.length; i++) {
    addPos(unigrams, chars[i]!, i);
    if (i + 2 < chars.length) addPos(trigrams, chars[i]! + chars[i + 1]! + chars[i + 2]!, i);
  }
  return { chars, trigrams, unigrams };
}

/** The parts of a block printed on each page: text[from, to) on `page`, in order, empty parts left out. */
export function blockSegments(block: PagedBlock): Array<{ page: number; from: number; to: number }> {
  const out: Array<{ page: number; from: number; to: number }> = [];
  const breaks = block.breaks ?? [];
  let from = 0;
  let page = block.page;
  for (let i = 0; i <= breaks.length; i++) {
    const to = i < breaks.length ? Math.min(block.text.length, Math.max(from, breaks[i]!.at)) : block.text.length;
    if (to > from) out.push({ page, from, to });
    if (i < breaks.length) {
      from = to;
      page = breaks[i]!.page;
    }
  }
  return out;
}

/** The non-whitespace code points of text[from, to). */
export function segmentOf(text: string, from: number, to: number): Segment {
  const chars: string[] = [];
  const offsets: number[] = [];
  for (let i = from; i < to;) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (!WHITESPACE.test(ch)) {
      chars.push(ch);
      offsets.push(i);
    }
    i += ch.length;
  }
  return { chars, offsets };
}

/**
 * The start in `page.chars` that most anchors of `seg` agree on, or null when too few do: a segment
 * that is not on the page shares a few common phrases with it (社区建设), never a quarter of its trigrams.
 */
export function anchorSegment(seg: readonly string[], page: CharIndex): number | null {
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

export interface AlignOptions {
  /** Characters that read the same (default: equal). */
  comparator?: (pageChar: string, segChar: string) => boolean;
  /** Bound on the alignment in ms (default 50); past it the segment is left unaligned. */
  timeoutMs?: number;
  /**
   * Shortest run kept (default 2): a lone matching character between differences is usually a
   * coincidence of the alignment, not a reading.
   */
  minRun?: number;
}

/**
 * The runs of characters a segment shares with the page where it sits, in order, or null when it
 * cannot be placed (rewritten, or not on this page).
 */
export function alignSegment(seg: readonly string[], page: CharIndex, options: AlignOptions = {}): MatchRun[] | null {
  if (seg.length === 0) return null;
  const start = anchorSegment(seg, page);
  if (start === null) return null;
  // Room for what cleanup or the user added or removed around the anchor.
  const slack = 8 + Math.ceil(seg.length * 0.2);
  const lo = Math.max(0, start - slack);
  const hi = Math.min(page.chars.length, start + seg.length + slack);
  const changes = diffArrays(page.chars.slice(lo, hi) as string[], seg as string[], {
    timeout: options.timeoutMs ?? ALIGN_TIMEOUT_MS,
    ...(options.comparator ? { comparator: options.comparator } : {}),
  });
  if (!changes) return null;
  const minRun = options.minRun ?? 2;
  const runs: MatchRun[] = [];
  let p = lo;
  let s = 0;
  for (const c of changes) {
    if (c.removed) p += c.count;
    else if (c.added) s += c.count;
    else {
      if (c.count >= minRun) runs.push({ page: p, seg: s, count: c.count });
      p += c.count;
      s += c.count;
    }
  }
  return runs;
}
