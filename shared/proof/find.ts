/** Find and replace over the blocks of a case (pure: the editor maps matches back to its nodes). */

export interface FindOptions {
  regex: boolean;
  caseSensitive: boolean;
}

export interface TextMatch {
  /** Index of the block. */
  block: number;
  start: number;
  end: number;
}

export type CompiledQuery = { ok: true; re: RegExp } | { ok: false; error: string };

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function compileQuery(query: string, opts: FindOptions): CompiledQuery {
  if (query === '') return { ok: false, error: 'empty' };
  const flags = 'gu' + (opts.caseSensitive ? '' : 'i');
  try {
    return { ok: true, re: new RegExp(opts.regex ? query : escapeRegExp(query), flags) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** All non-empty matches, block by block, in document order. */
export function findMatches(texts: readonly string[], re: RegExp): TextMatch[] {
  const out: TextMatch[] = [];
  texts.forEach((text, block) => {
    for (const m of text.matchAll(re)) {
      if (m[0] === '') continue;
      out.push({ block, start: m.index, end: m.index + m[0].length });
    }
  });
  return out;
}

/**
 * Expands `$$`, `$&`, `` $` ``, `$'`, `$1`…`$99` and `$<name>` the way String.prototype.replace does.
 */
export function expandReplacement(m: RegExpExecArray | RegExpMatchArray, input: string, replacement: string): string {
  const start = m.index ?? 0;
  return replacement.replace(/\$(\$|&|`|'|\d{1,2}|<([^>]*)>)/g, (whole, token: string, name: string | undefined) => {
    if (token === '$') return '$';
    if (token === '&') return m[0];
    if (token === '`') return input.slice(0, start);
    if (token === "'") return input.slice(start + m[0].length);
    if (name !== undefined) return m.groups ? (m.groups[name] ?? '') : whole;
    const n = Number(token);
    if (n >= 1 && n < m.length) return m[n] ?? '';
    // `$12` with fewer groups: `$1` followed by `2`, as in String.prototype.replace.
    const n1 = Number(token[0]);
    if (token.length === 2 && n1 >= 1 && n1 < m.length) return (m[n1] ?? '') + token[1];
    return whole;
  });
}

/** The replacement text for one match (found by {@link findMatches} in `text`). */
export function replacementFor(text: string, match: TextMatch, re: RegExp, replacement: string, regex: boolean): string {
  if (!regex) return replacement;
  const sticky = new RegExp(re.source, re.flags.replace('g', '') + 'y');
  sticky.lastIndex = match.start;
  const m = sticky.exec(text);
  return m ? expandReplacement(m, text, replacement) : replacement;
}

/** Replaces every non-empty match in one block's text (what "replace all" does to each block). */
export function replaceAllInText(text: string, re: RegExp, replacement: string, regex: boolean): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m[0] === '') continue;
    out += text.slice(last, m.index) + (regex ? expandReplacement(m, text, replacement) : replacement);
    last = m.index + m[0].length;
  }
  return out + text.slice(last);
}
