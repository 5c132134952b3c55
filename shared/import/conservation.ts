import type { Block } from '../model/caseDoc.ts';
import type { ImportResult } from '../model/importResult.ts';
import { conservationWarning } from './warnings.ts';
import type { Change, ChangeLog, RuleId, Where } from './changeLog.ts';
import type { RawPage } from './types.ts';

/**
 * Conservation of text through an import: every character of the input ends up in exactly one
 * place (a case's or a front-matter item's blocks on the page it came from, the table of
 * contents, or the explicit unassigned texts: `unassigned.ts`) or is accounted for by the change log (what a rule removed, rewrote or added).
 *
 * The comparison is of multisets of characters per page: for each page, input + the change log's
 * edits on that page must equal what the blocks hold on that page. The TOC's pages are one group
 * (its entries carry no page), whose digits are not compared (see `tocValue`); lines that became
 * structure (a box's label, the TOC's heading) are listed apart (`Ledger.structural`). Whitespace is not compared (spacing rules move it freely), nor are
 * dashes and the line-join mark: dashes are the layout of `———organisation` lines and TOC
 * leaders, which the parse drops as structure. A multiset per page catches lost and invented
 * text; it does not see text moved within a page, which is structure, not loss.
 */

/** Rules whose records interpret the text rather than rewrite it (their excerpts are readings). */
const NOT_EDITS: ReadonlySet<string> = new Set<RuleId>(['ocr-folio', 'move-displaced-byline']);

/** Characters not compared: whitespace, dashes, and the ⏎ that `join-lines` excerpts show. */
function isIgnored(code: number): boolean {
  if (code <= 0x20) return true;
  switch (code) {
    case 0x2d: // -
    case 0xa0:
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2500:
    case 0x2501:
    case 0x23ce: // ⏎
    case 0x3000:
    case 0xfe63:
    case 0xff0d:
    case 0xfeff:
      return true;
    default:
      return (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 || code === 0x202f;
  }
}

/** 1 for each UTF-16 code unit not compared (see isIgnored). */
const IGNORED = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (isIgnored(c)) IGNORED[c] = 1;

/** Whether `s` holds a character the check compares. */
function compared(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (IGNORED[s.charCodeAt(i)] !== 1) return true;
  return false;
}

/** Every text edit the change log hears of, uncapped (the log keeps only a few hundred sites per rule). */
export class Ledger {
  readonly edits: { page: number; toc: boolean; before: string; after: string }[] = [];
  /** Lines that became structure rather than text (a box's label, the TOC's heading), by page. */
  readonly structure: { page: number; text: string }[] = [];

  /** `text` on `page` is represented by the structure (a block's kind, the TOC itself), not as text. */
  structural(page: number, text: string): void {
    this.structure.push({ page, text });
  }

  /** Hears one change log record (pass as the ChangeLog's listener). */
  readonly hear = (rule: RuleId, where: Where, { before, after }: Change): void => {
    if (NOT_EDITS.has(rule) || before === after) return;
    // Excerpts carry context on both sides: keep only what changed (most records change spaces alone).
    let start = 0;
    const min = Math.min(before.length, after.length);
    while (start < min && before.charCodeAt(start) === after.charCodeAt(start)) start++;
    let endB = before.length;
    let endA = after.length;
    while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
      endB--;
      endA--;
    }
    const b = before.slice(start, endB);
    const a = after.slice(start, endA);
    if (!compared(b) && !compared(a)) return;
    this.edits.push({ page: where.page, toc: where.toc === true, before: b, after: a });
  };
}

/**
 * Logs what a reading of `text` dropped around `kept` (a substring of it: a name after OCR's 一 for
 * dashes, before leader junk), so that the check accounts for it: what stood before `kept` as
 * `rules.head`'s edit, what stood after as `rules.tail`'s. Whitespace and dashes alone are not logged.
 */
export function recordDropped(
  log: ChangeLog,
  where: Where,
  { text, kept }: { text: string; kept: string },
  rules: { head: RuleId; tail: RuleId },
): void {
  const t = text.trim();
  const i = kept === '' ? -1 : t.indexOf(kept);
  if (i < 0) {
    if (compared(t)) log.record(rules.tail, where, { before: t, after: kept });
    return;
  }
  const rest = t.slice(i);
  if (compared(t.slice(0, i))) log.record(rules.head, where, { before: t, after: `———${rest}` });
  if (compared(rest.slice(kept.length))) log.record(rules.tail, where, { before: rest, after: kept });
}

export interface ConservationExample {
  kind: 'lost' | 'invented';
  /** Page index (the first TOC page for the TOC's group). */
  page: number;
  /** A run of the page's characters (input for lost, output for invented), whitespace dropped. */
  text: string;
}

export interface Conservation {
  holds: boolean;
  /** Compared characters of the input (not whitespace or dashes). */
  input: number;
  /** Compared characters the cases, front matter, TOC and unassigned texts hold. */
  placed: number;
  /** Characters the change log removed (net, per page). */
  removed: number;
  /** Characters of lines that became structure (a box's label, the TOC's heading). */
  structural: number;
  /** Characters of blocks copied from the TOC (an organisation whose own line is missing), not compared. */
  copied: number;
  /** Of `placed`, the characters kept apart as unassigned text (`ImportResult.unassigned`). */
  unassigned: number;
  /** Characters the change log added (net, per page). */
  added: number;
  /** Input characters neither placed nor logged as removed. */
  lost: number;
  /** Placed characters neither in the input nor logged as added. */
  invented: number;
  /** A few runs of lost and invented text, with their page. */
  examples: ConservationExample[];
  /** Every page (or the TOC's group) where the check did not hold, in page order. */
  failures: ConservationFailure[];
}

/** One page where the check did not hold: which characters are left over either way. */
export interface ConservationFailure {
  /** Page index (the TOC's first page for the TOC's group). */
  page: number;
  /** The TOC's pages (one group). */
  toc: boolean;
  /** Compared characters lost and invented there, each at most EXAMPLE_CHARS, in code order. */
  lost: string;
  invented: string;
}

export interface ConservationOptions {
  /** Page indexes of the table of contents (one group). */
  tocPages: ReadonlySet<number>;
  ledger: Ledger;
}

const MAX_EXAMPLES = 6;

/**
 * In the TOC, digits and the number separators `/ . |` are not compared: entry and page numbers are
 * values the reader parses (001 is 1; the first entry's number, on a page an excerpt lacks, is
 * inferred; `002 / 标题`'s slash and `1. 标题`'s point are separators), and numbering is judged by the
 * TOC's own checks. Titles and organisations are compared (`、` and `：` too, which titles hold).
 */
function tocValue(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0xff10 && c <= 0xff19) ||
    c === 0x2f ||
    c === 0xff0f ||
    c === 0x2e ||
    c === 0xff0e ||
    c === 0x7c ||
    c === 0xff5c
  );
}
const EXAMPLE_CHARS = 40;

/** Checks `result` against the pages it was imported from (see the module comment). */
export function checkConservation(pages: readonly RawPage[], result: ImportResult, opts: ConservationOptions): Conservation {
  const tocGroup = pages.length;
  const groupOf = (page: number): number => (opts.tocPages.has(page) ? tocGroup : page);
  const groups = pages.length + 1;
  const inText: string[][] = Array.from({ length: groups }, () => []);
  const outText: string[][] = Array.from({ length: groups }, () => []);
  const delta: Map<number, number>[] = Array.from({ length: groups }, () => new Map());

  for (const p of pages) {
    inText[groupOf(p.index)]!.push(...p.lines);
  }
  // A block read from no text (no source, or a line of dashes alone) holds a copy: an
  // organisation taken from the TOC because its own line is missing or lost its name.
  const tocTexts = new Set(result.toc.flatMap((e) => [e.title, e.organization]).filter((t) => t !== null));
  let copied = 0;
  const place = (b: Block): void => {
    if (b.kind === 'organization' && tocTexts.has(b.text) && (!b.source || !compared(b.source.raw))) {
      copied += comparedLength(b.text);
      return;
    }
    let from = 0;
    let page = b.page;
    for (const br of b.breaks) {
      outText[groupOf(page)]?.push(b.text.slice(from, br.at));
      from = br.at;
      page = br.page;
    }
    outText[groupOf(page)]?.push(from === 0 ? b.text : b.text.slice(from));
  };
  for (const c of result.cases) for (const b of c.doc.blocks) place(b);
  for (const f of result.frontMatter) for (const b of f.doc.blocks) place(b);
  // Text kept apart in the explicit unassigned place is placed, on its page.
  let unassigned = 0;
  for (const u of result.unassigned ?? []) {
    outText[groupOf(u.page)]?.push(u.text);
    unassigned += comparedLength(u.text);
  }
  for (const e of result.toc) {
    outText[tocGroup]!.push(e.title ?? '', e.organization ?? '', e.page === null ? '' : String(e.page));
  }
  for (const e of opts.ledger.edits) {
    const d = delta[e.toc ? tocGroup : groupOf(e.page)];
    if (!d) continue;
    tally(d, e.after, 1);
    tally(d, e.before, -1);
  }

  let structural = 0;
  for (const e of opts.ledger.structure) {
    const d = delta[groupOf(e.page)];
    if (!d) continue;
    structural += tally(d, e.text, -1);
  }

  const out: Conservation = {
    holds: true,
    input: 0,
    placed: 0,
    removed: 0,
    structural,
    copied,
    unassigned,
    added: 0,
    lost: 0,
    invented: 0,
    examples: [],
    failures: [],
  };
  // One count per UTF-16 code unit, +1 for each input character, −1 for each placed one, plus the
  // log's edits: what is left non-zero is lost (> 0) or invented (< 0). Reset after each group.
  const counts = new Int32Array(0x10000);
  const touched: number[] = [];
  const add = (c: number, n: number): void => {
    if (counts[c] === 0) touched.push(c);
    counts[c]! += n;
  };
  const addTexts = (texts: readonly string[], n: number): number => {
    let k = 0;
    for (const t of texts) {
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (IGNORED[c] === 1) continue;
        add(c, n);
        k++;
      }
    }
    return k;
  };
  for (let g = 0; g < groups; g++) {
    out.input += addTexts(inText[g]!, 1);
    out.placed += addTexts(outText[g]!, -1);
    for (const [c, n] of delta[g]!) {
      if (n < 0) out.removed -= n;
      else out.added += n;
      add(c, n);
    }
    let residual: Map<number, number> | null = null;
    let lost = 0;
    let invented = 0;
    for (const c of touched) {
      const n = counts[c]!;
      if (n === 0) continue;
      counts[c] = 0;
      if (g === tocGroup && tocValue(c)) continue;
      (residual ??= new Map()).set(c, n);
      if (n > 0) lost += n;
      else invented -= n;
    }
    touched.length = 0;
    if (!residual) continue;
    out.lost += lost;
    out.invented += invented;
    const page = g === tocGroup ? Math.min(...opts.tocPages) : g;
    out.failures.push({ page, toc: g === tocGroup, lost: residualChars(residual, 1), invented: residualChars(residual, -1) });
    if (lost > 0 && out.examples.length < MAX_EXAMPLES) {
      out.examples.push({ kind: 'lost', page, text: longestRun(inText[g]!, residual, 1) });
    }
    if (invented > 0 && out.examples.length < MAX_EXAMPLES) {
      out.examples.push({ kind: 'invented', page, text: longestRun(outText[g]!, residual, -1) });
    }
  }
  // The structure's characters went into the deltas with the log's removals.
  out.removed -= structural;
  out.holds = out.lost === 0 && out.invented === 0;
  return out;
}

/** Adds `sign` × the compared characters of `s` into `d`; returns how many there were. */
function tally(d: Map<number, number>, s: string, sign: number): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (IGNORED[c] === 1) continue;
    d.set(c, (d.get(c) ?? 0) + sign);
    n++;
  }
  return n;
}

/** How many characters of `s` the check compares. */
function comparedLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (IGNORED[s.charCodeAt(i)] !== 1) n++;
  return n;
}

/**
 * The longest run of characters in `texts` that are all in the residual with `sign` (lost: > 0,
 * invented: < 0), whitespace and dashes skipped: where on the page the difference most likely is.
 */
function longestRun(texts: readonly string[], residual: Map<number, number>, sign: number): string {
  let best = '';
  let cur = '';
  for (const t of texts) {
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (IGNORED[c] === 1) continue;
      if ((residual.get(c) ?? 0) * sign > 0) {
        cur += t[i];
        if (cur.length > best.length) best = cur;
      } else cur = '';
    }
  }
  if (best.length > 0) return best.slice(0, EXAMPLE_CHARS);
  // Not in these texts at all: the change log's own edits account for it the wrong way; list the characters.
  return residualChars(residual, sign);
}

/** The residual's characters with `sign` (lost: > 0, invented: < 0), each as often as it is left over, in code order. */
function residualChars(residual: Map<number, number>, sign: number): string {
  let chars = '';
  for (const c of [...residual.keys()].sort((a, b) => a - b)) {
    const n = residual.get(c)! * sign;
    if (n > 0) chars += String.fromCharCode(c).repeat(Math.min(n, EXAMPLE_CHARS));
    if (chars.length >= EXAMPLE_CHARS) break;
  }
  return chars.slice(0, EXAMPLE_CHARS);
}

/**
 * The check as the pipeline runs it on every import: when it does not hold, a `text-not-conserved`
 * warning, and each case or front-matter item on a page where it failed is flagged for review
 * ('not-conserved'). Run last, once `result` (unassigned texts included) is complete.
 */
export function applyConservation(pages: readonly RawPage[], result: ImportResult, opts: ConservationOptions): Conservation {
  const c = checkConservation(pages, result, opts);
  if (c.holds) return c;
  result.warnings.push(conservationWarning(c));
  const failed = c.failures.filter((f) => !f.toc).map((f) => f.page);
  for (const item of [...result.cases, ...result.frontMatter]) {
    if (!failed.some((p) => p >= item.pageStart && p <= item.pageEnd)) continue;
    const review = item.review ?? [];
    if (!review.includes('not-conserved')) item.review = [...review, 'not-conserved'];
  }
  return c;
}
