import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { findOpeners } from '../../../../shared/import/openers.ts';
import { importText } from '../../../../shared/import/pipeline.ts';
import { matchKey } from '../../../../shared/import/tocMatch.ts';
import { DEFAULT_VOCABULARY } from '../../../../shared/import/vocabulary.ts';
import { linesOf } from './helpers.ts';

// Case titles broken over two or three lines after ：，、 (issue 9): every line belongs to the title.
const V = DEFAULT_VOCABULARY;
const box = ['〔组织点评〕', '社区党委始终把为民服务作为一切工作的出发点和落脚点，取得了明显成效。', '———中共某某街道工作委员会'];
const para = ['社区现有党员六十名。创先争优活动开展以来，社区深入开展“民情流水线”活', '动，得到了广大群众的一致好评。'];

function titles(lines: ReturnType<typeof linesOf>, tocTitles?: string[]) {
  const set = tocTitles ? new Set(tocTitles.map(matchKey)) : undefined;
  return findOpeners({ lines, vocab: V, fullWidth: 35, lostDashes: false }, { tocTitles: set }).map((o) => ({
    start: lines[o.start]!.text,
    title: o.titleLines.map((l) => l.text),
    label: o.label?.text ?? null,
    body: lines[o.bodyStart]?.text ?? null,
  }));
}

describe('titles broken after punctuation', () => {
  test('two lines broken after ：, under a commentary box, without a TOC', () => {
    const lines = linesOf([...box, '坚持党建引领：', '打造和谐社区新格局', '———某某社区党委', ...para]);
    assert.deepEqual(titles(lines), [
      { start: '〔组织点评〕', title: ['坚持党建引领：', '打造和谐社区新格局'], label: '〔组织点评〕', body: para[0]! },
    ]);
  });

  test('three lines broken after ： and ，, the last ending on a closing quote', () => {
    const lines = linesOf(
      [...box, '“阳光村务”惠民生：', '点亮群众心灯，', '开设“民情论坛”', '———某某村党支部', ...para],
      ['夯实执政基础、', '托起致富希望、', '凝心聚力促发展', '———某某局党支部', ...para],
    );
    const found = titles(lines);
    assert.deepEqual(
      found.map((o) => o.title),
      [
        ['“阳光村务”惠民生：', '点亮群众心灯，', '开设“民情论坛”'],
        ['夯实执政基础、', '托起致富希望、', '凝心聚力促发展'],
      ],
    );
    assert.equal(found[0]!.label, '〔组织点评〕');
  });

  test('a line ending in ：，、 is never a title’s last line', () => {
    const lines = linesOf([...box, '坚持党建引领：', '———某某社区党委', ...para]);
    assert.deepEqual(titles(lines), []);
  });

  test('the TOC says how many title-like lines above the organisation make the title', () => {
    const lines = linesOf(['创先争优好做法', '坚持党建引领：', '打造和谐社区新格局', '———某某社区党委', ...para]);
    // Without a TOC, every title-like line above counts; with one, only the lines its title spans.
    assert.deepEqual(titles(lines)[0]!.title, ['创先争优好做法', '坚持党建引领：', '打造和谐社区新格局']);
    assert.deepEqual(titles(lines, ['坚持党建引领：打造和谐社区新格局'])[0]!.title, ['坚持党建引领：', '打造和谐社区新格局']);
  });

  test('a running head repeating the title does not make the title a paragraph’s end', () => {
    // The head is as wide as a paragraph's last line and ends without a stop.
    const lines = linesOf([
      '“党员积分制”充分发挥工会党组织的战斗堡垒作用',
      '“党员积分制”',
      '充分发挥工会党组织的战斗堡垒作用',
      '———某某车间党支部',
      ...para,
    ]);
    assert.deepEqual(titles(lines, ['“党员积分制”充分发挥工会党组织的战斗堡垒作用']), [
      { start: '“党员积分制”', title: ['“党员积分制”', '充分发挥工会党组织的战斗堡垒作用'], label: null, body: para[0]! },
    ]);
  });
});

// A small volume: TOC, then two cases whose titles break after punctuation, with running footers.
const body = (n: number): string[] =>
  Array.from({ length: n }, (_, i) =>
    i % 3 === 2 ? '取得了明显成效。' : '社区坚持把为民服务作为开展创先争优活动的有力保障，努力在科学发展上下',
  );
const BOOK = '创先争优好做法';
const volume = [
  [
    '目录',
    '',
    '001 / 坚持党建引领：打造和谐社区新格局',
    '———某某社区党委 ……………………………… 1',
    '',
    '002 / 夯实执政基础、托起致富希望、凝心聚力促发展',
    '———某某局党支部 ……………………………… 3',
    '',
    '003 / 党建引领促和谐',
    '———某某村党支部 ……………………………… 5',
  ],
  [
    ...box,
    '',
    '坚持党建引领：',
    '打造和谐社区新格局',
    '',
    '———某某社区党委',
    '',
    ...body(6),
    '',
    '坚持党建引领：打造和谐社区新格局 001',
  ],
  [BOOK, '', ...body(6), '', '002'],
  [
    '夯实执政基础、',
    '托起致富希望、',
    '凝心聚力促发展',
    '',
    '———某某局党支部',
    '',
    ...body(6),
    '',
    '夯实执政基础、托起致富希望、凝心聚力促发展 003',
  ],
  [BOOK, '', ...body(6), '', '004'],
  // The book's running head over a one-line title: the TOC says it is no part of the title.
  [BOOK, '', '党建引领促和谐', '', '———某某村党支部', '', ...body(6), '', '党建引领促和谐 005'],
  [BOOK, '', ...body(6), '', '006'],
]
  .map((p) => p.join('\n'))
  .join('\n\f');

describe('a volume with titles broken after punctuation', () => {
  const r = importText(volume, { sourceName: 'v.txt', encoding: 'utf-8' });

  test('titles whole, box as commentary, running lines neither headings nor title lines, printed pages read', () => {
    assert.deepEqual(
      r.cases.map((c) => [c.number, c.title, c.organization, c.printedPages]),
      [
        [1, '坚持党建引领：打造和谐社区新格局', '某某社区党委', [1, 2]],
        [2, '夯实执政基础、托起致富希望、凝心聚力促发展', '某某局党支部', [3, 4]],
        [3, '党建引领促和谐', '某某村党支部', [5, 6]],
      ],
    );
    assert.deepEqual(r.cases[0]!.commentary?.paragraphs, [box[1]!]);
    for (const c of r.cases)
      assert.deepEqual(
        c.sections.map((s) => s.heading),
        [null],
      );
    const text = r.cases.flatMap((c) => c.doc.blocks.map((b) => b.text)).join('\n');
    assert.ok(!text.includes('〔组织点评〕'));
    assert.ok(!text.includes(BOOK));
    assert.ok(!r.warnings.some((w) => w.startsWith('text-not-conserved')), r.warnings.join('\n'));
  });
});
