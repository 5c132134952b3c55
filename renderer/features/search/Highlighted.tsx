import type { ReactNode } from 'react';
import type { HighlightRange } from '../../../shared/model/search.ts';

/** A snippet with its hits in <mark>, from the ranges main computed (never HTML from main). */
export function Highlighted({ text, highlights }: { text: string; highlights: readonly HighlightRange[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  highlights.forEach((h, i) => {
    if (h.start > at) parts.push(text.slice(at, h.start));
    parts.push(
      <mark key={i} className="search-hit__mark">
        {text.slice(h.start, h.end)}
      </mark>,
    );
    at = Math.max(at, h.end);
  });
  if (at < text.length) parts.push(text.slice(at));
  return <span className="search-hit__text">{parts}</span>;
}
