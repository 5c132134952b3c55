import type { ImportedTocEntry } from '../model/importResult.ts';
import type { ParsedCase } from './caseParse.ts';
import { fixTitle, type TextContext } from './blocks.ts';
import { FUZZY_TITLE, matchKey, titleMatch } from './tocMatch.ts';
import { consensus, contentOf, similarity } from '../text/similarity.ts';
import { compact } from '../text/cjk.ts';
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

/** The cases (in reading order) side by side with the TOC. */
export interface TocPairing {
  /** The TOC's entries (changed in place where a case's reading fills or corrects one). */
  toc: ImportedTocEntry[];
  /** For each case, the index of its entry in `toc`, or −1. */
  pairing: readonly number[];
  /** Printed page number of each page (null where unknown). */
  printed: readonly (number | null)[];
}

export interface ReconcileOptions extends TocPairing {
  /** Running-title text read off each page's edge (null where none): more readings of a case's title. */
  footers: readonly (string | null)[];
  vocab: Vocabulary;
}

/** Least similarity of two readings of an organisation name for one to stand in for the other. */
const ORG_ALIKE = 0.5;
/** Least similarity of a stretch of text to an organisation's name for it to count as a mention. */
const MENTION_ALIKE = 0.7;

/** Weighs each case's readings against its TOC entry's (see above); cases and entries change in place. */
export function reconcileWithToc(parsed: ParsedCase[], opts: ReconcileOptions, ctx: TextContext): void {
  const { toc, pairing, printed, footers, vocab } = opts;
  const { log } = ctx;
  const ocr = ctx.ocr === true;
  // The TOC's own readings of the titles, before the votes below make them the cases'.
  const tocTitles = toc.map((e) => e.title);
  parsed.forEach((parsedCase, i) => {
    const index = pairing[i]!;
    const entry = index >= 0 ? toc[index]! : null;
    const titleBlock = parsedCase.doc.blocks.find((b) => b.kind === 'title');
    const where = { page: titleBlock?.page ?? parsedCase.pageStart, line: titleBlock?.source?.lineStart ?? 0 };
    if (ocr && log.on('org-consensus')) {
      const voted = organizationReadings(parsedCase, entry);
      if (voted !== parsedCase.organization) {
        log.record('org-consensus', where, { before: parsedCase.organization, after: voted });
        parsedCase.organization = voted;
        const orgBlock = parsedCase.doc.blocks.find((b) => b.kind === 'organization');
        if (orgBlock) orgBlock.text = voted;
      }
    }
    if (!entry) return;
    const tocSite = { ...where, toc: true };
    if (ocr && log.on('title-consensus')) {
      const voted =
        titleReadings(parsedCase, entry, footers) ??
        (parsedCase.title === '' ? likeliestReading(parsedCase, entry, footers) : null);
      // The vote is no text of the page: its fixes are logged below as the case title's one change.
      const title =
        voted === null
          ? null
          : fixTitle(voted, where, { ...ctx, log: log.scratch() }, { commaAtBreak: parsedCase.titleCommaAtBreak === true });
      if (title !== null && title !== parsedCase.title) {
        log.record('title-consensus', where, { before: parsedCase.title, after: title });
        parsedCase.title = title;
        if (titleBlock) titleBlock.text = title;
      }
      if (title !== null && entry.title !== null && entry.title !== parsedCase.title) {
        log.record('title-consensus', tocSite, { before: entry.title, after: parsedCase.title });
        entry.title = parsedCase.title;
      }
    }
    if (ocr && log.on('org-consensus')) {
      // The case's reading (voted on above) stands in for the entry's when they are alike, or
      // when only the case's reads as a name.
      const named = (o: string): boolean => endsWithOrganizationWord(o, vocab);
      if (
        entry.organization &&
        parsedCase.organization &&
        entry.organization !== parsedCase.organization &&
        (similarity(entry.organization, parsedCase.organization) >= ORG_ALIKE ||
          (named(parsedCase.organization) && !named(entry.organization)))
      ) {
        log.record('org-consensus', tocSite, { before: entry.organization, after: parsedCase.organization });
        entry.organization = parsedCase.organization;
      }
    }
    if (!log.on('fill-toc-from-case')) return;
    if (entry.organization === null && parsedCase.organization.length > 0) {
      log.record('fill-toc-from-case', tocSite, { before: '', after: parsedCase.organization });
      entry.organization = parsedCase.organization;
    }
    const start = printed[parsedCase.pageStart] ?? null;
    if (start !== null && entry.page !== start && (entry.page === null || (ocr && outOfOrder(toc, index)))) {
      log.record('fill-toc-from-case', tocSite, { before: String(entry.page ?? ''), after: String(start) });
      entry.page = start;
    }
  });
  if (log.on('title-gaps')) restoreTitleGaps(parsed, { toc, pairing, footers, tocTitles }, ctx);
}

/** Rule 'title-gaps' on every case (see `titleGaps`); an entry that reads as its case follows it. */
function restoreTitleGaps(
  parsed: readonly ParsedCase[],
  {
    toc,
    pairing,
    footers,
    tocTitles,
  }: {
    toc: ImportedTocEntry[];
    pairing: readonly number[];
    footers: readonly (string | null)[];
    tocTitles: readonly (string | null)[];
  },
  { log }: TextContext,
): void {
  // How the volume's titles break their lines elsewhere: plainly at phrase gaps, or after ：，、.
  let gaps = 0;
  let runOns = 0;
  for (const c of parsed) {
    gaps += c.titleLineEnds?.gaps ?? 0;
    runOns += c.titleLineEnds?.runOns ?? 0;
  }
  const gapsByDefault = gaps > runOns;
  parsed.forEach((parsedCase, i) => {
    if (!parsedCase.titleBreaks) return;
    const index = pairing[i]!;
    const entry = index >= 0 ? toc[index]! : null;
    const readings = [index >= 0 ? tocTitles[index]! : null, ...footers.slice(parsedCase.pageStart, parsedCase.pageEnd + 1)];
    const gapped = titleGaps(parsedCase.title, parsedCase.titleBreaks, readings, gapsByDefault);
    if (gapped === parsedCase.title) return;
    const titleBlock = parsedCase.doc.blocks.find((b) => b.kind === 'title');
    const where = { page: titleBlock?.page ?? parsedCase.pageStart, line: titleBlock?.source?.lineStart ?? 0 };
    log.record('title-gaps', where, { before: parsedCase.title, after: gapped });
    if (entry && entry.title === parsedCase.title) {
      log.record('title-gaps', { ...where, toc: true }, { before: entry.title, after: gapped });
      entry.title = gapped;
    }
    parsedCase.title = gapped;
    if (titleBlock) titleBlock.text = gapped;
  });
}

/**
 * Rule 'title-gaps': a title broken over lines after a closing mark (`breaks`, see
 * `ParsedCase.titleBreaks`) joined on without a space, where another reading of the same title set
 * on one line (its TOC entry, a running footer) shows a phrase gap: the gap is put back.
 */
export function titleGaps(
  title: string,
  breaks: readonly number[],
  readings: readonly (string | null)[],
  gapsByDefault = false,
): string {
  const key = compact(title);
  const alike = readings.filter((r): r is string => r !== null && similarity(compact(r), key) >= FUZZY_TITLE);
  let out = '';
  let count = 0;
  for (let i = 0; i < title.length; i++) {
    const ch = title[i]!;
    out += ch;
    if (/\s/.test(ch)) continue;
    count++;
    if (!breaks.includes(count) || i + 1 >= title.length || /\s/.test(title[i + 1]!)) continue;
    // What each reading prints after the few characters that end the title's line.
    const anchor = key.slice(Math.max(0, count - 3), count);
    let gap = 0;
    let none = 0;
    for (const r of alike) {
      const at = r.indexOf(anchor);
      if (at < 0 || r.indexOf(anchor, at + 1) >= 0) continue;
      const next = r[at + anchor.length];
      // OCR reads a gap after a closing quote as a space, a stray quote or both.
      if (next !== undefined && (/\s/.test(next) || '“”"'.includes(next))) gap++;
      else if (next !== undefined) none++;
    }
    // No reading says: as the volume's other titles break their lines (at phrase gaps, or after marks).
    if (gap > none || (gap === none && gapsByDefault)) out += ' ';
  }
  return out;
}

/**
 * Rule 'toc-entry-from-case' (OCR text): a case that no entry pairs with, between two cases paired
 * with consecutive entries whose numbers skip one (OCR dropped or garbled the entry's lines), gets
 * that entry back from its own title, organisation and start page. Returns the new pairing.
 */
export function insertMissingEntries(
  parsed: readonly ParsedCase[],
  { toc, pairing, printed }: TocPairing,
  ctx: TextContext,
): number[] {
  const out = pairing.slice();
  if (!ctx.ocr || !ctx.log.on('toc-entry-from-case')) return out;
  for (let i = 1; i + 1 < parsed.length; i++) {
    const lo = out[i - 1]!;
    const hi = out[i + 1]!;
    if (out[i] !== -1 || lo < 0 || hi !== lo + 1) continue;
    const loNumber = toc[lo]!.number;
    const hiNumber = toc[hi]!.number;
    if (loNumber === null || hiNumber !== loNumber + 2) continue;
    const parsedCase = parsed[i]!;
    const entry: ImportedTocEntry = {
      number: loNumber + 1,
      title: parsedCase.title,
      organization: parsedCase.organization || null,
      page: printed[parsedCase.pageStart] ?? null,
    };
    toc.splice(hi, 0, entry);
    for (let k = 0; k < out.length; k++) if (out[k]! >= hi) out[k]!++;
    out[i] = hi;
    const block = parsedCase.doc.blocks.find((x) => x.kind === 'title');
    const tocWhere = { page: block?.page ?? parsedCase.pageStart, line: block?.source?.lineStart ?? 0, toc: true };
    // The whole entry as added (the organisation too), so that the conservation check accounts for it.
    const org = entry.organization ? ` ———${entry.organization}` : '';
    ctx.log.record('toc-entry-from-case', tocWhere, {
      before: '',
      after: `${String(loNumber + 1).padStart(3, '0')} / ${parsedCase.title}${org}`,
    });
  }
  return out;
}

/**
 * The organisation by majority of its readings: the case's own line, the TOC entry's (when alike)
 * and the name where the commentary and the body first mention it (cases commonly open on their
 * organisation's name: 兰州交通大学机电学院现有职工…). Unchanged when no two readings outvote it.
 */
function organizationReadings(parsedCase: ParsedCase, entry: ImportedTocEntry | null): string {
  const name = parsedCase.organization;
  if (contentOf(name).length < 4) return name;
  const others: string[] = [];
  if (entry?.organization && similarity(entry.organization, name) >= ORG_ALIKE) others.push(entry.organization);
  const texts = [parsedCase.commentary?.paragraphs[0], parsedCase.sections[0]?.paragraphs[0]];
  for (const text of texts) {
    const m = text ? mention(name, text) : null;
    if (m) others.push(m);
  }
  return others.length < 2 ? name : consensus(name, others);
}

/** The stretch near the start of `text` most like `name` (at least MENTION_ALIKE alike), or null. */
function mention(name: string, text: string): string | null {
  const nameLength = Array.from(name).length;
  const chars = Array.from(text.slice(0, 80));
  let best: string | null = null;
  let bestScore = MENTION_ALIKE;
  let bestOff = Infinity;
  for (let start = 0; start + 4 <= chars.length && start <= 40; start++) {
    for (let len = Math.max(4, nameLength - 4); len <= nameLength + 1 && start + len <= chars.length; len++) {
      const stretch = chars.slice(start, start + len).join('');
      const score = similarity(name, stretch);
      // Equally alike: the stretch as long as the name (a misread last character still counts).
      const off = Math.abs(len - nameLength);
      if (score > bestScore || (score === bestScore && best !== null && off < bestOff)) {
        best = stretch;
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
function titleReadings(parsedCase: ParsedCase, entry: ImportedTocEntry, footers: readonly (string | null)[]): string | null {
  const all: string[] = [parsedCase.title];
  if (entry.title) all.push(entry.title);
  for (let p = parsedCase.pageStart; p <= parsedCase.pageEnd; p++) {
    const footer = footers[p];
    if (footer) all.push(footer);
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
function likeliestReading(parsedCase: ParsedCase, entry: ImportedTocEntry, footers: readonly (string | null)[]): string | null {
  const all: string[] = entry.title ? [entry.title] : [];
  for (let p = parsedCase.pageStart; p <= parsedCase.pageEnd; p++) {
    const footer = footers[p];
    if (footer) all.push(footer);
  }
  let best: string | null = null;
  let bestHan = 1;
  for (const reading of all) {
    const letters = Array.from(contentOf(reading));
    const han = letters.filter((ch) => /\p{Script=Han}/u.test(ch)).length;
    if (han > bestHan && han * 2 > letters.length) {
      best = reading;
      bestHan = han;
    }
  }
  return best;
}

/** Whether entry `index`'s page breaks the ascending order of the pages around it. */
function outOfOrder(toc: readonly ImportedTocEntry[], index: number): boolean {
  const page = toc[index]!.page;
  if (page === null) return false;
  let before: number | null = null;
  for (let k = index - 1; k >= 0 && before === null; k--) before = toc[k]!.page;
  let after: number | null = null;
  for (let k = index + 1; k < toc.length && after === null; k++) after = toc[k]!.page;
  return page < 1 || (before !== null && page < before) || (after !== null && page > after);
}
