import { diffChars } from 'diff';
import type { TruthJson } from '../../../../shared/import/truthSchema.ts';

/** Every paragraph of a truth object, in order: front matter, commentary, case sections. */
export function allParagraphs(t: TruthJson): string[] {
  const out: string[] = [];
  for (const f of t.frontMatter) out.push(...f.paragraphs);
  for (const c of t.cases) {
    if (c.commentary) out.push(...c.commentary.paragraphs);
    for (const s of c.sections) out.push(...s.paragraphs);
  }
  return out;
}

/**
 * Character distance between the paragraph text of two truths, whitespace ignored: characters
 * added plus removed by a character diff, over the length of `want`.
 */
export function paragraphDistance(got: TruthJson, want: TruthJson): { changed: number; total: number; ratio: number } {
  const strip = (ps: string[]): string => ps.join('').replace(/\s+/g, '');
  const a = strip(allParagraphs(got));
  const b = strip(allParagraphs(want));
  let changed = 0;
  for (const part of diffChars(b, a)) if (part.added || part.removed) changed += part.value.length;
  return { changed, total: b.length, ratio: b.length === 0 ? 0 : changed / b.length };
}

/** The truth without its paragraph text: what must match exactly. */
export function structureOf(t: TruthJson): unknown {
  return {
    pages: t.pages,
    frontMatter: t.frontMatter.map((f) => ({ kind: f.kind, title: f.title, byline: f.byline, date: f.date, n: f.paragraphs.length })),
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
