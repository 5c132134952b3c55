/** Receives one change: a short excerpt of the text before and after it. */
export type SiteSink = (before: string, after: string) => void;

const CONTEXT = 6;

/** What `rewrite` replaces: every match of `pattern` (a global regex) by what `replace` returns for it. */
export interface Rewrite {
  pattern: RegExp;
  /** The replacement for one match; returning the match itself leaves it (and reports nothing). */
  replace: (match: RegExpExecArray) => string;
}

/**
 * Replaces every match of a global regex, reporting each change with a little context so a
 * reviewer can see what happened. Returns the new text and how many matches changed something.
 */
export function rewrite(text: string, { pattern, replace }: Rewrite, sink?: SiteSink): { text: string; count: number } {
  if (!pattern.global) throw new Error('rewrite needs a global regex');
  pattern.lastIndex = 0;
  let out = '';
  let last = 0;
  let count = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const rep = replace(match);
    if (rep === match[0]) continue;
    count++;
    const start = match.index;
    const end = start + match[0].length;
    if (sink) {
      const pre = text.slice(Math.max(0, start - CONTEXT), start);
      const post = text.slice(end, end + CONTEXT);
      sink(pre + match[0] + post, pre + rep + post);
    }
    out += text.slice(last, start) + rep;
    last = end;
  }
  if (count === 0) return { text, count: 0 };
  return { text: out + text.slice(last), count };
}
