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

// --- The raw OCR text's error: the baseline of issue 9's OCR target -------------------------------

/** Letters, digits and ideographs only (punctuation, dashes, leaders and spaces dropped). */
const core = (s: string): string => s.replace(/[^\p{L}\p{N}]/gu, '');

/** Character bigrams of a string, counted. */
function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

/** Share of the bigrams of `line` found in `item`. */
function coverage(line: Map<string, number>, item: Map<string, number>): number {
  let all = 0;
  let common = 0;
  for (const [g, n] of line) {
    all += n;
    common += Math.min(n, item.get(g) ?? 0);
  }
  return all === 0 ? 0 : common / all;
}

/**
 * Whether `line` reads as one of `items` (letters and digits only): at least 75 % of its bigrams found
 * in the item and not much longer than it; a line under 5 characters must equal the item.
 */
function readsAs(line: string, items: { x: string; grams: Map<string, number> }[]): boolean {
  const c = core(line);
  if (c.length < 5) return items.some((it) => it.x === c);
  const g = bigrams(c);
  return items.some((it) => c.length <= it.x.length * 1.2 + 2 && coverage(g, it.grams) >= 0.75);
}

const itemsOf = (xs: (string | null | undefined)[]): { x: string; grams: Map<string, number> }[] =>
  xs
    .map((x) => core(x ?? ''))
    .filter((x) => x !== '')
    .map((x) => ({ x, grams: bigrams(x) }));

/**
 * The OCR text's pages as lines, running lines dropped: a page's first or last line that is a page
 * number, whose letters (digits aside) are another page's first or last line too, or that reads as a
 * case title (a header).
 */
function pagesWithoutRunningLines(ocr: string, want: Truthy): string[][] {
  const pages = ocr.split('\f').map((p) => p.split('\n').filter((l) => core(l) !== ''));
  const letters = (l: string): string => core(l).replace(/\d/g, '');
  const endCount = new Map<string, number>();
  for (const p of pages) {
    for (const l of p.length === 0 ? [] : new Set([p[0] ?? '', p[p.length - 1] ?? '']))
      endCount.set(letters(l), (endCount.get(letters(l)) ?? 0) + 1);
  }
  const titles = itemsOf(want.cases.map((c) => c.title));
  return pages.map((p) =>
    p.filter((l, i) => {
      if (i !== 0 && i !== p.length - 1) return true;
      return !(letters(l) === '' || (endCount.get(letters(l)) ?? 0) >= 2 || readsAs(l, titles));
    }),
  );
}

/** Edit distance (each replaced span costs its longer side, as the body CER counts). */
function spanEdits(a: string, b: string): number {
  let edits = 0;
  let removed = 0;
  let added = 0;
  for (const part of diffChars(a, b)) {
    if (part.removed) removed += part.value.length;
    else if (part.added) added += part.value.length;
    else {
      edits += Math.max(removed, added);
      removed = 0;
      added = 0;
    }
  }
  return edits + Math.max(removed, added);
}

/**
 * The raw OCR text's error, two ways (each as edits and the truth characters they are counted on):
 *
 * - `raw`, the baseline of issue 9's target (the import's body CER at most half of it): the truth's case
 *   bodies (commentary and section paragraphs, whitespace dropped) against the OCR text of the case pages
 *   (from the first case's first printed page on) with running lines dropped, whitespace dropped. What
 *   the OCR text offers as the cases' body if nothing is done to it: titles, organisations, headings,
 *   labels and specks left in count as errors.
 * - `body`, stricter (for information): the truth's whole body (the very string the body CER is measured
 *   on) against the OCR text with running lines and every line that reads as a title, organisation,
 *   signature, heading, TOC entry, foreword title/byline/date or box label of the truth dropped; where a
 *   change touches a paragraph boundary only the truth's side counts (specks between blocks are free).
 *   How many body characters Tesseract itself got wrong: an import under it repaired characters.
 * Both take the truth in print order: each case's box before its sections or after them, whichever the
 * OCR text is nearer to (a volume that prints the box at a case's end).
 */
export function rawOcrErrors(
  ocr: string,
  want: Truthy,
): { raw: { chars: number; edits: number }; body: { chars: number; edits: number } } {
  const pages = pagesWithoutRunningLines(ocr, want);
  const firstPrinted = want.cases[0]?.printedPages?.[0];
  const firstIndex = want.pages.find((p) => p.printed === firstPrinted)?.index ?? 0;
  const caseOcr = squash(pages.slice(firstIndex).flat().join(''));
  // The box may be printed before a case's sections (the seed) or after them: the truth in print order
  // is whichever of the two the OCR text is nearer to.
  const raw = minEdits(
    (['before', 'after'] as const).map((at) => squash(casesInPrintOrder(want, at).join(''))),
    (b) => spanEdits(caseOcr, b),
  );

  const items = itemsOf([
    '组织点评',
    '目录',
    ...want.frontMatter.flatMap((f) => [f.title, f.byline, f.date]),
    ...want.toc.flatMap((e) => [
      `${String(e.number).padStart(3, '0')}${e.title}`,
      e.title,
      e.organization,
      `${e.organization}${e.page}`,
    ]),
    ...want.cases.flatMap((c) => [c.title, c.organization, c.commentary?.signature, ...c.sections.map((x) => x.heading)]),
  ]);
  const a = squash(
    pages
      .flat()
      .filter((l) => !readsAs(l, items))
      .join(''),
  );
  const front = want.frontMatter.flatMap((f) => f.paragraphs);
  const body = minEdits(
    (['before', 'after'] as const).map((at) => [...front, ...casesInPrintOrder(want, at)].map(squash).filter((x) => x !== '')),
    (wp) => bodyEdits(a, wp),
  );
  return { raw, body };
}

/** The case paragraphs, each case's box before its sections or after them. */
function casesInPrintOrder(want: Truthy, box: 'before' | 'after'): string[] {
  return want.cases.flatMap((c) => {
    const box_ = c.commentary?.paragraphs ?? [];
    const sections = c.sections.flatMap((s) => s.paragraphs);
    return box === 'before' ? [...box_, ...sections] : [...sections, ...box_];
  });
}

/** The fewest edits over the candidate truths, with that truth's length in characters. */
function minEdits<T extends string | string[]>(truths: T[], edits: (t: T) => number): { chars: number; edits: number } {
  let best = { chars: 0, edits: Infinity };
  for (const t of truths) {
    const e = edits(t);
    if (e < best.edits) best = { chars: typeof t === 'string' ? t.length : t.join('').length, edits: e };
  }
  return best;
}

/**
 * Edits between the OCR text's body lines `a` and the truth's paragraphs `wp`: each replaced span costs
 * its longer side, but only the truth's side where it touches a paragraph boundary.
 */
function bodyEdits(a: string, wp: string[]): number {
  const b = wp.join('');
  const cuts = new Set([0, ...boundaries(wp), b.length]);
  // Myers' diff pairs stray characters of a long insertion with the body around it: an equal run of at
  // most 3 characters between two changes is taken as part of the change.
  const parts = diffChars(a, b).map((p) => ({ kind: p.removed ? 'ocr' : p.added ? 'truth' : 'same', value: p.value }));
  for (let k = 1; k + 1 < parts.length; k++) {
    const p = parts[k];
    if (p && p.kind === 'same' && p.value.length <= 3 && parts[k - 1]?.kind !== 'same' && parts[k + 1]?.kind !== 'same')
      p.kind = 'both';
  }
  let edits = 0;
  let removed = 0; // truth characters in the pending change
  let inserted = ''; // OCR characters in it
  let from = 0; // where the pending change starts in b
  let j = 0;
  // An insertion may stand anywhere its text repeats the text beside it (an organisation line above a
  // paragraph that opens with the organisation's name): it touches a boundary if it can slide onto one.
  const slidesOntoCut = (s: string): boolean => {
    for (let k = 1; k <= s.length && s[s.length - k] === b[j - k]; k++) if (cuts.has(j - k)) return true;
    for (let k = 1; k <= s.length && s[k - 1] === b[j + k - 1]; k++) if (cuts.has(j + k)) return true;
    return false;
  };
  const flush = (): void => {
    let touches = false;
    for (let k = from; k <= j && !touches; k++) touches = cuts.has(k);
    if (!touches && removed === 0 && inserted !== '') touches = slidesOntoCut(inserted);
    edits += touches ? removed : Math.max(removed, inserted.length);
    removed = 0;
    inserted = '';
  };
  for (const { kind, value } of parts) {
    if (kind === 'ocr') inserted += value;
    else if (kind === 'truth' || kind === 'both') {
      removed += value.length;
      if (kind === 'both') inserted += value;
      j += value.length;
    } else {
      flush();
      j += value.length;
      from = j;
    }
  }
  flush();
  return edits;
}
