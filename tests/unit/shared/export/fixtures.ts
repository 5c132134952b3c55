import fs from 'node:fs';
import path from 'node:path';
import { importText } from '../../../../shared/import/pipeline.ts';
import type { Case } from '../../../../shared/model/entities.ts';
import type { Stage } from '../../../../shared/model/stage.ts';

const FIXTURES = path.resolve(import.meta.dirname, '..', '..', '..', 'fixtures');

/** A stored case as the export reads it (the fields of `Case` the model and JSON use). */
export type StoredCase = Pick<
  Case,
  'id' | 'number' | 'title' | 'organization' | 'stage' | 'pageStart' | 'printedStart' | 'printedEnd' | 'doc'
>;

/** Cases as the import would store them (front matter first, unnumbered), ids from 1. */
export function casesFromText(file: string, stage: Stage = 'final'): StoredCase[] {
  const result = importText(fs.readFileSync(path.join(FIXTURES, file), 'utf8'), {
    sourceName: path.basename(file),
    encoding: 'utf-8',
  });
  const front = result.frontMatter.map((fm) => ({
    number: null,
    title: fm.title,
    organization: fm.byline ?? '',
    pageStart: fm.pageStart,
    printedStart: null,
    printedEnd: null,
    doc: fm.doc,
  }));
  const cases = result.cases.map((c) => ({
    number: c.number,
    title: c.title,
    organization: c.organization,
    pageStart: c.pageStart,
    printedStart: c.printedPages ? String(c.printedPages[0]) : null,
    printedEnd: c.printedPages ? String(c.printedPages[1]) : null,
    doc: c.doc,
  }));
  return [...front, ...cases].map((c, i) => ({ ...c, id: i + 1, stage }));
}

/** The seed excerpt: a foreword and case 1 (commentary, headings, awards). */
export const seedCases = (stage?: Stage): StoredCase[] => casesFromText('seed/excerpt.txt', stage);
/** The generated 5-case volume: every shape of case (two-paragraph commentary, Latin, 《》, %). */
export const smallCases = (stage?: Stage): StoredCase[] => casesFromText('generated/small.txt', stage);

/** Every block's text of the stored cases, in the order given. */
export function blockTexts(cases: readonly StoredCase[]): string[] {
  return cases.flatMap((c) => c.doc.blocks.map((b) => b.text));
}
