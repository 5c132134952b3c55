import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importText } from '../../../../shared/import/pipeline.ts';
import { parseWarning } from '../../../../shared/import/warnings.ts';
import { ImportResult } from '../../../../shared/model/importResult.ts';
import { createRng } from '../../../fixtures/generator/rng.ts';

// importText must return a result for any text at all: these inputs are garbage on purpose.

const meta = { sourceName: 'garbage.txt', encoding: 'utf-8' };
const MB = 1 << 20;

const prng = (seed: number): (() => number) => createRng(seed).next;

// Pieces that steer the pipeline into its structure rules (TOC, openers, folios, leaders…).
const PIECES = [
  '党建',
  '创先争优',
  '。',
  '，',
  '、',
  '“',
  '”',
  '〔组织点评〕',
  '———',
  '一一一',
  '——',
  '-—-',
  '目录',
  '前言',
  '后记',
  '获奖情况',
  '……',
  '...',
  '!!!!',
  '%%/%%',
  '\u3000\u3000',
  '  ',
  '\t',
  '\uFFFD',
  '⼀',
  '2012年1月4日',
  '091 / ',
  '313',
  '1',
  'Windows XP',
  '图为',
  '（',
  '）',
  '《',
  '》',
  '\r',
  '\f',
  '\n',
  '\n\n',
  ' ',
  '\uD83D\uDE00',
  '\uD800',
  '"',
  '?',
];

function soup(rnd: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (r < 0.35) s += String.fromCodePoint(0x4e00 + Math.floor(rnd() * 0x5000));
    else if (r < 0.5) s += String.fromCharCode(32 + Math.floor(rnd() * 95));
    else if (r < 0.6) s += '\n';
    else if (r < 0.62) s += '\f';
    else if (r < 0.64) s += String.fromCharCode(Math.floor(rnd() * 0x10000));
    else s += PIECES[Math.floor(rnd() * PIECES.length)]!;
  }
  return s;
}

const fixtures = [
  '../../../fixtures/import/handwritten.txt',
  '../../../fixtures/import/seed-pdftotext.txt',
  '../../../fixtures/import/seed-ocr.txt',
  '../../../fixtures/generated/small.txt',
].map((p) => readFileSync(new URL(p, import.meta.url), 'utf8'));

/** A real volume with lines cut, duplicated, truncated, garbled and split onto new pages. */
function mutated(rnd: () => number, base: string): string {
  const lines = base.split('\n');
  const edits = Math.floor(rnd() * 30);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(rnd() * lines.length);
    const op = rnd();
    if (op < 0.3) lines.splice(at, 1 + Math.floor(rnd() * 5));
    else if (op < 0.5) lines.splice(at, 0, soup(rnd, Math.floor(rnd() * 40)));
    else if (op < 0.7) lines.splice(at, 0, ...lines.slice(Math.floor(rnd() * lines.length), Math.floor(rnd() * lines.length)));
    else if (op < 0.85) lines[at] = (lines[at] ?? '').slice(0, Math.floor(rnd() * 20));
    else lines[at] = '\f' + (lines[at] ?? '');
  }
  return lines.join('\n');
}

/** What every result must satisfy, whatever the input. */
function checkResult(text: string, label: string, parse = true): void {
  let r: ImportResult;
  try {
    r = importText(text, meta);
  } catch (err) {
    assert.fail(`${label}: importText threw ${(err as Error).stack ?? String(err)}`);
  }
  if (parse) assert.doesNotThrow(() => ImportResult.parse(r), label);
  assert.ok(r.pages.length >= 1, label);
  r.pages.forEach((p, i) => assert.equal(p.index, i, label));
  for (const c of r.cases) {
    assert.ok(c.pageStart <= c.pageEnd && c.pageEnd < r.pages.length, `${label}: case pages ${c.pageStart}–${c.pageEnd}`);
  }
  for (const w of r.warnings) assert.ok(parseWarning(w), `${label}: warning ${w}`);
  if (r.cases.length === 0)
    assert.ok(
      r.warnings.some((w) => parseWarning(w)?.key === 'no-cases-found'),
      label,
    );
}

describe('importText on garbage never throws', () => {
  test('200 seeded random inputs: CJK/ASCII soup and mutilated volumes', () => {
    for (let i = 0; i < 100; i++) {
      const rnd = prng(1000 + i);
      checkResult(soup(rnd, Math.floor(rnd() * 4000)), `soup seed ${1000 + i}`);
    }
    for (let i = 0; i < 100; i++) {
      const rnd = prng(5000 + i);
      checkResult(mutated(rnd, fixtures[i % fixtures.length]!), `mutated seed ${5000 + i}`);
    }
  });

  test('empty text, only blank lines, only form feeds (10,000)', () => {
    checkResult('', 'empty');
    checkResult('\n'.repeat(100_000), 'blank lines');
    checkResult(' \n\t\n\u3000\n'.repeat(10_000), 'whitespace lines');
    checkResult('\f'.repeat(10_000), 'form feeds');
    checkResult(Array.from({ length: 10_000 }, (_, i) => `${i + 1}`).join('\n\f'), 'pages of bare numbers');
  });

  test('one enormous line of 5 MB, in several alphabets (no quadratic regex on long runs)', () => {
    const n = 5 * MB;
    checkResult('党建工作，创先争优。'.repeat(n / 30), '5 MB of running text', false);
    checkResult('a' + ' '.repeat(n) + 'b', '5 MB of spaces');
    checkResult('.'.repeat(n) + ' 12', '5 MB of dots before a page number');
    checkResult('—'.repeat(n / 3), '5 MB of dashes', false);
    checkResult('1'.repeat(n), '5 MB of digits');
  });

  test('200,000 short lines on one page (no quadratic joining or argument spreading)', () => {
    checkResult('党建工作\n'.repeat(200_000), 'many lines', false);
  });

  test('a 20 MB text completes', () => {
    const one = fixtures[3]!;
    const text = one.repeat(Math.ceil((20 * MB) / Buffer.byteLength(one)));
    const r = importText(text, meta);
    assert.ok(r.cases.length > 0);
  });
});
