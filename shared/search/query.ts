import { AppError } from '../ipc/errors.ts';

/** Text with nothing to find in it: punctuation of any script, spaces, control and format characters. */
const NOTHING_TO_FIND = /^[\p{P}\p{Z}\p{Cc}\p{Cf}\s]*$/u;

/** Length in characters (code points), as the trigram index counts them. */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * The terms of a query: the whole trimmed query as one phrase when `exact`, else its
 * whitespace-separated terms, deduplicated, dropping those that are only punctuation (、 alone
 * would match nearly everything). Terms keep their inner punctuation: “民情论坛” is searched as printed.
 * Throws SEARCH_EMPTY_QUERY when nothing is left to search for.
 */
export function queryTerms(query: string, exact: boolean): string[] {
  const trimmed = query.trim();
  const candidates = exact ? [trimmed] : trimmed.split(/\s+/u);
  const terms = [...new Set(candidates.filter((t) => t !== '' && !NOTHING_TO_FIND.test(t)))];
  if (terms.length === 0) {
    throw new AppError('SEARCH_EMPTY_QUERY', 'Nothing to search for: the query has only punctuation or whitespace', {});
  }
  return terms;
}

/**
 * ASCII letters lower-cased, every other character kept, so offsets into the folded string are
 * offsets into the original (what SQLite's lower() does without ICU; CJK has no case).
 */
export function foldAscii(s: string): string {
  return /[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s;
}

/** Non-overlapping occurrences of `needle` in `hay`. */
export function countOccurrences(hay: string, needle: string): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}

export interface Span {
  start: number;
  end: number;
}

/** The earliest occurrence of any needle at or after `from` (the longest on a tie), or null. */
export function nextHit(hay: string, needles: readonly string[], from: number): Span | null {
  let best: Span | null = null;
  for (const n of needles) {
    const i = hay.indexOf(n, from);
    if (i < 0) continue;
    if (!best || i < best.start || (i === best.start && i + n.length > best.end)) best = { start: i, end: i + n.length };
  }
  return best;
}
