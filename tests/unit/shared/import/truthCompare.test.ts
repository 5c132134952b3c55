import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compareTruth, editDistance } from './truthCompare.ts';
import type { Truthy } from './truthCompare.ts';

const seed = (): Truthy =>
  JSON.parse(readFileSync(new URL('../../../fixtures/seed/excerpt.truth.json', import.meta.url), 'utf8')) as Truthy;

describe('compareTruth (the acceptance bounds)', () => {
  test('a truth matches itself', () => {
    assert.deepEqual(compareTruth(seed(), seed()).mismatches, []);
  });

  test('any field difference is reported', () => {
    const got = seed();
    got.toc[1]!.title = '创先争优促发展立足岗位作贡献';
    got.cases[0]!.sections[1]!.heading = '民情论坛连民心';
    got.pages[2]!.startLine = 80;
    const { mismatches } = compareTruth(got, seed());
    assert.equal(mismatches.length, 3);
    assert.deepEqual(compareTruth(got, seed(), { ignoreStartLine: true }).mismatches.length, 2);
  });

  test('paragraph text may differ by whitespace and ≤ 0.5 % of its characters', () => {
    const got = seed();
    const p = got.cases[0]!.sections[0]!.paragraphs;
    p[0] = p[0]!.replace('1412户', '1412 户').replace('总人口', '总人囗');
    const ok = compareTruth(got, seed());
    assert.deepEqual(ok.mismatches, []);
    assert.equal(ok.paragraphDistance, 1);
    got.frontMatter[0]!.paragraphs = got.frontMatter[0]!.paragraphs.map((s) => s.slice(40));
    assert.match(compareTruth(got, seed()).mismatches.join('\n'), /^paragraphs: distance/m);
  });

  test('a paragraph split costs one character', () => {
    const got = seed();
    const first = got.frontMatter[0]!.paragraphs[0]!;
    got.frontMatter[0]!.paragraphs.splice(0, 1, first.slice(0, 50), first.slice(50));
    assert.equal(compareTruth(got, seed()).paragraphDistance, 1);
  });

  test('editDistance counts a replaced span by its longer side', () => {
    assert.equal(editDistance('社区党总支', '社区党支部'), 2);
    assert.equal(editDistance('abc', 'abc'), 0);
    assert.equal(editDistance('', '党员'), 2);
  });
});
