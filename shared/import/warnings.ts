import type { ImportedTocEntry, UnassignedText } from '../model/importResult.ts';
import type { Conservation } from './conservation.ts';

/**
 * Import warnings, as strings of the form
 *
 *     key:{json parameters} English sentence
 *
 * e.g. `toc-case-mismatch:{"toc":100,"cases":98} The table of contents lists 100 entries, but 98
 * cases were found.` The key (lower-case, dashes) and the parameters (one JSON object, no line
 * breaks) are stable: a UI translates by key and fills in the parameters; the sentence after one
 * space is for a reader of the raw string (logs, the CLI, a UI without a translation).
 * `parseWarning` reads one back. Keys:
 *
 * - `no-cases-found:{}` — no case opener anywhere; everything was read as front matter.
 * - `toc-case-mismatch:{"toc":N,"cases":M}` — the TOC has N entries and M cases were found.
 * - `toc-entry-unmatched:{"number":n,"title":"…","page":p}` — in a complete volume (the TOC's
 *   first and last entries both have their case) an entry between them has none. At most
 *   MAX_LISTED such warnings; then `toc-entry-unmatched-more:{"count":k}` for the rest.
 * - `page-number-missing:{"pages":[i,…],"count":k}` — pages (0-based indexes) without a printed
 *   number that lie between pages with one (at most MAX_LISTED indexes listed; `count` is all).
 * - `page-split:{"pages":k,"into":n,"limit":c}` — k pages longer than c characters were cut into n.
 * - `no-structure:{"chars":n}` — no page break, no table of contents and no case title in n
 *   characters: the text is not laid out like a volume (shown before anything is written).
 * - `text-not-conserved:{"input":n,"placed":n,"removed":n,"added":n,"lost":n,"invented":n,
 *   "lostRuns":"…","inventedRuns":"…","examples":[…]}` — characters of the input neither placed
 *   (case, front matter, contents) nor removed by a logged rule, or placed ones neither in the
 *   input nor added by one (see conservation.ts). `examples` holds a few
 *   `{kind:"lost"|"invented",page,text}` runs; `lostRuns`/`inventedRuns` show them as
 *   `4 “text”; …` (1-based page) or `—`.
 * - `unassigned-text:{"count":n,"chars":c,"pages":[i,…]}` — n pieces of text (c characters, on the
 *   pages at these 0-based indexes, at most MAX_LISTED) were placed in no case or front matter but
 *   kept apart (`ImportResult.unassigned`, see unassigned.ts); they are imported as one item
 *   flagged for review.
 */
export type WarningKey =
  | 'no-cases-found'
  | 'toc-case-mismatch'
  | 'toc-entry-unmatched'
  | 'toc-entry-unmatched-more'
  | 'page-number-missing'
  | 'page-split'
  | 'no-structure'
  | 'text-not-conserved'
  | 'unassigned-text';

export type WarningParams = Record<string, unknown>;

export const MAX_LISTED = 20;

export function formatWarning(key: WarningKey, params: WarningParams, message: string): string {
  return `${key}:${JSON.stringify(params)} ${message}`;
}

/** The key, parameters and sentence of a warning string; null if it is not in the format. */
export function parseWarning(s: string): { key: string; params: WarningParams; message: string } | null {
  const m = /^([a-z][a-z0-9-]*):/.exec(s);
  if (!m || s[m[0].length] !== '{') return null;
  const start = m[0].length;
  const end = jsonObjectEnd(s, start);
  if (end < 0) return null;
  try {
    const params = JSON.parse(s.slice(start, end)) as unknown;
    if (typeof params !== 'object' || params === null || Array.isArray(params)) return null;
    return { key: m[1]!, params: params as WarningParams, message: s.slice(end).trim() };
  } catch {
    return null;
  }
}

/** Index just past the JSON object that opens at `start` (strings and escapes respected), or −1. */
function jsonObjectEnd(s: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < s.length; i++) {
    const ch = s[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

export function noCasesWarning(): string {
  return formatWarning('no-cases-found', {}, 'No case was found; the whole text was read as front matter.');
}

/** Over-long pages were cut (see `boundPages`). */
export function pageSplitWarning(pages: number, into: number, limit: number): string {
  const what = pages === 1 ? 'page was' : 'pages were';
  return formatWarning(
    'page-split',
    { pages, into, limit },
    `${pages} ${what} longer than ${limit} characters and cut into ${into} pages.`,
  );
}

/** Neither page breaks nor a table of contents nor any case title: nothing to build a volume on. */
export function noStructureWarning(chars: number): string {
  return formatWarning(
    'no-structure',
    { chars },
    `The text (${chars} characters) has no page breaks, no table of contents and no case titles: it is not laid out like a volume.`,
  );
}

/**
 * Warnings from comparing the TOC with the cases found: `pairing[k]` is the TOC entry of case k
 * (−1 for none).
 */
export function tocWarnings(toc: readonly ImportedTocEntry[], cases: number, pairing: readonly number[]): string[] {
  if (toc.length === 0) return [];
  const out: string[] = [];
  if (toc.length !== cases) {
    out.push(
      formatWarning(
        'toc-case-mismatch',
        { toc: toc.length, cases },
        `The table of contents lists ${toc.length} ${toc.length === 1 ? 'entry' : 'entries'}, but ${cases} ${cases === 1 ? 'case was' : 'cases were'} found.`,
      ),
    );
  }
  const matched = new Set(pairing.filter((t) => t >= 0));
  // Only a complete volume must hold every entry: an excerpt lacks cases the TOC lists.
  if (!matched.has(0) || !matched.has(toc.length - 1)) return out;
  const unmatched = toc.filter((_, t) => !matched.has(t));
  for (const entry of unmatched.slice(0, MAX_LISTED)) {
    const name = [entry.number !== null ? `${entry.number}` : null, entry.title !== null ? `“${entry.title}”` : null]
      .filter(Boolean)
      .join(' ');
    out.push(
      formatWarning(
        'toc-entry-unmatched',
        { number: entry.number, title: entry.title, page: entry.page },
        `Table of contents entry ${name || '(untitled)'}${entry.page !== null ? ` (page ${entry.page})` : ''} has no matching case.`,
      ),
    );
  }
  if (unmatched.length > MAX_LISTED) {
    const count = unmatched.length - MAX_LISTED;
    out.push(
      formatWarning('toc-entry-unmatched-more', { count }, `${count} more table of contents entries have no matching case.`),
    );
  }
  return out;
}

/** Pages without a printed number between pages that have one. */
export function pageNumberWarnings(printed: readonly (number | null)[]): string[] {
  const first = printed.findIndex((p) => p !== null);
  if (first < 0) return [];
  let last = printed.length - 1;
  while (last > first && printed[last] === null) last--;
  const pages: number[] = [];
  for (let i = first + 1; i < last; i++) if (printed[i] === null) pages.push(i);
  if (pages.length === 0) return [];
  const listed = pages.slice(0, MAX_LISTED);
  const more = pages.length > MAX_LISTED ? ` and ${pages.length - MAX_LISTED} more` : '';
  const what = pages.length === 1 ? 'The page at index' : 'The pages at indexes';
  const verb = pages.length === 1 ? 'has' : 'have';
  return [
    formatWarning(
      'page-number-missing',
      { pages: listed, count: pages.length },
      `${what} ${listed.join(', ')}${more} ${verb} no printed page number, though pages before and after do.`,
    ),
  ];
}

/** Text the import lost or invented, past what its change log accounts for (see conservation.ts). */
export function conservationWarning(c: Conservation): string {
  const examples = c.examples.map((e) => ({ kind: e.kind, page: e.page, text: e.text }));
  // Runs as a translation shows them: the 1-based page, then the text.
  const runs = (kind: 'lost' | 'invented'): string =>
    examples
      .filter((e) => e.kind === kind)
      .map((e) => `${e.page + 1} “${e.text}”`)
      .join('; ') || '—';
  const lostRuns = runs('lost');
  const inventedRuns = runs('invented');
  return formatWarning(
    'text-not-conserved',
    {
      input: c.input,
      placed: c.placed,
      removed: c.removed,
      added: c.added,
      lost: c.lost,
      invented: c.invented,
      lostRuns,
      inventedRuns,
      examples,
    },
    `Of ${c.input} characters, ${c.lost} are in no case, front matter or contents and no rule removed them (pages: ${lostRuns}), and ${c.invented} appear that are not in the text and no rule added them (pages: ${inventedRuns}).`,
  );
}

/** Text kept apart, in no case or front matter (see unassigned.ts). */
export function unassignedWarning(items: readonly UnassignedText[]): string {
  const pages = [...new Set(items.map((u) => u.page))].sort((a, b) => a - b);
  const chars = items.reduce((n, u) => n + u.text.replace(/\s/g, '').length, 0);
  const listed = pages.slice(0, MAX_LISTED);
  return formatWarning(
    'unassigned-text',
    { count: items.length, chars, pages: listed },
    `${chars} characters in ${items.length} ${items.length === 1 ? 'piece' : 'pieces'} of text (pages ${listed.map((p) => p + 1).join(', ')}${pages.length > MAX_LISTED ? ', …' : ''}) belong to no case or front matter; they are imported as one item flagged for review.`,
  );
}
