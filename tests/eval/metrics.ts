// Scores one import against its ground truth with the figures of issue 9 §4: segmentation and numbering,
// body CER, titles and organisations, headings, paragraph boundaries, TOC entries. Counts, so that the
// scores of several volumes add up before they are turned into ratios.
import { diffChars } from 'diff';
import type { Truthy } from '../unit/shared/import/truthCompare.ts';

export interface Score {
  casesExpected: number;
  casesFound: number;
  /** Truth cases found with the right first and last printed page. */
  segmentedRight: number;
  /** Truth cases found (by first printed page, else by title) with the right number. */
  numberedRight: number;
  titlesExact: number;
  orgsExact: number;
  /** Body characters of the truth (whitespace ignored) and the edit distance of the import's body to them. */
  bodyChars: number;
  bodyEdits: number;
  headingsWant: number;
  headingsGot: number;
  headingsHit: number;
  boundariesWant: number;
  boundariesGot: number;
  boundariesHit: number;
  tocExpected: number;
  tocRight: number;
  /** TOC entries of the import whose number is in no truth entry, or repeats one. */
  tocExtra: number;
  /** Imports scored, and those whose conservation check held (no `text-not-conserved` warning). */
  imports: number;
  conserved: number;
}

export const emptyScore = (): Score => ({
  casesExpected: 0,
  casesFound: 0,
  segmentedRight: 0,
  numberedRight: 0,
  titlesExact: 0,
  orgsExact: 0,
  bodyChars: 0,
  bodyEdits: 0,
  headingsWant: 0,
  headingsGot: 0,
  headingsHit: 0,
  boundariesWant: 0,
  boundariesGot: 0,
  boundariesHit: 0,
  tocExpected: 0,
  tocRight: 0,
  tocExtra: 0,
  imports: 0,
  conserved: 0,
});

export function addScores(a: Score, b: Score): Score {
  const out = { ...a };
  for (const k of Object.keys(b) as (keyof Score)[]) out[k] += b[k];
  return out;
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/** Body paragraphs in document order: foreword, then each case's commentary and sections. */
function paragraphs(t: Truthy): string[] {
  const all: string[] = [];
  for (const f of t.frontMatter) all.push(...f.paragraphs);
  for (const c of t.cases) {
    all.push(...(c.commentary?.paragraphs ?? []));
    for (const s of c.sections) all.push(...s.paragraphs);
  }
  return all.map(squash).filter((p) => p !== '');
}

/** Offsets in the concatenated text where a paragraph ends (the last end excluded: it is the text's end). */
function boundaries(ps: string[]): number[] {
  const out: number[] = [];
  let at = 0;
  for (const p of ps.slice(0, -1)) out.push((at += p.length));
  return out;
}

/**
 * Edit distance of the two bodies (each replaced span costs its longer side, as in truthCompare.ts) and
 * the paragraph boundaries of `got` that land on one of `want`, through one character diff.
 */
function bodyAndBoundaries(
  got: Truthy,
  want: Truthy,
): Pick<Score, 'bodyChars' | 'bodyEdits' | 'boundariesWant' | 'boundariesGot' | 'boundariesHit'> {
  const gp = paragraphs(got);
  const wp = paragraphs(want);
  const a = gp.join('');
  const b = wp.join('');
  // Position in `b` of each position in `a` (an inserted or changed span maps to where it stands in `b`).
  const map = new Int32Array(a.length + 1);
  let i = 0;
  let j = 0;
  let edits = 0;
  let removed = 0;
  let added = 0;
  const flush = (): void => {
    edits += Math.max(removed, added);
    removed = 0;
    added = 0;
  };
  for (const part of diffChars(a, b)) {
    const n = part.value.length;
    if (part.added) {
      added += n;
      j += n;
    } else if (part.removed) {
      removed += n;
      for (let k = 0; k < n; k++) map[i++] = j;
    } else {
      flush();
      for (let k = 0; k < n; k++) map[i++] = j++;
    }
  }
  flush();
  map[i] = j;
  const wantSet = new Set(boundaries(wp));
  const hit = new Set<number>();
  const gb = boundaries(gp);
  for (const g of gb) {
    const m = map[g] ?? -1;
    if (wantSet.has(m)) hit.add(m);
  }
  return {
    bodyChars: b.length,
    bodyEdits: edits,
    boundariesWant: wantSet.size,
    boundariesGot: gb.length,
    boundariesHit: hit.size,
  };
}

/** Multiset intersection size of two heading lists (null headings left out). */
function headingHits(got: (string | null)[], want: (string | null)[]): number {
  const left = new Map<string, number>();
  for (const h of want) if (h !== null) left.set(h, (left.get(h) ?? 0) + 1);
  let hits = 0;
  for (const h of got) {
    const n = h === null ? 0 : (left.get(h) ?? 0);
    if (h !== null && n > 0) {
      hits++;
      left.set(h, n - 1);
    }
  }
  return hits;
}

export function scoreImport(got: Truthy, want: Truthy): Score {
  const s = { ...emptyScore(), ...bodyAndBoundaries(got, want) };
  s.casesExpected = want.cases.length;
  s.casesFound = got.cases.length;
  const byStart = new Map<number, Truthy['cases'][number]>();
  const byTitle = new Map<string, Truthy['cases'][number]>();
  for (const g of got.cases) {
    if (g.printedPages && !byStart.has(g.printedPages[0])) byStart.set(g.printedPages[0], g);
    if (!byTitle.has(g.title)) byTitle.set(g.title, g);
  }
  const headingsOf = (c: Truthy['cases'][number]): (string | null)[] => c.sections.map((x) => x.heading);
  for (const w of want.cases) {
    s.headingsWant += headingsOf(w).filter((h) => h !== null).length;
    const g = (w.printedPages && byStart.get(w.printedPages[0])) || byTitle.get(w.title);
    if (!g) continue;
    if (JSON.stringify(g.printedPages) === JSON.stringify(w.printedPages)) s.segmentedRight++;
    if (g.number === w.number) s.numberedRight++;
    if (g.title === w.title) s.titlesExact++;
    if (g.organization === w.organization) s.orgsExact++;
    s.headingsHit += headingHits(headingsOf(g), headingsOf(w));
  }
  s.headingsGot = got.cases.reduce((n, c) => n + headingsOf(c).filter((h) => h !== null).length, 0);
  s.tocExpected = want.toc.length;
  const wantToc = new Map(want.toc.map((e) => [e.number, e]));
  const seen = new Set<number | null>();
  for (const e of got.toc) {
    const w = wantToc.get(e.number);
    if (!w || seen.has(e.number)) {
      s.tocExtra++;
      continue;
    }
    seen.add(e.number);
    if (e.title === w.title && e.organization === w.organization && e.page === w.page) s.tocRight++;
  }
  return s;
}

/** The ratios the targets are stated in. */
export function ratios(s: Score): {
  cer: number;
  titles: number;
  orgs: number;
  headingRecall: number;
  headingPrecision: number;
  boundaryF1: number;
} {
  const div = (a: number, b: number, empty: number): number => (b === 0 ? empty : a / b);
  const p = div(s.boundariesHit, s.boundariesGot, 1);
  const r = div(s.boundariesHit, s.boundariesWant, 1);
  return {
    cer: div(s.bodyEdits, s.bodyChars, 0),
    titles: div(s.titlesExact, s.casesExpected, 1),
    orgs: div(s.orgsExact, s.casesExpected, 1),
    headingRecall: div(s.headingsHit, s.headingsWant, 1),
    headingPrecision: div(s.headingsHit, s.headingsGot, 1),
    boundaryF1: p + r === 0 ? 0 : (2 * p * r) / (p + r),
  };
}
