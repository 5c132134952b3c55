import type { ImportedTocEntry } from '../model/importResult.ts';
import { compact } from '../text/cjk.ts';

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

/**
 * For each case (in reading order) the index of its TOC entry, or −1. First by title: per title,
 * cases and entries (entries in ascending page order, TOC order among equal or unknown pages)
 * are aligned in order, preferring pairs whose TOC page is the case's printed start page. Cases
 * left over then take a free entry whose page is their printed start page.
 */
export function pairWithToc(cases: readonly CaseKey[], toc: readonly ImportedTocEntry[]): number[] {
  const pairing: number[] = cases.map(() => -1);
  const taken = new Set<number>();
  const entriesByKey = new Map<string, number[]>();
  toc.forEach((e, t) => {
    if (!e.title) return;
    const k = matchKey(e.title);
    if (k.length === 0) return;
    let list = entriesByKey.get(k);
    if (!list) entriesByKey.set(k, (list = []));
    list.push(t);
  });
  const casesByKey = new Map<string, number[]>();
  cases.forEach((c, i) => {
    const k = matchKey(c.title);
    if (!entriesByKey.has(k)) return;
    let list = casesByKey.get(k);
    if (!list) casesByKey.set(k, (list = []));
    list.push(i);
  });
  for (const [k, cs] of casesByKey) {
    const es = sortByPage(entriesByKey.get(k)!, toc);
    for (const [ci, ti] of align(cs, es, cases, toc)) {
      pairing[ci] = ti;
      taken.add(ti);
    }
  }
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
 * Order-keeping alignment of the cases and the entries that share a title. Equal counts pair
 * k-th with k-th; otherwise the alignment with the most pairs, then the most pairs whose pages
 * agree, then the earliest entries (a small dynamic programme: both lists are short).
 */
function align(
  cs: readonly number[],
  es: readonly number[],
  cases: readonly CaseKey[],
  toc: readonly ImportedTocEntry[],
): [number, number][] {
  if (cs.length === es.length) return cs.map((c, k) => [c, es[k]!]);
  const n = cs.length;
  const m = es.length;
  // Too many to align carefully (a pathological input): in order.
  if (n * m > 1_000_000) return cs.slice(0, Math.min(n, m)).map((c, k) => [c, es[k]!]);
  const agree = (i: number, j: number): boolean => {
    const p = cases[cs[i]!]!.printedStart;
    return p !== null && p === toc[es[j]!]!.page;
  };
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
      out.push([cs[i]!, es[j]!]);
      i++;
      j++;
    } else if (score[i]![j] === score[i]![j + 1]) j++;
    else i++;
  }
  return out;
}
