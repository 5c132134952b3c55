import type { ImportedTocEntry } from '../model/importResult.ts';
import { compact } from '../text/cjk.ts';
import { overlap, similarity } from '../text/similarity.ts';

/**
 * Pairing cases with table-of-contents entries. Titles are the key; a volume may hold two cases
 * with the same title, so equal titles pair in order (the k-th such case with the k-th such
 * entry), and where the counts differ the printed start page decides which entries are left over.
 */

/** Title key for matching a case with its TOC entry: no spaces, quotes or punctuation. */
export function matchKey(title: string): string {
  return compact(title).replace(/[“”‘’"'「」『』《》〈〉（）()·、，,。.：:；;！!？?\-—…]/g, '');
}

/** What pairing needs of a case: its title and the printed number of its first page. */
export interface CaseKey {
  title: string;
  printedStart: number | null;
}

export interface PairingOptions {
  /** Rule 'fuzzy-title-match': cases still unpaired take the likest free entry (see `pairFuzzy`). */
  fuzzy?: boolean;
}

/** Cases paired so far: `pairing[k]` is case k's entry (−1 for none); `taken` holds the entries paired. */
interface Pairs {
  pairing: number[];
  taken: Set<number>;
}

/**
 * For each case (in reading order) the index of its TOC entry, or −1. First by title: per title,
 * cases and entries (entries in ascending page order, TOC order among equal or unknown pages)
 * are aligned in order, preferring pairs whose TOC page is the case's printed start page. Cases
 * left over then take a free entry whose page is their printed start page.
 */
export function pairWithToc(
  cases: readonly CaseKey[],
  toc: readonly ImportedTocEntry[],
  { fuzzy = false }: PairingOptions = {},
): number[] {
  const pairing: number[] = cases.map(() => -1);
  const taken = new Set<number>();
  const entriesByKey = new Map<string, number[]>();
  toc.forEach((e, t) => {
    if (!e.title) return;
    const key = matchKey(e.title);
    if (key.length === 0) return;
    let list = entriesByKey.get(key);
    if (!list) entriesByKey.set(key, (list = []));
    list.push(t);
  });
  const casesByKey = new Map<string, number[]>();
  cases.forEach((c, i) => {
    const key = matchKey(c.title);
    if (!entriesByKey.has(key)) return;
    let list = casesByKey.get(key);
    if (!list) casesByKey.set(key, (list = []));
    list.push(i);
  });
  const pagesAgree = (caseId: number, entryId: number): boolean => {
    const printed = cases[caseId]!.printedStart;
    return printed !== null && printed === toc[entryId]!.page;
  };
  for (const [key, caseIds] of casesByKey) {
    const entryIds = sortByPage(entriesByKey.get(key)!, toc);
    for (const [caseId, entryId] of align(caseIds, entryIds, pagesAgree)) {
      pairing[caseId] = entryId;
      taken.add(entryId);
    }
  }
  if (fuzzy) pairFuzzy(cases, toc, { pairing, taken });
  // By page, for cases whose title is not in the TOC (OCR misread one of the two).
  const byPage = new Map<number, number>();
  toc.forEach((e, t) => {
    if (e.page !== null && !taken.has(t) && !byPage.has(e.page)) byPage.set(e.page, t);
  });
  cases.forEach((c, i) => {
    if (pairing[i] !== -1 || c.printedStart === null) return;
    const t = byPage.get(c.printedStart);
    if (t === undefined || taken.has(t)) return;
    pairing[i] = t;
    taken.add(t);
  });
  return pairing;
}

/** Entry indices in ascending page order; TOC order among equal pages and for unknown pages. */
function sortByPage(entries: number[], toc: readonly ImportedTocEntry[]): number[] {
  if (entries.some((t) => toc[t]!.page === null)) return entries;
  return entries.slice().sort((a, b) => toc[a]!.page! - toc[b]!.page! || a - b);
}

/**
 * Order-keeping alignment of the cases and the entries that share a title (`caseIds`, `entryIds`:
 * indexes into the cases and the TOC). Equal counts pair k-th with k-th; otherwise the alignment
 * with the most pairs, then the most pairs whose pages agree (`pagesAgree`), then the earliest
 * entries (a small dynamic programme: both lists are short).
 */
function align(
  caseIds: readonly number[],
  entryIds: readonly number[],
  pagesAgree: (caseId: number, entryId: number) => boolean,
): [number, number][] {
  if (caseIds.length === entryIds.length) return caseIds.map((c, k) => [c, entryIds[k]!]);
  const n = caseIds.length;
  const m = entryIds.length;
  // Too many to align carefully (a pathological input): in order.
  if (n * m > 1_000_000) return caseIds.slice(0, Math.min(n, m)).map((c, k) => [c, entryIds[k]!]);
  const agree = (i: number, j: number): boolean => pagesAgree(caseIds[i]!, entryIds[j]!);
  // score[i][j]: best over cs[i..], es[j..]; a pair is worth 2, plus 1 when its pages agree.
  const score: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const pair = 2 + (agree(i, j) ? 1 : 0) + score[i + 1]![j + 1]!;
      score[i]![j] = Math.max(pair, score[i + 1]![j]!, score[i]![j + 1]!);
    }
  }
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const pair = 2 + (agree(i, j) ? 1 : 0) + score[i + 1]![j + 1]!;
    if (score[i]![j] === pair) {
      out.push([caseIds[i]!, entryIds[j]!]);
      i++;
      j++;
    } else if (score[i]![j] === score[i]![j + 1]) j++;
    else i++;
  }
  return out;
}

/** Least similarity of two title keys for OCR readings of one title (1 − edits / length). */
export const FUZZY_TITLE = 0.6;

/**
 * How well a case title's key matches a TOC title's key: their similarity, or — when the entry's
 * key is longer (OCR lost the dashes of the organisation line and the TOC parser took the name
 * as the title's second line) — the similarity of the entry's key cut to the title's length.
 */
export function titleMatch(caseKey: string, entryKey: string): number {
  if (caseKey.length < 2 || entryKey.length < 2) return 0;
  if (overlap(caseKey, entryKey) < FUZZY_TITLE && overlap(caseKey, entryKey.slice(0, caseKey.length + 1)) < FUZZY_TITLE) return 0;
  const whole = similarity(caseKey, entryKey);
  if (entryKey.length <= caseKey.length + 1 || caseKey.length < 4) return whole;
  const head = Math.max(
    similarity(caseKey, entryKey.slice(0, caseKey.length)),
    similarity(caseKey, entryKey.slice(0, caseKey.length + 1)),
  );
  return Math.max(whole, head);
}

/**
 * Rule 'fuzzy-title-match': cases still unpaired take the free entry between their paired
 * neighbours' entries (TOC order follows reading order) whose title is most like theirs, at
 * least FUZZY_TITLE alike. OCR misreads a character or two of a title, rarely the same way twice.
 * A lone case left between neighbours takes a lone free entry between theirs.
 */
function pairFuzzy(cases: readonly CaseKey[], toc: readonly ImportedTocEntry[], { pairing, taken }: Pairs): void {
  const keys = toc.map((e) => (e.title ? matchKey(e.title) : ''));
  cases.forEach((c, i) => {
    if (pairing[i] !== -1) return;
    let lo = -1;
    for (let k = i - 1; k >= 0 && lo < 0; k--) if (pairing[k]! >= 0) lo = pairing[k]!;
    let hi = toc.length;
    for (let k = i + 1; k < cases.length && hi === toc.length; k++) if (pairing[k]! >= 0) hi = pairing[k]!;
    const key = matchKey(c.title);
    let best = -1;
    let bestScore = FUZZY_TITLE;
    for (let t = lo + 1; t < hi; t++) {
      if (taken.has(t)) continue;
      const score = titleMatch(key, keys[t]!);
      if (score >= bestScore + (best >= 0 ? 1e-9 : 0)) {
        best = t;
        bestScore = score;
      }
    }
    if (best >= 0) {
      pairing[i] = best;
      taken.add(best);
    }
  });
  // A lone unpaired case between paired neighbours (or the ends) whose gap in the TOC holds one
  // free entry: that entry, whatever OCR made of either title.
  let i = 0;
  while (i < cases.length) {
    if (pairing[i] !== -1) {
      i++;
      continue;
    }
    let j = i;
    while (j < cases.length && pairing[j] === -1) j++;
    const lo = i > 0 ? pairing[i - 1]! : -1;
    const hi = j < cases.length ? pairing[j]! : toc.length;
    const free: number[] = [];
    for (let t = lo + 1; t < hi; t++) if (!taken.has(t)) free.push(t);
    if (j - i === 1 && free.length === 1 && (i > 0 || j < cases.length)) {
      pairing[i] = free[0]!;
      taken.add(free[0]!);
    }
    i = j;
  }
}
