/** Receives one change: a short excerpt of the text before and after it. */
export type SiteSink = (before: string, after: string) => void;

const CONTEXT = 6;

/**
 * Replaces every match of a global regex, reporting each change with a little context so a
 * reviewer can see what happened. Returns the new text and how many matches changed something.
 */
export function rewrite(
  text: string,
  re: RegExp,
  replace: (m: RegExpExecArray) => string,
  sink?: SiteSink,
): { text: string; count: number } {
  if (!re.global) throw new Error('rewrite needs a global regex');
  re.lastIndex = 0;
  let out = '';
  let last = 0;
  let count = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const rep = replace(m);
    if (rep === m[0]) continue;
    count++;
    const start = m.index;
    const end = start + m[0].length;
    if (sink) {
      const pre = text.slice(Math.max(0, start - CONTEXT), start);
      const post = text.slice(end, end + CONTEXT);
      sink(pre + m[0] + post, pre + rep + post);
    }
    out += text.slice(last, start) + rep;
    last = end;
  }
  if (count === 0) return { text, count: 0 };
  return { text: out + text.slice(last), count };
}
