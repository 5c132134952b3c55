// Compares an import's truth view with a ground truth under the acceptance bounds of the text path:
// every field equal except paragraph text, which may differ by ≤ 0.5 % of its characters (edit distance,
// whitespace ignored; each paragraph boundary counts as one character, so a wrong split costs one edit).
import { diffChars } from 'diff';
import type { TruthJson } from '../../../../shared/import/truthSchema.ts';

/** The seed's ground-truth schema (`source` optional: fixtures may omit it). */
export type Truthy = Omit<TruthJson, 'source'>;

export interface CompareOptions {
  /** startLine counts lines of the text layer file; a PDF's lines are counted differently. */
  ignoreStartLine?: boolean;
  /** Allowed share of differing paragraph characters. */
  maxParagraphDistance?: number;
}

export interface Comparison {
  /** Fields that differ, as `path: got ≠ want`. */
  mismatches: string[];
  paragraphChars: number;
  paragraphDistance: number;
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/** Paragraph text of a truth, in document order, one boundary mark between paragraphs. */
function paragraphStream(t: Truthy): string {
  const all: string[] = [];
  for (const f of t.frontMatter) all.push(...f.paragraphs);
  for (const c of t.cases) {
    all.push(...(c.commentary?.paragraphs ?? []));
    for (const s of c.sections) all.push(...s.paragraphs);
  }
  return all.map(squash).join('\u00b6');
}

/** Edit distance from the Myers diff: each replaced span costs the longer of its two sides. */
export function editDistance(a: string, b: string): number {
  let distance = 0;
  let removed = 0;
  let added = 0;
  const flush = (): void => {
    distance += Math.max(removed, added);
    removed = 0;
    added = 0;
  };
  for (const part of diffChars(a, b)) {
    if (part.removed) removed += part.value.length;
    else if (part.added) added += part.value.length;
    else flush();
  }
  flush();
  return distance;
}

export function compareTruth(got: Truthy, want: Truthy, opts: CompareOptions = {}): Comparison {
  const mismatches: string[] = [];
  const eq = (path: string, a: unknown, b: unknown): void => {
    const x = JSON.stringify(a);
    const y = JSON.stringify(b);
    if (x !== y) mismatches.push(`${path}: ${x} ≠ ${y}`);
  };
  const page = (p: Truthy['pages'][number]): unknown => (opts.ignoreStartLine ? [p.index, p.printed] : p);
  eq('pages', got.pages.map(page), want.pages.map(page));
  eq('toc', got.toc, want.toc);
  eq('frontMatter.length', got.frontMatter.length, want.frontMatter.length);
  want.frontMatter.forEach((w, i) => {
    const g = got.frontMatter[i];
    eq(`frontMatter[${i}]`, g && [g.kind, g.title, g.byline, g.date], [w.kind, w.title, w.byline, w.date]);
  });
  eq('cases.length', got.cases.length, want.cases.length);
  want.cases.forEach((w, i) => {
    const g = got.cases[i];
    eq(`cases[${i}]`, g && [g.number, g.title, g.organization, g.printedPages], [
      w.number,
      w.title,
      w.organization,
      w.printedPages,
    ]);
    eq(`cases[${i}].commentary`, g?.commentary ? g.commentary.signature : null, w.commentary ? w.commentary.signature : null);
    eq(
      `cases[${i}].headings`,
      g?.sections.map((s) => s.heading),
      w.sections.map((s) => s.heading),
    );
  });
  const { changed, total } = paragraphDistance(got, want);
  const limit = opts.maxParagraphDistance ?? 0.005;
  if (changed > limit * total) {
    mismatches.push(`paragraphs: distance ${changed} of ${total} chars exceeds ${limit * 100} %`);
  }
  return { mismatches, paragraphChars: total, paragraphDistance: changed };
}

/**
 * Distance between the paragraph text of two truths (whitespace ignored, paragraph boundaries count),
 * over the length of `want`: the same measure compareTruth bounds.
 */
export function paragraphDistance(got: Truthy, want: Truthy): { changed: number; total: number; ratio: number } {
  const b = paragraphStream(want);
  const changed = editDistance(paragraphStream(got), b);
  return { changed, total: b.length, ratio: b.length === 0 ? 0 : changed / b.length };
}

/** The truth without its paragraph text: what must match exactly. */
export function structureOf(t: Truthy): unknown {
  return {
    pages: t.pages,
    frontMatter: t.frontMatter.map((f) => ({
      kind: f.kind,
      title: f.title,
      byline: f.byline,
      date: f.date,
      n: f.paragraphs.length,
    })),
    toc: t.toc,
    cases: t.cases.map((c) => ({
      number: c.number,
      title: c.title,
      organization: c.organization,
      commentary: c.commentary ? { n: c.commentary.paragraphs.length, signature: c.commentary.signature } : null,
      sections: c.sections.map((s) => ({ heading: s.heading, n: s.paragraphs.length })),
      printedPages: c.printedPages,
    })),
  };
}
