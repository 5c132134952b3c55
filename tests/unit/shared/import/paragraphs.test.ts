import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { buildUnits, estimateFullWidth, leadingUnitWidth } from '../../../../shared/import/paragraphs.ts';
import { linesOf } from './helpers.ts';

const noCaption = (): boolean => false;
const texts = (units: ReturnType<typeof buildUnits>): string[][] => units.map((u) => [u.kind, ...u.lines.map((l) => l.text)]);

// A 12-em measure: full lines are 12 wide, first lines 10 (indented by two).
const P = [
  '一二三四五六七八九十', // first line, 10
  '一二三四五六七八九十一二', // 12
  '一二三四五六七八。', // short last line
  '一二三四五六七八九十', // first line of the next paragraph
  '一二三四五六七八九十一。', // full, ends a sentence
  '一二三四五六七八九十', // 10: looks indented → new paragraph
  '一二三四五六七八九十一二',
  '结束了。',
];

describe('paragraphs', () => {
  test('the full-line width is the densest cluster of widths', () => {
    assert.equal(estimateFullWidth(linesOf(P), 30), 12);
    assert.equal(estimateFullWidth(linesOf(['短']), 30), 30);
  });

  test('paragraph ends: a short line after a sentence, and a full sentence end before an indented line', () => {
    const units = buildUnits(linesOf(P), { fullWidth: 12, headings: false, isCaption: noCaption });
    assert.deepEqual(
      units.map((u) => u.lines.length),
      [3, 2, 3],
    );
  });

  test('double-spaced text (a blank after every line) reads the same as single-spaced', () => {
    const doubled = P.flatMap((l) => [l, '']);
    const a = buildUnits(linesOf(P), { fullWidth: 12, headings: false, isCaption: noCaption });
    const b = buildUnits(linesOf(doubled), { fullWidth: 12, headings: false, isCaption: noCaption });
    assert.deepEqual(texts(a), texts(b));
  });

  test('in single-spaced text a blank line before a line starts a paragraph after a sentence end', () => {
    const lines = linesOf(['一二三四五六七八九十', '一二三四五六七八九十一。', '', '一二三四五六七八九十一二', '完。']);
    assert.deepEqual(
      buildUnits(lines, { fullWidth: 12, headings: false, isCaption: noCaption }).map((u) => u.lines.length),
      [2, 2],
    );
  });

  test('indentation, when the extractor keeps it, starts a paragraph', () => {
    const lines = linesOf(['　　一二三四五六七八九十', '一二三四五六七八九十一。', '　　一二三四五六七八九十', '完。']);
    assert.deepEqual(
      buildUnits(lines, { fullWidth: 12, headings: false, isCaption: noCaption }).map((u) => u.lines.length),
      [2, 2],
    );
  });

  test('a line cut short by a long number is full, not an indented first line', () => {
    assert.ok(leadingUnitWidth('“12345”便民服务') >= 4.5);
    const lines = linesOf([
      '一二三四五六七八九十',
      '一二三四五六七八九十一。',
      '一二三四五六七八九十',
      '“12345”便民服务热线开通了。',
    ]);
    assert.deepEqual(
      buildUnits(lines, { fullWidth: 12, headings: false, isCaption: noCaption }).map((u) => u.lines.length),
      [4],
    );
  });

  test('a short unpunctuated line after a paragraph end is a heading; not in mid-paragraph', () => {
    const lines = linesOf([
      '便民服务暖民心',
      '一二三四五六七八九十',
      '一二三四五六七八九十一二',
      '完了',
      '特色活动聚民心',
      '一二三四五六七八九十',
      '完。',
    ]);
    const units = buildUnits(lines, { fullWidth: 12, headings: true, isCaption: noCaption });
    assert.deepEqual(
      units.map((u) => u.kind),
      ['heading', 'paragraph', 'heading', 'paragraph'],
    );
  });

  test('a caption inside a running paragraph comes after it; the paragraph goes on across it', () => {
    const lines = linesOf(['一二三四五六七八九十', '一二三四五六七八九十一二', '图为社区活动现场', '一二三四五。']);
    const units = buildUnits(lines, { fullWidth: 12, headings: true, isCaption: (t) => t.startsWith('图为') });
    assert.deepEqual(texts(units), [
      ['paragraph', '一二三四五六七八九十', '一二三四五六七八九十一二', '一二三四五。'],
      ['caption', '图为社区活动现场'],
    ]);
  });
});
