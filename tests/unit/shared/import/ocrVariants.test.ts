// Tesseract's OCR of every layout variant (tests/fixtures/ocr-variants, made by
// tests/fixtures/ocr/makeVariants.sh) against issue 9's OCR targets: every case found and numbered
// right, titles ≥ 80 % exact, body CER at most half the raw OCR's (tests/eval/metrics.ts
// `rawOcrErrors`), every character conserved. A target the importer misses today is a `todo` with the
// reason (MISSES); every fixture added later is held to all five until it is listed there.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { importText } from '../../../../shared/import/pipeline.ts';
import { toTruthJson } from '../../../../shared/import/truthSchema.ts';
import { parseWarning } from '../../../../shared/import/warnings.ts';
import { rawOcrErrors, ratios, scoreImport, type Score } from '../../../eval/metrics.ts';
import type { Truthy } from './truthCompare.ts';

const dir = new URL('../../../fixtures/ocr-variants/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => /^[A-Za-z0-9]+\.[a-z0-9]+\.txt$/.test(f))
  .sort();

type Target = 'found' | 'numbered' | 'titles' | 'cer' | 'conserved';

/** Where the importer misses a target today, per fixture: the reason (see tests/fixtures/ocr/README.md). */
const MISSES: Record<string, Partial<Record<Target, string>>> = {};

interface Outcome {
  score: Score;
  rawCer: number;
  conserved: boolean;
}

const memo = new Map<string, Outcome>();
function outcome(file: string): Outcome {
  let o = memo.get(file);
  if (!o) {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const truth = JSON.parse(readFileSync(new URL(file.replace(/\.[a-z0-9]+\.txt$/, '.truth.json'), dir), 'utf8')) as Truthy;
    const result = importText(text, { sourceName: file, encoding: 'utf-8' });
    const raw = rawOcrErrors(text, truth).raw;
    o = {
      score: scoreImport(toTruthJson(result), truth),
      rawCer: raw.edits / raw.chars,
      conserved: !result.warnings.some((w) => parseWarning(w)?.key === 'text-not-conserved'),
    };
    memo.set(file, o);
  }
  return o;
}

describe('OCR of every layout variant against the OCR targets', () => {
  test('the fixtures are there (45 variants when they were made)', () => {
    assert.ok(files.length >= 45, `${files.length} fixtures`);
  });

  for (const file of files) {
    const todo = (t: Target): { todo?: string } => (MISSES[file]?.[t] ? { todo: MISSES[file]?.[t] } : {});
    describe(file, () => {
      test('every case found', todo('found'), () => {
        const { score } = outcome(file);
        assert.equal(score.casesFound, score.casesExpected);
      });
      test('every case numbered right', todo('numbered'), () => {
        const { score } = outcome(file);
        assert.equal(score.numberedRight, score.casesExpected);
      });
      test('titles ≥ 80 % exact', todo('titles'), () => {
        const { score } = outcome(file);
        assert.ok(ratios(score).titles >= 0.8, `${score.titlesExact}/${score.casesExpected}`);
      });
      test('body CER at most half the raw OCR text’s', todo('cer'), () => {
        const { score, rawCer } = outcome(file);
        const cer = ratios(score).cer;
        assert.ok(cer <= rawCer / 2, `body CER ${(cer * 100).toFixed(2)} %, raw ${(rawCer * 100).toFixed(2)} %`);
      });
      test('every character conserved', todo('conserved'), () => {
        assert.ok(outcome(file).conserved);
      });
    });
  }
});
