import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { alignCandidates, type AlignSpan } from '../../../../shared/import/align.ts';
import { alignWithToc } from '../../../../shared/import/tocMatch.ts';
import { findCandidates } from '../../../../shared/import/candidates.ts';
import { parseToc } from '../../../../shared/import/toc.ts';
import { importText } from '../../../../shared/import/pipeline.ts';
import { DEFAULT_VOCABULARY } from '../../../../shared/import/vocabulary.ts';
import type { ImportedTocEntry } from '../../../../shared/model/importResult.ts';
import { context, linesOf } from './helpers.ts';

const V = DEFAULT_VOCABULARY;
const meta = { sourceName: 'v.txt', encoding: 'utf-8' };

/** Candidates one line each at the given starts. */
const spans = (...starts: number[]): AlignSpan[] => starts.map((s) => ({ start: s, end: s + 1 }));

describe('the alignment (dynamic programme over entries × candidates)', () => {
  test('pairs in order, each entry at most once, candidates with no good pair left out', () => {
    // Candidate k's title is entry `likes[k]`'s (−1: like none).
    const likes = [0, -1, 1, 2];
    const picks = alignCandidates({
      spans: spans(0, 5, 10, 20),
      entries: 3,
      pair: (c, t) => (likes[c] === t ? 10 : -Infinity),
      solo: () => 0,
    });
    assert.deepEqual(picks, [
      { candidate: 0, entry: 0 },
      { candidate: 2, entry: 1 },
      { candidate: 3, entry: 2 },
    ]);
  });

  test('a skipped entry (its case not found) leaves the others paired', () => {
    const likes = [0, 2, 3];
    const picks = alignCandidates({
      spans: spans(0, 10, 20),
      entries: 4,
      pair: (c, t) => (likes[c] === t ? 10 : -Infinity),
      solo: () => 0,
    });
    assert.deepEqual(
      picks.map((p) => p.entry),
      [0, 2, 3],
    );
  });

  test('order is kept: a later candidate cannot take an earlier entry', () => {
    // Candidate 1 would like entry 0 best, but candidate 0 holds it: it takes entry 1 (worth less) or nothing.
    const score = [
      [10, -Infinity],
      [12, 3],
    ];
    const picks = alignCandidates({ spans: spans(0, 4), entries: 2, pair: (c, t) => score[c]![t]!, solo: () => 0 });
    assert.deepEqual(picks, [
      { candidate: 0, entry: 0 },
      { candidate: 1, entry: 1 },
    ]);
  });

  test('overlapping candidates: the better of two readings of the same lines', () => {
    // Candidate 0 = lines 0–2 (a two-line title), candidate 1 = lines 1–2 (its second line alone).
    const picks = alignCandidates({
      spans: [
        { start: 0, end: 3 },
        { start: 1, end: 3 },
      ],
      entries: 1,
      pair: (c) => (c === 0 ? 10 : 6),
      solo: () => 0,
    });
    assert.deepEqual(picks, [{ candidate: 0, entry: 0 }]);
  });

  test('an extra strong candidate no entry lists stands alone; weak ones stay body', () => {
    const picks = alignCandidates({
      spans: spans(0, 5, 9, 12),
      entries: 2,
      pair: (c, t) => ((c === 0 && t === 0) || (c === 3 && t === 1) ? 10 : -Infinity),
      solo: (c) => (c === 1 ? 0.5 : 0),
    });
    assert.deepEqual(picks, [
      { candidate: 0, entry: 0 },
      { candidate: 1, entry: -1 },
      { candidate: 3, entry: 1 },
    ]);
  });

  test('without entries: the best non-overlapping set of solo candidates', () => {
    const picks = alignCandidates({
      spans: [
        { start: 0, end: 4 },
        { start: 2, end: 5 },
        { start: 6, end: 7 },
      ],
      entries: 0,
      pair: () => -Infinity,
      solo: (c) => [2, 3, 1][c]!,
    });
    assert.deepEqual(
      picks.map((p) => p.candidate),
      [1, 2],
    );
  });
});

const para = ['　　社区党支部以创先争优为抓手，不断强化服务功能，建立了党员联系户制度，群众满意', '度逐年提高。'];

function scanOf(lines: ReturnType<typeof linesOf>) {
  return { lines, vocab: V, fullWidth: 38, lostDashes: false };
}

describe('candidates aligned with the TOC', () => {
  const toc: ImportedTocEntry[] = [
    { number: 7, title: '用心做好群众工作', organization: '红星村党支部', page: 1 },
    { number: 8, title: '科技兴企 党建领航', organization: '兰州新材料有限公司党委', page: 2 },
    { number: 9, title: '强化服务功能', organization: '幸福路社区党支部', page: 3 },
  ];

  test('numbers come from the entries; a body line repeating a title mid-page is no case', () => {
    const lines = linesOf(
      ['用心做好群众工作', '———红星村党支部', ...para],
      ['科技兴企 党建领航', '———兰州新材料有限公司党委', ...para, '强化服务功能', ...para],
      ['强化服务功能', '———幸福路社区党支部', ...para],
    );
    const cands = findCandidates(scanOf(lines), {
      toc,
      printed: [1, 2, 3],
      fuzzyFind: false,
      pageOpeners: false,
    });
    const aligned = alignWithToc(cands, toc, { printed: [1, 2, 3], fuzzy: true, footers: [] });
    assert.deepEqual(
      aligned.map((a) => [lines[cands[a.candidate]!.opener.start]!.page, a.entry]),
      [
        [0, 0],
        [1, 1],
        [2, 2],
      ],
    );
  });

  test('an entry whose case is missing is skipped; the case before is flagged for review', () => {
    const lines = linesOf(['用心做好群众工作', '———红星村党支部', ...para], ['强化服务功能', '———幸福路社区党支部', ...para]);
    const cands = findCandidates(scanOf(lines), { toc, printed: [1, 3], fuzzyFind: false, pageOpeners: false });
    const aligned = alignWithToc(cands, toc, { printed: [1, 3], fuzzy: true, footers: [] });
    assert.deepEqual(
      aligned.map((a) => [a.entry, a.review]),
      [
        [0, ['toc-entry-skipped']],
        [2, []],
      ],
    );
  });

  test('an extra case the TOC does not list: no number taken from another entry, flagged', () => {
    const text = [
      ['目　录', '', '001 / 用心做好群众工作', '———红星村党支部 ………… 1', '002 / 强化服务功能', '———幸福路社区党支部 ………… 3'].join(
        '\n',
      ),
      ['用心做好群众工作', '———红星村党支部', '', ...para, '1'].join('\n'),
      ['科技兴企 党建领航', '———兰州新材料有限公司党委', '', ...para, '2'].join('\n'),
      ['强化服务功能', '———幸福路社区党支部', '', ...para, '3'].join('\n'),
    ].join('\n\f');
    const r = importText(text, meta);
    assert.deepEqual(
      r.cases.map((c) => [c.number, c.title, c.review ?? []]),
      [
        [1, '用心做好群众工作', []],
        [null, '科技兴企 党建领航', ['not-in-toc']],
        [2, '强化服务功能', []],
      ],
    );
  });

  test('no TOC: running heads carrying a title vote for the candidate that bears it', () => {
    // Titles over organisation names without dashes, mid-page: shape alone is below the bar; the running heads decide.
    const lines = linesOf(
      [...para, '用心做好群众工作', '红星村党支部', ...para],
      [...para, ...para],
      [...para, '两学一做', '幸福路社区党支部', ...para],
    );
    const cands = findCandidates(scanOf(lines), {
      toc: [],
      printed: [1, 2, 3],
      fuzzyFind: false,
      pageOpeners: false,
    });
    const footers = ['用心做好群众工作', '用心做好群众工作', null];
    const aligned = alignWithToc(cands, [], { printed: [1, 2, 3], fuzzy: false, footers });
    assert.deepEqual(
      aligned.map((a) => cands[a.candidate]!.key),
      ['用心做好群众工作'],
    );
  });
});

describe('tolerant TOC reader', () => {
  test('a number column read apart from the titles (OCR) is re-attached by order', () => {
    const lines = linesOf([
      '目录',
      '001 002 003',
      '用心做好群众工作',
      '———红星村党支部 ………… 1',
      '科技兴企 党建领航',
      '———兰州新材料有限公司党委 ………… 5',
      '强化服务功能',
      '———幸福路社区党支部 ………… 9',
    ]);
    const toc = parseToc(lines, V, context());
    assert.deepEqual(
      toc.map((e) => [e.number, e.title, e.organization, e.page]),
      [
        [1, '用心做好群众工作', '红星村党支部', 1],
        [2, '科技兴企 党建领航', '兰州新材料有限公司党委', 5],
        [3, '强化服务功能', '幸福路社区党支部', 9],
      ],
    );
  });

  test('entries without numbers are numbered in order; a number right of the title is read as the number', () => {
    const plain = parseToc(
      linesOf(['目录', '用心做好群众工作', '———红星村党支部 ………… 1', '强化服务功能', '———幸福路社区党支部 ………… 9']),
      V,
      context(),
    );
    assert.deepEqual(
      plain.map((e) => [e.number, e.title, e.page]),
      [
        [1, '用心做好群众工作', 1],
        [2, '强化服务功能', 9],
      ],
    );
    const right = parseToc(
      linesOf(['目录', '用心做好群众工作 004', '———红星村党支部 ………… 1', '强化服务功能 005', '———幸福路社区党支部 ………… 9']),
      V,
      context(),
    );
    assert.deepEqual(
      right.map((e) => [e.number, e.title, e.page]),
      [
        [4, '用心做好群众工作', 1],
        [5, '强化服务功能', 9],
      ],
    );
  });

  test('a title over two lines with its page on the second, no organisations', () => {
    const toc = parseToc(
      linesOf([
        '目录',
        '001 / 把创先争优活动融入中心工作',
        '在探索服务职工帮扶机制上创先争优 ………… 5',
        '002 / 强化服务功能 ………… 9',
      ]),
      V,
      context(),
    );
    assert.deepEqual(
      toc.map((e) => [e.number, e.title, e.organization, e.page]),
      [
        [1, '把创先争优活动融入中心工作 在探索服务职工帮扶机制上创先争优', null, 5],
        [2, '强化服务功能', null, 9],
      ],
    );
  });
});
