import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { importText } from '../../../../shared/import/pipeline.ts';
import { toTruthJson, type TruthJson } from '../../../../shared/import/truthSchema.ts';
import { ImportResult } from '../../../../shared/model/importResult.ts';
import { paragraphDistance, structureOf } from './truthCompare.ts';

const importDir = new URL('../../../fixtures/import/', import.meta.url);
const seedTruth = JSON.parse(
  readFileSync(new URL('../../../fixtures/seed/excerpt.truth.json', import.meta.url), 'utf8'),
) as TruthJson;

function run(dir: URL, name: string): { result: ImportResult; got: TruthJson } {
  const result = importText(readFileSync(new URL(name, dir), 'utf8'), { sourceName: name, encoding: 'utf-8' });
  return { result, got: toTruthJson(result) };
}

function truth(dir: URL, name: string): TruthJson {
  return JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as TruthJson;
}

describe('hand-made fixtures', () => {
  test('handwritten three-case volume matches its truth exactly', () => {
    const { result, got } = run(importDir, 'handwritten.txt');
    assert.doesNotThrow(() => ImportResult.parse(result));
    assert.deepEqual(got, truth(importDir, 'handwritten.truth.json'));
  });

  test('handwritten: the caption set into a paragraph comes after it, and the paragraph runs on', () => {
    const { result } = run(importDir, 'handwritten.txt');
    const kinds = result.cases[1]!.doc.blocks.map((b) => b.kind);
    assert.deepEqual(kinds, ['title', 'organization', 'body', 'heading', 'body', 'caption', 'body']);
    const capIdx = kinds.indexOf('caption');
    assert.match(result.cases[1]!.doc.blocks[capIdx - 1]!.text, /^村里引进了Fuji苹果品种/);
  });

  test('pdftotext of the seed reconstruction matches the seed truth', () => {
    const { got } = run(importDir, 'seed-pdftotext.txt');
    assert.deepEqual(got, truth(importDir, 'seed-pdftotext.truth.json'));
  });

  test('Tesseract OCR of the seed scans: cases, headings and page numbers right, text close', () => {
    const { got } = run(importDir, 'seed-ocr.txt');
    const want = seedTruth;
    assert.deepEqual(
      got.pages.map((p) => p.printed),
      want.pages.map((p) => p.printed),
    );
    assert.equal(got.cases.length, 1);
    const c = got.cases[0]!;
    assert.equal(c.title, want.cases[0]!.title);
    assert.deepEqual(c.printedPages, want.cases[0]!.printedPages);
    assert.deepEqual(
      c.sections.map((s) => s.heading),
      want.cases[0]!.sections.map((s) => s.heading),
    );
    assert.deepEqual(
      got.toc.map((e) => [e.number, e.page]),
      want.toc.map((e) => [e.number, e.page]),
    );
    assert.equal(got.frontMatter[0]!.title, want.frontMatter[0]!.title);
    assert.equal(got.frontMatter[0]!.byline, want.frontMatter[0]!.byline);
    assert.equal(got.frontMatter[0]!.paragraphs.length, want.frontMatter[0]!.paragraphs.length);
    const d = paragraphDistance(got, want);
    console.log(`OCR paragraph distance: ${d.changed}/${d.total} (${(d.ratio * 100).toFixed(2)}%)`);
    assert.ok(d.ratio < 0.02, `OCR distance ${d.ratio}`);
  });
});

// Synthetic volumes from tests/fixtures/generator (pdftotext output + truth), when present.
const generatedDir = new URL('../../../fixtures/generated/', import.meta.url);
const generated = existsSync(generatedDir)
  ? readdirSync(generatedDir).filter(
      (f) => f.endsWith('.txt') && existsSync(new URL(f.replace(/\.txt$/, '.truth.json'), generatedDir)),
    )
  : [];

describe('generated volumes', () => {
  for (const name of generated) {
    test(`${name}: structure exact, paragraph text within 0.5%`, () => {
      const { result, got } = run(generatedDir, name);
      const want = truth(generatedDir, name.replace(/\.txt$/, '.truth.json'));
      assert.doesNotThrow(() => ImportResult.parse(result));
      assert.deepEqual(structureOf(got), structureOf(want));
      const d = paragraphDistance(got, want);
      console.log(`${name} paragraph distance: ${d.changed}/${d.total} (${(d.ratio * 100).toFixed(3)}%)`);
      assert.ok(d.ratio <= 0.005, `distance ${d.ratio}`);
    });
  }
});
