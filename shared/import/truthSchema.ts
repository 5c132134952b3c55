import type { ImportResult } from '../model/importResult.ts';

/**
 * The ground-truth view of an import (the schema of tests/fixtures/seed/excerpt.truth.json):
 * what a reviewer compares, without docs, raw text or positions.
 */
export interface TruthJson {
  source: string;
  pages: { index: number; printed: number | null; startLine: number }[];
  frontMatter: { kind: string; title: string; byline: string | null; paragraphs: string[]; date: string | null }[];
  toc: { number: number | null; title: string | null; organization: string | null; page: number | null }[];
  cases: {
    number: number | null;
    title: string;
    organization: string;
    commentary: { paragraphs: string[]; signature: string | null } | null;
    sections: { heading: string | null; paragraphs: string[] }[];
    printedPages: [number, number] | null;
  }[];
}

export function toTruthJson(result: ImportResult): TruthJson {
  return {
    source: result.sourceName,
    pages: result.pages.map((p) => ({ index: p.index, printed: p.printed, startLine: p.startLine })),
    frontMatter: result.frontMatter.map((f) => ({
      kind: f.kind,
      title: f.title,
      byline: f.byline,
      paragraphs: f.paragraphs,
      date: f.date,
    })),
    toc: result.toc.map((e) => ({ number: e.number, title: e.title, organization: e.organization, page: e.page })),
    cases: result.cases.map((c) => ({
      number: c.number,
      title: c.title,
      organization: c.organization,
      commentary: c.commentary,
      sections: c.sections,
      printedPages: c.printedPages,
    })),
  };
}
