import type { ImportedTocEntry } from '../model/importResult.ts';
import { compact } from '../text/cjk.ts';
import { overlap, similarity } from '../text/similarity.ts';
import { alignCandidates } from './align.ts';
import type { Candidate } from './candidates.ts';

/**
 * Pairing case-opener candidates with table-of-contents entries: title keys and their likeness,
 * and the scores of the order-preserving alignment (align.ts) that decides which candidates open
 * cases and which entry each one is. A volume may hold two cases with the same title: the
 * alignment keeps order, and the printed start page tells equal titles apart.
 */

/** Title key for matching a case with its TOC entry: no spaces, quotes or punctuation. */
export function matchKey(title: string): string {
  return compact(title).replace(/[“”‘’"'「」『』《》〈〉（）()·、，,。.：:；;！!？?\-—…]/g, '');
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

/** What aligning candidates with the TOC needs besides them. */
export interface TocAlignOptions {
  /** Printed page number of each page (null where unknown). */
  printed: readonly (number | null)[];
  /** Rule 'fuzzy-title-match': a title pairs with an entry's by likeness (≥ FUZZY_TITLE). */
  fuzzy: boolean;
  /** Running title read off each page's edge (null where none): votes for a candidate bearing it. */
  footers: readonly (string | null)[];
}

/** Per candidate: its entry (−1: not listed) and why it needs a look (reason keys; empty when sure). */
export interface AlignedCase {
  candidate: number;
  entry: number;
  review: string[];
}

// Scores of the alignment (see alignWithToc).
const TITLE_EXACT = 8;
const TITLE_UNLIKE = -3;
const PAGE_AGREES = 3;
const PAGE_DIFFERS = -1;
const ORG_EXACT = 2;
const ORG_ALIKE = 1;
const ORG_UNLIKE = -1;
const SHAPE_WEIGHT = 0.5;
const FOOTER_VOTE = 1.5;
/** A candidate unlisted in a TOC needs a title over a `———organisation` line and counts little (any pair outweighs it). */
const SOLO_WITH_TOC = 0.5;
/** Without a TOC, the shape score a candidate needs (its footer votes added). */
const SOLO_WITHOUT_TOC = 4;
/** Without a TOC, a case-number line in sequence over a title set apart (`Candidate.numbered`): a little less than a name line. */
const NUMBERED = 2;

/** A title OCR read mostly as Latin letters: no reading to compare. */
function garbled(key: string): boolean {
  let han = 0;
  let latin = 0;
  for (const ch of key) {
    if (/\p{Script=Han}/u.test(ch)) han++;
    else if (/[A-Za-z]/.test(ch)) latin++;
  }
  return han < latin;
}

/** A title key with what the scores need of it, computed once. */
interface KeyInfo {
  key: string;
  garbled: boolean;
  chars: Set<string>;
}

function keyInfo(key: string): KeyInfo {
  return { key, garbled: garbled(key), chars: new Set(key) };
}

/** How a candidate's title reads against an entry's: exact, alike (OCR), unlike, or unknown (0). */
function titleScore(a: KeyInfo, e: KeyInfo, fuzzy: boolean): number {
  if (a.key.length === 0 || e.key.length === 0 || a.garbled || (fuzzy && e.garbled)) return 0;
  if (a.key === e.key) return TITLE_EXACT;
  if (!fuzzy) return TITLE_UNLIKE;
  // Fewer than FUZZY_TITLE of its characters in the entry's title at all: no likeness to compute.
  let shared = 0;
  for (const ch of a.key) if (e.chars.has(ch)) shared++;
  if (shared < FUZZY_TITLE * Array.from(a.key).length) return TITLE_UNLIKE;
  const s = titleMatch(a.key, e.key);
  return s >= FUZZY_TITLE ? TITLE_EXACT * s - 1 : TITLE_UNLIKE;
}

/**
 * Which candidates open cases, and each one's TOC entry: the order-preserving alignment
 * (align.ts) of the candidates with the entries. A pair scores its title likeness (exact 8,
 * alike 8·s − 1, unlike −3, unknown 0), the entry's page against the candidate's printed page
 * (agrees 3, differs −1), its organisation against the entry's (exact 2, alike 1, unlike −1) and
 * half the candidate's shape score; it must score above 0. A candidate no entry lists opens a
 * case only when its shape is strong (a title over a `———organisation` line): flagged
 * 'not-in-toc' when the TOC has entries. Without a TOC, running heads carrying a candidate's
 * title vote for it (1.5 a page, up to 3). A case after which TOC entries are skipped before the
 * next case's is flagged 'toc-entry-skipped' (it may hold the skipped entries' cases), one paired
 * with a title unlike its entry's 'title-unlike-toc'.
 */
export function alignWithToc(
  candidates: readonly Candidate[],
  toc: readonly ImportedTocEntry[],
  { printed, fuzzy, footers }: TocAlignOptions,
): AlignedCase[] {
  const entryKeys = toc.map((e) => (e.title ? matchKey(e.title) : ''));
  const entryInfo = entryKeys.map(keyInfo);
  const listed = new Set(entryKeys.filter((k) => k.length > 0));
  // A candidate bearing a listed title is that entry's reading: it is not weighed for likeness with others.
  const candInfo = candidates.map((c) => keyInfo(c.key));
  const exactOnly = candidates.map((c) => listed.has(c.key));
  const orgs = toc.map((e) => (e.organization ? compact(e.organization) : ''));
  const candOrgs = candidates.map((c) => compact(c.org));
  const orgAlike = new Map<string, number>();
  const orgScore = (org: string, t: number): number => {
    if (org === orgs[t]) return ORG_EXACT;
    const k = `${t}\u0000${org}`;
    let v = orgAlike.get(k);
    if (v === undefined) {
      // Fewer than half its characters in the other name: unlike without computing the likeness.
      let shared = 0;
      for (const ch of org) if (orgs[t]!.includes(ch)) shared++;
      v = shared >= 0.5 * Math.max(org.length, orgs[t]!.length) && similarity(org, orgs[t]!) >= 0.5 ? ORG_ALIKE : ORG_UNLIKE;
      orgAlike.set(k, v);
    }
    return v;
  };
  const pair = (c: number, t: number): number => {
    const cand = candidates[c]!;
    if (cand.entries && !cand.entries.has(t)) return -Infinity;
    const entry = toc[t]!;
    const title = titleScore(candInfo[c]!, entryInfo[t]!, fuzzy && !exactOnly[c]);
    // Found for this entry, or a title alike, or a garbled title against a listed one (OCR); else
    // the page or the organisation must agree: shape alone pairs nothing.
    let evidence =
      cand.entries !== null ||
      title > 0 ||
      (candInfo[c]!.garbled && entryKeys[t]!.length > 0) ||
      (fuzzy && entryInfo[t]!.garbled);
    let s = title + SHAPE_WEIGHT * cand.shape;
    const page = printed[cand.page] ?? null;
    if (entry.page !== null && page !== null) {
      s += entry.page === page ? PAGE_AGREES : PAGE_DIFFERS;
      evidence ||= entry.page === page;
    }
    const org = candOrgs[c]!;
    if (org.length > 0 && orgs[t]!.length > 0) {
      const alike = orgScore(org, t);
      s += alike;
      evidence ||= alike > 0;
    }
    return evidence ? s : -Infinity;
  };
  const votes = footerVotes(candidates, footers, fuzzy);
  // A candidate bearing a title the TOC lists is that entry's case or none.
  const solo = (c: number): number => {
    const cand = candidates[c]!;
    // A case names its organisation: without a line for it (dashes or not), no case of its own —
    // unless numbered in sequence over a title set apart (the name line garbled or not printed).
    if (toc.length === 0) {
      if (!cand.opener.org && !cand.numbered) return -Infinity;
      return cand.shape + (cand.numbered ? NUMBERED : 0) + FOOTER_VOTE * votes[c]! - SOLO_WITHOUT_TOC;
    }
    return cand.anchored && !listed.has(cand.key) ? SOLO_WITH_TOC : -Infinity;
  };
  const picks = alignCandidates({
    spans: candidates.map((c) => ({ start: c.opener.start, end: c.opener.bodyStart })),
    entries: toc.length,
    pair,
    solo,
  });
  // A case no entry took, right between the cases of entries t − 1 and t + 1, is entry t's (no case
  // took it): order leaves it no other place (OCR garbled the entry's title, page and organisation).
  picks.forEach((p, k) => {
    const before = picks[k - 1]?.entry ?? -1;
    const after = picks[k + 1]?.entry ?? -1;
    const cand = candidates[p.candidate]!;
    if (p.entry < 0 && before >= 0 && after === before + 2 && (!cand.entries || cand.entries.has(before + 1)))
      p.entry = before + 1;
  });
  return picks.map((p, k) => {
    const review: string[] = [];
    if (p.entry < 0 && toc.length > 0) review.push('not-in-toc');
    if (p.entry >= 0 && titleScore(candInfo[p.candidate]!, entryInfo[p.entry]!, fuzzy && !exactOnly[p.candidate]) < 0)
      review.push('title-unlike-toc');
    const next = picks.slice(k + 1).find((q) => q.entry >= 0);
    if (p.entry >= 0 && next && next.entry > p.entry + 1) review.push('toc-entry-skipped');
    return { candidate: p.candidate, entry: p.entry, review };
  });
}

/** Per candidate, how many of the pages from its own on carry its title as their running head (at most 2). */
function footerVotes(candidates: readonly Candidate[], footers: readonly (string | null)[], fuzzy: boolean): number[] {
  const keys = footers.map((f) => (f ? matchKey(f) : ''));
  return candidates.map((c, k) => {
    if (c.key.length < 2) return 0;
    const end = candidates.slice(k + 1).find((d) => d.page > c.page && d.anchored)?.page ?? footers.length;
    let n = 0;
    for (let p = c.page; p < end && p < c.page + 40 && n < 2; p++) {
      const f = keys[p] ?? '';
      if (f === c.key || (fuzzy && f.length > 0 && similarity(f, c.key) >= 0.8)) n++;
    }
    return n;
  });
}
