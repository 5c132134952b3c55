// Acceptance on Tesseract OCR of generated volumes (tests/fixtures/ocr, see its README) and of the
// seed's scans: the structure the import recovers, field by field, against the generator's truth.
// Where a field still differs it is listed below with the reason; everything else must be equal.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importText } from '../../../../shared/import/pipeline.ts';
import { toTruthJson, type TruthJson } from '../../../../shared/import/truthSchema.ts';
import { ImportResult } from '../../../../shared/model/importResult.ts';
import { paragraphDistance } from './truthCompare.ts';

const ocrDir = new URL('../../../fixtures/ocr/', import.meta.url);

/**
 * Indices (cases or TOC entries) where a field is known to differ, because OCR misread a
 * character the same way in every reading of it (撬→手/挫/插/氛, 崆峒→储帅, 肃→惠, 陇→陀), lost
 * the line (a signature; a short last line before a heading in psm 6 output), or read a heading
 * with a character too many (暖人心→暖和人心).
 */
interface Known {
  tocTitle?: number[];
  tocOrg?: number[];
  title?: number[];
  org?: number[];
  signature?: number[];
  headings?: number[];
  /** Paragraph edit distance (whitespace ignored) must stay at or under this share. */
  maxDistance: number;
}

interface Fixture extends Known {
  /** Defaults to the fixture's name in tests/fixtures/ocr. */
  text?: URL;
  truth: URL;
}

const small = new URL('small.truth.json', ocrDir);
const vol9 = new URL('vol9.truth.json', ocrDir);
const fixtures: Record<string, Fixture> = {
  // small: 撬 misread in all four readings; signatures 肃→惠 and 陇→陀; 暖和人心 in cases 0/1.
  'small.psm3.txt': {
    truth: small,
    tocTitle: [0],
    title: [0],
    signature: [0, 1],
    headings: [0, 1],
    maxDistance: 0.0065,
  },
  // psm 6 also loses the short last line before case 4's heading 强化服务树形象.
  'small.psm6.txt': {
    truth: small,
    tocTitle: [0],
    title: [0],
    signature: [0, 1],
    headings: [0, 4],
    maxDistance: 0.007,
  },
  'small.eng.txt': {
    truth: small,
    tocTitle: [0],
    title: [0],
    signature: [0, 1],
    headings: [0, 4],
    maxDistance: 0.0075,
  },
  // vol9: 崆峒 misread in every reading of case 0's organisation and signature; 暖和人心 in case 1.
  'vol9.psm3.txt': {
    truth: vol9,
    tocOrg: [0],
    org: [0],
    signature: [0],
    headings: [1],
    maxDistance: 0.011,
  },
  'vol9.psm6.txt': {
    truth: vol9,
    tocOrg: [0],
    org: [0],
    signature: [0],
    headings: [1],
    maxDistance: 0.011,
  },
  // chi_sim+eng read case 0's opener page as Latin letters: its title comes from a footer (壁→辟).
  'vol9.eng.txt': {
    truth: vol9,
    tocTitle: [0],
    tocOrg: [0],
    title: [0],
    org: [0],
    signature: [0],
    headings: [1],
    maxDistance: 0.011,
  },
  // The seed's nine scans (tests/fixtures/import/seed-ocr.txt): TOC names misread (支→才, 兰州→放大…),
  // 临洮→临涨/临沈 in the case's organisation and signature.
  'seed-ocr.txt': {
    text: new URL('../import/seed-ocr.txt', ocrDir),
    truth: new URL('../seed/excerpt.truth.json', ocrDir),
    tocTitle: [1, 4, 10],
    tocOrg: [0, 1, 4, 9],
    org: [0],
    signature: [0],
    maxDistance: 0.0105,
  },
};

/** Indices where `f` differs between got and want (want's length). */
function differing(got: TruthJson, want: TruthJson, f: (t: TruthJson) => unknown[]): number[] {
  const a = f(got);
  return f(want)
    .map((w, i) => (JSON.stringify(w) === JSON.stringify(a[i]) ? -1 : i))
    .filter((i) => i >= 0);
}

/** The names and headings checked field by field: label, the fixture's known differences, the field. */
const named: [string, keyof Omit<Known, 'maxDistance'>, (t: TruthJson) => unknown[]][] = [
  ['TOC titles', 'tocTitle', (t) => t.toc.map((e) => e.title)],
  ['TOC organisations', 'tocOrg', (t) => t.toc.map((e) => e.organization)],
  ['case titles', 'title', (t) => t.cases.map((c) => c.title)],
  ['organisations', 'org', (t) => t.cases.map((c) => c.organization)],
  ['signatures', 'signature', (t) => t.cases.map((c) => c.commentary?.signature ?? null)],
  ['headings', 'headings', (t) => t.cases.map((c) => c.sections.map((s) => s.heading))],
];

const read = (fx: Fixture, name: string): string => readFileSync(fx.text ?? new URL(name, ocrDir), 'utf8');

function run(name: string, fx: Fixture): { result: ImportResult; got: TruthJson; want: TruthJson } {
  const result = importText(read(fx, name), { sourceName: 'ocr.txt', encoding: 'utf-8' });
  return { result, got: toTruthJson(result), want: JSON.parse(readFileSync(fx.truth, 'utf8')) as TruthJson };
}

describe('OCR fixtures: structure as the truth, text within the bound', () => {
  for (const [name, fx] of Object.entries(fixtures)) {
    test(name, () => {
      const { result, got, want } = run(name, fx);
      assert.doesNotThrow(() => ImportResult.parse(result));
      // Exact: the page table, the front matter, TOC numbers and pages, case count, numbers, pages, boxes.
      assert.deepEqual(
        got.pages.map((p) => [p.index, p.printed]),
        want.pages.map((p) => [p.index, p.printed]),
      );
      const fm = (t: TruthJson): unknown => t.frontMatter.map((f) => [f.kind, f.title, f.byline, f.date, f.paragraphs.length]);
      assert.deepEqual(fm(got), fm(want));
      assert.deepEqual(
        got.toc.map((e) => [e.number, e.page]),
        want.toc.map((e) => [e.number, e.page]),
      );
      assert.deepEqual(
        got.cases.map((c) => [c.number, c.printedPages, c.commentary !== null]),
        want.cases.map((c) => [c.number, c.printedPages, c.commentary !== null]),
      );
      // Names and headings: equal except where OCR misread every reading (listed above).
      for (const [label, known, field] of named) {
        assert.deepEqual(differing(got, want, field), fx[known] ?? [], label);
      }
      const d = paragraphDistance(got, want);
      const share = d.ratio;
      console.log(`${name}: paragraph distance ${d.changed}/${d.total} (${(share * 100).toFixed(2)} %)`);
      assert.ok(share <= fx.maxDistance, `distance ${share}`);
    });
  }

  test('the OCR rules are what makes it work: without them cases are misread or go unnumbered', () => {
    const off = [
      'ocr-dash-run',
      'ocr-lost-dashes',
      'ocr-page-opener',
      'ocr-stray-line',
      'ocr-folio',
      'ocr-toc-org',
      'fuzzy-title-match',
      'title-consensus',
      'org-consensus',
      'fill-toc-from-case',
    ];
    for (const name of ['small.psm6.txt', 'vol9.psm3.txt']) {
      const fx = fixtures[name]!;
      const want = JSON.parse(readFileSync(fx.truth, 'utf8')) as TruthJson;
      const got = toTruthJson(importText(read(fx, name), { sourceName: name, encoding: 'utf-8' }, { disabledRules: off }));
      const fields = (t: TruthJson): unknown => t.cases.map((c) => [c.number, c.title, c.organization]);
      assert.notDeepEqual(fields(got), fields(want), name);
    }
  });

  test('OCR text is told from a text layer: the same volume as pdftotext extracts it sets off no OCR rule', () => {
    const text = readFileSync(new URL('../generated/small.txt', ocrDir), 'utf8');
    const r = importText(text, { sourceName: 'small.txt', encoding: 'utf-8' });
    const ocrOnly = r.changes.filter((c) => /^ocr-|consensus|toc-entry-from-case/.test(c.rule)).map((c) => c.rule);
    assert.deepEqual(ocrOnly, []);
  });
});
