import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import type { Block, CaseDoc } from '../../../../shared/model/caseDoc.ts';
import type { ImportedTocEntry } from '../../../../shared/model/importResult.ts';
import { openLibrary, type ImportCase, type ImportWrite, type Library, type NewPage } from '../../../../main/store/index.ts';

/** A fresh folder under the OS temp dir, removed when the test ends. */
export function tempDir(t: TestContext, prefix = 'casebook-store-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A fresh library in a temp folder, closed when the test ends. */
export function openTemp(t: TestContext): Library {
  const lib = openLibrary(tempDir(t));
  t.after(() => lib.close());
  return lib;
}

export function doc(...texts: string[]): CaseDoc {
  return { version: 1, blocks: texts.map((text, i): Block => ({ kind: i === 0 ? 'title' : 'body', text, page: 0, breaks: [] })) };
}

interface Truth {
  pages: { index: number; printed: number | null }[];
  toc: ImportedTocEntry[];
  cases: {
    number: number;
    title: string;
    organization: string;
    commentary: { paragraphs: string[]; signature: string | null } | null;
    sections: { heading: string | null; paragraphs: string[] }[];
    printedPages: [number, number] | null;
  }[];
}

const truthPath = new URL('../../../fixtures/seed/excerpt.truth.json', import.meta.url);
export const truth: Truth = JSON.parse(fs.readFileSync(truthPath, 'utf8')) as Truth;

/** Case 001 of the seed volume as a stored document, block kinds as the import would tag them. */
export function seedCaseDoc(): CaseDoc {
  const c = truth.cases[0]!;
  const blocks: Block[] = [];
  const add = (kind: Block['kind'], text: string) => blocks.push({ kind, text, page: 5, breaks: [] });
  for (const p of c.commentary?.paragraphs ?? []) add('commentary', p);
  if (c.commentary?.signature) add('commentary-signature', c.commentary.signature);
  add('title', c.title);
  add('organization', c.organization);
  for (const s of c.sections) {
    if (s.heading) add('heading', s.heading);
    for (const p of s.paragraphs) add('body', p);
  }
  return { version: 1, blocks };
}

/**
 * A whole import built from the seed: its nine pages, its TOC, case 001 as printed, and one short
 * case per TOC entry (title and organization as in the book) so a volume has realistic variety.
 */
export function seedImport(overrides: Partial<ImportWrite> = {}): ImportWrite {
  const pages: NewPage[] = truth.pages.map((p) => ({
    index: p.index,
    printedLabel: p.printed === null ? null : String(p.printed),
    rawText: `page ${p.index}`,
  }));
  const first = truth.cases[0]!;
  const cases: ImportCase[] = [
    {
      number: first.number,
      title: first.title,
      organization: first.organization,
      pageStart: 5,
      pageEnd: 8,
      printedStart: String(first.printedPages?.[0] ?? ''),
      printedEnd: String(first.printedPages?.[1] ?? ''),
      doc: seedCaseDoc(),
    },
    ...truth.toc
      .filter((e) => e.title !== null)
      .map((e): ImportCase => ({
        number: e.number,
        title: e.title!,
        organization: e.organization ?? '',
        pageStart: null,
        pageEnd: null,
        printedStart: e.page === null ? null : String(e.page),
        printedEnd: null,
        doc: doc(e.title!, `${e.organization ?? ''}在创先争优活动中的做法。`),
      })),
  ];
  return {
    volume: { title: '创先争优好做法', sourceName: 'excerpt.txt', sourceHash: 'a'.repeat(64), scan: null },
    pages,
    toc: truth.toc,
    cases,
    who: '编辑甲',
    ...overrides,
  };
}
