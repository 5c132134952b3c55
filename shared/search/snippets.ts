import type { HighlightRange } from '../model/search.ts';
import { nextHit } from './query.ts';

/** Characters of context kept before and after a hit, within its line. */
export const SNIPPET_CONTEXT = { before: 24, after: 48 } as const;

export interface Excerpt {
  /** The excerpt, `…` where a line was cut. */
  text: string;
  highlights: HighlightRange[];
  /** Offset and length of the hit the excerpt is around, in the searched text. */
  offset: number;
  length: number;
}

const isLowSurrogate = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
};

/**
 * Up to `max` excerpts of `text`, each around the next hit not shown by the previous one, in text
 * order, each within its line (a block of the case) and with every hit inside it highlighted.
 * `folded` is `text` folded as the needles are (same length).
 */
export function excerpts(text: string, folded: string, needles: readonly string[], max: number): Excerpt[] {
  const out: Excerpt[] = [];
  let from = 0;
  while (out.length < max) {
    const hit = nextHit(folded, needles, from);
    if (!hit) break;
    const lineStart = text.lastIndexOf('\n', hit.start - 1) + 1;
    const lineEnd = ((i) => (i < 0 ? text.length : i))(text.indexOf('\n', hit.end));
    let start = Math.max(lineStart, hit.start - SNIPPET_CONTEXT.before);
    let end = Math.min(lineEnd, hit.end + SNIPPET_CONTEXT.after);
    if (start > lineStart && isLowSurrogate(text, start)) start--;
    if (end < lineEnd && isLowSurrogate(text, end)) end++;
    const prefix = start > lineStart ? '…' : '';
    const suffix = end < lineEnd ? '…' : '';
    const shift = prefix.length - start;
    const highlights: HighlightRange[] = [];
    for (let h: typeof hit | null = hit; h && h.start < end; h = nextHit(folded, needles, h.end)) {
      highlights.push({ start: h.start + shift, end: Math.min(h.end, end) + shift });
    }
    out.push({
      text: prefix + text.slice(start, end).replace(/[\r\t]/g, ' ') + suffix,
      highlights,
      offset: hit.start,
      length: hit.end - hit.start,
    });
    from = Math.max(end, hit.end);
  }
  return out;
}
