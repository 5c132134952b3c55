import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importText } from '../../../../shared/import/pipeline.ts';
import { toTruthJson, type TruthJson } from '../../../../shared/import/truthSchema.ts';
import { ImportResult } from '../../../../shared/model/importResult.ts';
import { paragraphDistance } from './truthCompare.ts';

const seedDir = new URL('../../../fixtures/seed/', import.meta.url);
const text = readFileSync(new URL('excerpt.txt', seedDir), 'utf8');
const want = JSON.parse(readFileSync(new URL('excerpt.truth.json', seedDir), 'utf8')) as TruthJson;
const result = importText(text, { sourceName: 'excerpt.txt', encoding: 'utf-8' });
const got = toTruthJson(result);

describe('seed excerpt against its ground truth', () => {
  test('the result parses with the ImportResult schema', () => {
    assert.doesNotThrow(() => ImportResult.parse(result));
  });

  test('page table: index, printed number, start line', () => {
    assert.deepEqual(got.pages, want.pages);
  });

  test('front matter: kind, title, byline, date, paragraph count', () => {
    assert.equal(got.frontMatter.length, want.frontMatter.length);
    for (const [i, w] of want.frontMatter.entries()) {
      const g = got.frontMatter[i]!;
      assert.equal(g.kind, w.kind);
      assert.equal(g.title, w.title);
      assert.equal(g.byline, w.byline);
      assert.equal(g.date, w.date);
      assert.equal(g.paragraphs.length, w.paragraphs.length);
    }
  });

  test('every TOC entry 090–100 with organisation and page', () => {
    assert.deepEqual(got.toc, want.toc);
  });

  test('every case field and section heading', () => {
    assert.equal(got.cases.length, want.cases.length);
    for (const [i, w] of want.cases.entries()) {
      const g = got.cases[i]!;
      assert.equal(g.number, w.number);
      assert.equal(g.title, w.title);
      assert.equal(g.organization, w.organization);
      assert.equal(g.commentary?.signature, w.commentary?.signature);
      assert.equal(g.commentary?.paragraphs.length, w.commentary?.paragraphs.length);
      assert.deepEqual(g.printedPages, w.printedPages);
      assert.deepEqual(
        g.sections.map((s) => [s.heading, s.paragraphs.length]),
        w.sections.map((s) => [s.heading, s.paragraphs.length]),
      );
    }
  });

  test('the whole truth object matches exactly', () => {
    assert.deepEqual(got, want);
  });

  test('paragraph text within 0.5% of characters (whitespace ignored)', () => {
    const d = paragraphDistance(got, want);
    console.log(`seed paragraph distance: ${d.changed} of ${d.total} characters (${(d.ratio * 100).toFixed(3)}%)`);
    assert.ok(d.ratio <= 0.005, `distance ${d.changed}/${d.total}`);
  });
});
