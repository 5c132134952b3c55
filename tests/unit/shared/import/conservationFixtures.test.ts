// Conservation (shared/import/conservation.ts) on every import fixture: the seed's text layers,
// the committed and seeded generated volumes, the OCR fixtures (and the OCR variants, once there)
// and the PDFs' text layers. Each imports without a `text-not-conserved` warning: every character
// is placed, or removed or added by a logged rule.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { importPages, importText } from '../../../../shared/import/pipeline.ts';
import { parseWarning } from '../../../../shared/import/warnings.ts';
import type { ImportResult } from '../../../../shared/model/importResult.ts';
import { extractPdfPages } from '../../../../main/import/pdfText.ts';
import { volumeTextLayer } from '../../../fixtures/generator/textLayer.ts';

const fixtures = new URL('../../../fixtures/', import.meta.url);

function textFixtures(dir: string, filter: (name: string) => boolean): string[] {
  const url = new URL(`${dir}/`, fixtures);
  if (!existsSync(url)) return [];
  return readdirSync(url)
    .filter((f) => f.endsWith('.txt') && filter(f))
    .sort()
    .map((f) => `${dir}/${f}`);
}

const files = [
  ...textFixtures('import', () => true),
  ...textFixtures('seed', (f) => f === 'excerpt.txt'),
  ...textFixtures('generated', () => true),
  ...textFixtures('ocr', () => true),
  ...textFixtures('ocr-variants', () => true),
];
const pdfs = ['seed/excerpt.pdf', 'generated/small.pdf'];

function notConserved(text: string, name: string): Record<string, unknown> | null {
  return conservationParams(importText(text, { sourceName: name, encoding: 'utf-8' }));
}

function conservationParams(result: ImportResult): Record<string, unknown> | null {
  const warning = result.warnings.map(parseWarning).find((w) => w?.key === 'text-not-conserved');
  return warning?.params ?? null;
}

describe('conservation holds on every import fixture', () => {
  test('the fixtures are there', () => {
    for (const dir of ['import/', 'seed/', 'generated/', 'ocr/'])
      assert.ok(
        files.some((f) => f.startsWith(dir)),
        dir,
      );
  });

  for (const name of files) {
    test(name, () => {
      const bytes = readFileSync(new URL(name, fixtures));
      const encoding = name.endsWith('.gb18030.txt') ? 'gb18030' : 'utf-8';
      const found = notConserved(new TextDecoder(encoding).decode(bytes), name);
      assert.equal(found, null, `not conserved: ${JSON.stringify(found)}`);
    });
  }

  for (const name of pdfs) {
    test(`${name} (text layer)`, async () => {
      const { pages } = await extractPdfPages(new Uint8Array(readFileSync(new URL(name, fixtures))));
      const found = conservationParams(importPages(pages, { sourceName: name, encoding: 'pdf' }));
      assert.equal(found, null, `not conserved: ${JSON.stringify(found)}`);
    });
  }

  for (const seed of [1, 2, 3, 4, 5]) {
    test(`generated text layer, 12 cases, seed ${seed}`, () => {
      const { text } = volumeTextLayer(12, seed);
      const found = notConserved(text, `seed-${seed}.txt`);
      assert.equal(found, null, `not conserved: ${JSON.stringify(found)}`);
    });
  }
});
