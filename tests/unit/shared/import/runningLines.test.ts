import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { inferPrinted, parseFolio, removeRunningLines, romanValue } from '../../../../shared/import/runningLines.ts';
import { ChangeLog } from '../../../../shared/import/changeLog.ts';
import { DEFAULT_VOCABULARY } from '../../../../shared/import/vocabulary.ts';
import { pagesOf } from './helpers.ts';

let serial = 0;
/** `n` distinct body lines (real pages do not repeat their text). */
const body = (n: number): string[] =>
  Array.from({ length: n }, () => `社区组织党员开展志愿服务活动，第${++serial}项工作进展顺利，群众满意`);

describe('parseFolio', () => {
  test('bare numbers, 第N页, running titles with the number after or before', () => {
    assert.deepEqual(parseFolio('12'), { number: 12, label: '' });
    assert.deepEqual(parseFolio('- 7 -'), { number: 7, label: '' });
    assert.deepEqual(parseFolio('第 3 页'), { number: 3, label: '' });
    assert.deepEqual(parseFolio('开设“民情论坛” 打造和谐家园 001'), { number: 1, label: '开设“民情论坛” 打造和谐家园' });
    assert.deepEqual(parseFolio('002 创先争优好做法'), { number: 2, label: '创先争优好做法' });
  });

  test('body lines and TOC organisation lines are not folios', () => {
    assert.equal(parseFolio('———陇东学院教育学院党总支 317'), null);
    assert.equal(parseFolio('2012年 1月 4'), null);
    assert.equal(parseFolio('3 个支部， 共有党员 120 名。 创先争优活动开展以来'), null);
  });
});

describe('removeRunningLines', () => {
  test('footers whose numbers advance with the pages are removed and read as page numbers', () => {
    const pages = pagesOf(['前言', ...body(5)], [...body(6), '开设“民情论坛” 打造和谐家园 001'], body(6), [
      ...body(6),
      '开设“民情论坛” 打造和谐家园 003',
    ]);
    const log = new ChangeLog();
    const r = removeRunningLines(pages, log, { vocab: DEFAULT_VOCABULARY, tocPages: new Set() });
    assert.deepEqual(r.folios, [null, 1, null, 3]);
    assert.equal(r.labels[1], '开设“民情论坛” 打造和谐家园');
    assert.ok(pages.every((p) => p.lines.every((l) => !l.text.includes('家园 00'))));
    assert.equal(log.toReports().find((x) => x.rule === 'remove-running-footer')?.count, 2);
  });

  test('a number that agrees with no other page is left alone; a disabled rule keeps the line', () => {
    const pages = pagesOf([...body(4), '好做法 7'], [...body(4), '好做法 20'], body(3));
    const r = removeRunningLines(pages, new ChangeLog(), { vocab: DEFAULT_VOCABULARY, tocPages: new Set() });
    assert.deepEqual(r.folios, [null, null, null]);
    const kept = pagesOf([...body(4), '1'], [...body(4), '2']);
    const r2 = removeRunningLines(kept, new ChangeLog(['remove-running-footer']), {
      vocab: DEFAULT_VOCABULARY,
      tocPages: new Set(),
    });
    assert.deepEqual(r2.folios, [1, 2]);
    assert.equal(kept[0]!.lines.at(-1)!.text, '1');
  });

  test('an unnumbered line repeated at the top of many pages is a running header', () => {
    const pages = pagesOf(...Array.from({ length: 6 }, () => ['创先争优好做法', ...body(5)]));
    removeRunningLines(pages, new ChangeLog(), { vocab: DEFAULT_VOCABULARY, tocPages: new Set() });
    assert.ok(pages.every((p) => p.lines[0]!.text !== '创先争优好做法'));
  });

  test('a case title above its ———organisation line is never taken for a header', () => {
    const pages = pagesOf(...Array.from({ length: 4 }, () => ['开设“民情论坛” 打造和谐家园', '———康乐路社区党总支', ...body(4)]));
    removeRunningLines(pages, new ChangeLog(), { vocab: DEFAULT_VOCABULARY, tocPages: new Set() });
    assert.ok(pages.every((p) => p.lines[0]!.text === '开设“民情论坛” 打造和谐家园'));
  });
});

describe('inferPrinted', () => {
  test('pages between agreeing folios and one page past a run get numbers; never below 1', () => {
    assert.deepEqual(inferPrinted([null, null, null, null, null, 1, null, 3, null]), [null, null, null, null, null, 1, 2, 3, 4]);
  });

  test('folios that disagree are not bridged', () => {
    assert.deepEqual(inferPrinted([5, null, null, 20]), [5, 6, 19, 20]);
    assert.deepEqual(inferPrinted([5, null, null, null, 20]), [5, 6, null, 19, 20]);
  });
});

test('roman numerals read as front-matter folios: usual forms only, one case throughout', () => {
  assert.deepEqual(['i', 'ii', 'iv', 'ix', 'xii', 'XIV', 'xl'].map(romanValue), [1, 2, 4, 9, 12, 14, 40]);
  for (const s of ['', 'iiii', 'vx', 'Ii', 'ic', 'hi', 'x1']) assert.equal(romanValue(s), null, s);
});
