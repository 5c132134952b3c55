// Acceptance: a PDF's text layer, read by extractPdfPages, imports to the same truth as the text path.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractPdfPages } from '../../../../main/import/pdfText.ts';
import { importPages, importText } from '../../../../shared/import/pipeline.ts';
import { toTruthJson } from '../../../../shared/import/truthSchema.ts';
import { compareTruth } from '../../shared/import/truthCompare.ts';
import type { Truthy } from '../../shared/import/truthCompare.ts';

const url = (path: string): URL => new URL(`../../../fixtures/${path}`, import.meta.url);
const truth = (path: string): Truthy => JSON.parse(readFileSync(url(path), 'utf8')) as Truthy;

async function importPdf(path: string): Promise<Truthy> {
  const extracted = await extractPdfPages(new Uint8Array(readFileSync(url(path))));
  assert.equal(extracted.hasText, true);
  return toTruthJson(importPages(extracted.pages, { sourceName: path, encoding: 'pdf' }));
}

// startLine is a line of the text-layer file the truth was made for; lines rebuilt from a PDF are
// counted without pdftotext's blank lines, so the PDF path is held to index and printed page only.
describe('PDF text layer → import pipeline → truth', () => {
  test('seed excerpt.pdf gives excerpt.truth.json (pages, TOC with real leaders and /, cases, headings)', async () => {
    const result = compareTruth(await importPdf('seed/excerpt.pdf'), truth('seed/excerpt.truth.json'), { ignoreStartLine: true });
    assert.deepEqual(result.mismatches, []);
  });

  test('generated small.pdf gives small.truth.json', async () => {
    const result = compareTruth(await importPdf('generated/small.pdf'), truth('generated/small.truth.json'), {
      ignoreStartLine: true,
    });
    assert.deepEqual(result.mismatches, []);
  });

  test('its pdftotext layer small.txt gives small.truth.json, start lines included', () => {
    const text = readFileSync(url('generated/small.txt'), 'utf8');
    const got = toTruthJson(importText(text, { sourceName: 'small.txt', encoding: 'utf-8' }));
    const result = compareTruth(got, truth('generated/small.truth.json'));
    assert.deepEqual(result.mismatches, []);
  });
});
