import type { ImportedTocEntry } from '../model/importResult.ts';
import type { ParsedCase } from './caseParse.ts';
import { fixTitle, type TextContext } from './blocks.ts';
import { FUZZY_TITLE, matchKey, titleMatch } from './tocMatch.ts';
import { consensus, contentOf, similarity } from '../text/similarity.ts';
import { endsWithOrganizationWord, type Vocabulary } from './vocabulary.ts';

/**
 * A case and its TOC entry are two readings of one title and one organisation, and the case's
 * running footers more readings of the title. Under OCR each reading has its own misread
 * characters; this weighs them against each other and fills what one reading lost from another.
 *
 * - 'fill-toc-from-case': a TOC entry without organisation or page (OCR lost the line, or read
 *   its leaders and number as junk) takes the case's organisation and printed start page; so does
 *   a page that breaks the TOC's ascending order (a misread number).
 * - 'title-consensus' (OCR text only): the title letter by letter by majority of the readings
 *   (case title, TOC title, footers naming it), set on both case and entry.
 * - 'org-consensus' (OCR text only): the organisation likewise (its line, the TOC's, where the
 *   text names it); the entry's takes the case's reading where the two differ but are alike (or
 *   only the case's ends with an organisation word: OCR made junk of the entry's).
 * - 'toc-entry-from-case' (OCR text only): see insertMissingEntries.
 */

export interface Readings {
  /** Running-title text read off each page's edge (null where none). */
  footers: readonly (string | null)[];
  /** Printed page number of each page (null where unknown). */
  printed: readonly (number | null)[];
}

/** Least similarity of two readings of an organisation name for one to stand in for the other. */
const ORG_ALIKE = 0.5;
/** Least similarity of a stretch of text to an organisation's name for it to count as a mention. */
const MENTION_ALIKE = 0.7;

export function reconcileWithToc(
  parsed: ParsedCase[],
  toc: ImportedTocEntry[],
  pairing: readonly number[],
  readings: Readings,
  ctx: TextContext,
  ocr: boolean,
  vocab: Vocabulary,
): void {
  const log = ctx.log;
  parsed.forEach((c, i) => {
    const t = pairing[i]!;
    const e = t >= 0 ? toc[t]! : null;
    const titleBlock = c.doc.blocks.find((b) => b.kind === 'title');
    const where = { page: titleBlock?.page ?? c.pageStart, line: titleBlock?.source?.lineStart ?? 0 };
    if (ocr && log.on('org-consensus')) {
      const voted = organizationReadings(c, e);
      if (voted !== c.organization) {
        log.record('org-consensus', where, c.organization, voted);
        c.organization = voted;
        const orgBlock = c.doc.blocks.find((b) => b.kind === 'organization');
        if (orgBlock) orgBlock.text = voted;
      }
    }
    if (!e) return;
    if (ocr && log.on('title-consensus')) {
      const voted = titleReadings(c, e, readings) ?? (c.title === '' ? likeliestReading(c, e, readings) : null);
      const title = voted === null ? null : fixTitle(voted, where, ctx);
      if (title !== null && title !== c.title) {
        log.record('title-consensus', where, c.title, title);
        c.title = title;
        if (titleBlock) titleBlock.text = title;
      }
      if (title !== null && e.title !== null && e.title !== c.title) {
        log.record('title-consensus', where, e.title, c.title);
        e.title = c.title;
      }
    }
    if (ocr && log.on('org-consensus')) {
      // The case's reading (voted on above) stands in for the entry's when they are alike, or
      // when only the case's reads as a name.
      const named = (o: string): boolean => endsWithOrganizationWord(o, vocab);
      if (
        e.organization &&
        c.organization &&
        e.organization !== c.organization &&
        (similarity(e.organization, c.organization) >= ORG_ALIKE || (named(c.organization) && !named(e.organization)))
      ) {
        log.record('org-consensus', where, e.organization, c.organization);
        e.organization = c.organization;
      }
    }
    if (!log.on('fill-toc-from-case')) return;
    if (e.organization === null && c.organization.length > 0) {
      log.record('fill-toc-from-case', where, '', c.organization);
      e.organization = c.organization;
    }
    const start = readings.printed[c.pageStart] ?? null;
    if (start !== null && e.page !== start && (e.page === null || (ocr && outOfOrder(toc, t)))) {
      log.record('fill-toc-from-case', where, String(e.page ?? ''), String(start));
      e.page = start;
    }
  });
}

/**
 * Rule 'toc-entry-from-case' (OCR text): a case that no entry pairs with, between two cases paired
 * with consecutive entries whose numbers skip one (OCR dropped or garbled the entry's lines), gets
 * that entry back from its own title, organisation and start page. Returns the new pairing.
 */
export function insertMissingEntries(
  parsed: readonly ParsedCase[],
  toc: ImportedTocEntry[],
  pairing: readonly number[],
  printed: readonly (number | null)[],
  ctx: TextContext,
): number[] {
  const out = pairing.slice();
  if (!ctx.ocr || !ctx.log.on('toc-entry-from-case')) return out;
  for (let i = 1; i + 1 < parsed.length; i++) {
    const lo = out[i - 1]!;
    const hi = out[i + 1]!;
    if (out[i] !== -1 || lo < 0 || hi !== lo + 1) continue;
    const a = toc[lo]!.number;
    const b = toc[hi]!.number;
    if (a === null || b !== a + 2) continue;
    const c = parsed[i]!;
    const entry: ImportedTocEntry = { number: a + 1, title: c.title, organization: c.organization || null, page: printed[c.pageStart] ?? null };
    toc.splice(hi, 0, entry);
    for (let k = 0; k < out.length; k++) if (out[k]! >= hi) out[k]!++;
    out[i] = hi;
    const block = c.doc.blocks.find((x) => x.kind === 'title');
    ctx.log.record('toc-entry-from-case', { page: block?.page ?? c.pageStart, line: block?.source?.lineStart ?? 0 }, '', `${String(a + 1).padStart(3, '0')} / ${c.title}`);
  }
  return out;
}

/**
 * The organisation by majority of its readings: the case's own line, the TOC entry's (when alike)
 * and the name where the commentary and the body first mention it (cases commonly open on their
 * organisation's name: 兰州交通大学机电学院现有职工…). Unchanged when no two readings outvote it.
 */
function organizationReadings(c: ParsedCase, e: ImportedTocEntry | null): string {
  const name = c.organization;
  if (contentOf(name).length < 4) return name;
  const others: string[] = [];
  if (e?.organization && similarity(e.organization, name) >= ORG_ALIKE) others.push(e.organization);
  const texts = [c.commentary?.paragraphs[0], c.sections[0]?.paragraphs[0]];
  for (const text of texts) {
    const m = text ? mention(name, text) : null;
    if (m) others.push(m);
  }
  return others.length < 2 ? name : consensus(name, others);
}

/** The stretch near the start of `text` most like `name` (at least MENTION_ALIKE alike), or null. */
function mention(name: string, text: string): string | null {
  const n = Array.from(name).length;
  const chars = Array.from(text.slice(0, 80));
  let best: string | null = null;
  let bestScore = MENTION_ALIKE;
  let bestOff = Infinity;
  for (let start = 0; start + 4 <= chars.length && start <= 40; start++) {
    for (let len = Math.max(4, n - 4); len <= n + 1 && start + len <= chars.length; len++) {
      const w = chars.slice(start, start + len).join('');
      const score = similarity(name, w);
      // Equally alike: the stretch as long as the name (a misread last character still counts).
      const off = Math.abs(len - n);
      if (score > bestScore || (score === bestScore && best !== null && off < bestOff)) {
        best = w;
        bestScore = score;
        bestOff = off;
      }
    }
  }
  return best;
}

/**
 * The title by majority of its readings, or null when no other reading is like any. The pivot is
 * the case's own title when it is like the reading most like the others; otherwise (OCR garbled
 * it, e.g. into Latin letters) that reading, so the garbled one is outvoted rather than kept.
 */
function titleReadings(c: ParsedCase, e: ImportedTocEntry, readings: Readings): string | null {
  const all: string[] = [c.title];
  if (e.title) all.push(e.title);
  for (let p = c.pageStart; p <= c.pageEnd; p++) {
    const f = readings.footers[p];
    if (f) all.push(f);
  }
  const keys = all.map(matchKey);
  const alike = (a: number, b: number): boolean => titleMatch(keys[a]!, keys[b]!) >= FUZZY_TITLE;
  let medoid = -1;
  let best = 0;
  keys.forEach((_, a) => {
    if (contentOf(all[a]!).length < 2) return;
    let score = 0;
    keys.forEach((__, b) => {
      if (a !== b && alike(a, b)) score++;
    });
    // Ties go to the case's own title (index 0), then to the TOC's.
    if (score > best) {
      medoid = a;
      best = score;
    }
  });
  if (medoid < 0) return null;
  const pivot = medoid === 0 || alike(0, medoid) ? 0 : medoid;
  const others = all.filter((_, b) => b !== pivot && (alike(pivot, b) || alike(medoid, b)));
  return consensus(all[pivot]!, others);
}

/**
 * For a case whose title OCR lost or garbled beyond use and no two readings agree on: the reading
 * (TOC or footer) with the most ideographs, if mostly ideographs.
 */
function likeliestReading(c: ParsedCase, e: ImportedTocEntry, readings: Readings): string | null {
  const all: string[] = e.title ? [e.title] : [];
  for (let p = c.pageStart; p <= c.pageEnd; p++) {
    const f = readings.footers[p];
    if (f) all.push(f);
  }
  let best: string | null = null;
  let bestHan = 1;
  for (const r of all) {
    const letters = Array.from(contentOf(r));
    const han = letters.filter((ch) => /\p{Script=Han}/u.test(ch)).length;
    if (han > bestHan && han * 2 > letters.length) {
      best = r;
      bestHan = han;
    }
  }
  return best;
}

/** Whether entry `t`'s page breaks the ascending order of the pages around it. */
function outOfOrder(toc: readonly ImportedTocEntry[], t: number): boolean {
  const page = toc[t]!.page;
  if (page === null) return false;
  let before: number | null = null;
  for (let k = t - 1; k >= 0 && before === null; k--) before = toc[k]!.page;
  let after: number | null = null;
  for (let k = t + 1; k < toc.length && after === null; k++) after = toc[k]!.page;
  return page < 1 || (before !== null && page < before) || (after !== null && page > after);
}
