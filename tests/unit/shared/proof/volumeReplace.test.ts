import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Block, CaseDoc } from '../../../../shared/model/caseDoc.ts';
import {
  applyHits,
  compileReplaceQuery,
  findHits,
  hitContext,
  hitId,
  namesAfter,
  shiftOffset,
  type ReplaceOptions,
} from '../../../../shared/proof/volumeReplace.ts';
import { isAppError } from '../../../integration/store/helpers/appError.ts';

const PLAIN: ReplaceOptions = { regex: false, caseSensitive: true };
const REGEX: ReplaceOptions = { regex: true, caseSensitive: true };

function docOf(...blocks: Array<string | Partial<Block>>): CaseDoc {
  return {
    version: 1,
    blocks: blocks.map((b): Block => {
      const base: Block = { kind: 'body', text: '', page: 0, breaks: [] };
      return typeof b === 'string' ? { ...base, text: b } : { ...base, ...b };
    }),
  };
}

function replaceAll(doc: CaseDoc, pattern: string, replacement: string, opts: ReplaceOptions): CaseDoc {
  return applyHits(doc, findHits(doc, compileReplaceQuery(pattern, opts), replacement, opts).hits);
}

const texts = (doc: CaseDoc) => doc.blocks.map((b) => b.text);

describe('volume replace: matching', () => {
  test('plain text is literal (regex characters included), per block, in document order', () => {
    const doc = docOf('社区(居委会)和社区(居委会)', '无关', '又见社区(居委会)');
    const { hits, total } = findHits(doc, compileReplaceQuery('社区(居委会)', PLAIN), '社区居委会', PLAIN);
    assert.equal(total, 3);
    assert.deepEqual(
      hits.map((h) => [h.block, h.start, h.end, h.match, h.replacement]),
      [
        [0, 0, 7, '社区(居委会)', '社区居委会'],
        [0, 8, 15, '社区(居委会)', '社区居委会'],
        [2, 2, 9, '社区(居委会)', '社区居委会'],
      ],
    );
    // A plain replacement is literal too: `$1` stays `$1`.
    assert.deepEqual(texts(replaceAll(docOf('a.b'), 'a.b', '$1$&', PLAIN)), ['$1$&']);
  });

  test('a hit never spans blocks', () => {
    const doc = docOf('党建工', '作');
    assert.equal(findHits(doc, compileReplaceQuery('党建工作', PLAIN), 'x', PLAIN).total, 0);
    assert.equal(findHits(doc, compileReplaceQuery('工\\n?作', REGEX), 'x', REGEX).total, 0);
  });

  test('case sensitivity is an option, with Unicode case folding when off', () => {
    const doc = docOf('WeChat wechat WECHAT Ǆ ǆ');
    assert.equal(findHits(doc, compileReplaceQuery('wechat', PLAIN), '', PLAIN).total, 1);
    const loose = { regex: false, caseSensitive: false };
    assert.equal(findHits(doc, compileReplaceQuery('wechat', loose), '', loose).total, 3);
    assert.equal(findHits(doc, compileReplaceQuery('ǆ', loose), '', loose).total, 2);
  });

  test('regex groups: $1, $<name>, $& and $$ expand; a missing group stays literal as in String.replace', () => {
    const doc = docOf('2019年3月 与 2020年12月');
    const out = replaceAll(doc, '(?<y>\\d{4})年(\\d{1,2})月', '$<y>-$2（$&）$$', REGEX);
    assert.deepEqual(texts(out), ['2019-3（2019年3月）$ 与 2020-12（2020年12月）$']);
    assert.deepEqual(texts(replaceAll(docOf('ab'), '(a)', '[$2]', REGEX)), ['[$2]b']);
  });

  test('Unicode classes: \\p{Script=Han} matches CJK ideographs, astral ones included, as whole code points', () => {
    const doc = docOf('ABC党建𠀀x', '１２３');
    const { hits } = findHits(doc, compileReplaceQuery('\\p{Script=Han}+', REGEX), '＊', REGEX);
    assert.deepEqual(
      hits.map((h) => h.match),
      ['党建𠀀'],
    );
    assert.deepEqual(texts(replaceAll(doc, '.', '·', REGEX))[0], '·'.repeat(7), 'the astral character is one match');
    assert.equal(findHits(doc, compileReplaceQuery('\\p{Nd}', REGEX), '', REGEX).total, 3, 'fullwidth digits are Nd');
  });

  test('empty matches neither loop nor become hits', () => {
    const doc = docOf('baaac', '', '𠀀𠀀');
    const star = findHits(doc, compileReplaceQuery('a*', REGEX), 'X', REGEX);
    assert.deepEqual(
      star.hits.map((h) => [h.block, h.start, h.match]),
      [[0, 1, 'aaa']],
    );
    assert.equal(findHits(doc, compileReplaceQuery('(?:)', REGEX), 'X', REGEX).total, 0);
    assert.equal(findHits(doc, compileReplaceQuery('\\b|^|$', REGEX), 'X', REGEX).total, 0);
    assert.deepEqual(texts(replaceAll(doc, 'a*', 'X', REGEX)), ['bXc', '', '𠀀𠀀']);
  });

  test('lookbehind and lookahead keep their context out of the hit', () => {
    const doc = docOf('第一书记、第一责任人');
    assert.deepEqual(texts(replaceAll(doc, '(?<=第一)书记(?=、)', '支书', REGEX)), ['第一支书、第一责任人']);
  });

  test('an invalid pattern is REGEX_INVALID with the reason; an empty one is VALIDATION', () => {
    for (const bad of ['(', '[a-', '\\p{Nope}', 'a{2,1}', '(?<n>a)(?<n>b)']) {
      assert.throws(
        () => compileReplaceQuery(bad, REGEX),
        isAppError('REGEX_INVALID', (e) => {
          assert.equal(typeof e.details?.reason, 'string');
          assert.ok((e.details?.reason as string).length > 0);
          assert.doesNotMatch(e.details?.reason as string, /^Invalid regular expression/);
        }),
        bad,
      );
    }
    // The same text in plain mode is just text.
    assert.equal(findHits(docOf('f(x'), compileReplaceQuery('(', PLAIN), '', PLAIN).total, 1);
    assert.throws(() => compileReplaceQuery('', PLAIN), isAppError('VALIDATION'));
  });

  test('max lists the first hits and counts the rest', () => {
    const doc = docOf('的的的', '的的');
    const { hits, total } = findHits(doc, compileReplaceQuery('的', PLAIN), '地', PLAIN, 4);
    assert.equal(hits.length, 4);
    assert.equal(total, 5);
    assert.equal(findHits(doc, compileReplaceQuery('的', PLAIN), '地', PLAIN, 0).hits.length, 0);
  });

  test('context stays inside the block and never splits a surrogate pair', () => {
    const text = '𠀀'.repeat(10) + '目标' + '𠀀'.repeat(10);
    const start = 20;
    const { before, after } = hitContext(text, start, start + 2, 5);
    assert.equal(before, '𠀀𠀀');
    assert.equal(after, '𠀀𠀀');
    assert.deepEqual(hitContext('ab目标cd', 2, 4, 24), { before: 'ab', after: 'cd' });
    assert.equal(hitId(7, { block: 3, start: 12 }), '7:3:12');
  });
});

describe('volume replace: applying', () => {
  test('only the chosen hits change; the rest of the text is left as it was', () => {
    const doc = docOf('村委村委村委');
    const { hits } = findHits(doc, compileReplaceQuery('村委', PLAIN), '村委会', PLAIN);
    assert.deepEqual(texts(applyHits(doc, [hits[0]!, hits[2]!])), ['村委会村委村委会']);
    assert.deepEqual(applyHits(doc, []), doc);
  });

  test('page breaks after a hit shift by the change in length; before it they stay', () => {
    // 'AB|CD|EF' with breaks at 2 and 4, replace 'B' (1 char) by 'bbb' (3) and 'E' by '' (0).
    const doc = docOf({
      text: 'ABCDEF',
      breaks: [
        { at: 2, page: 1 },
        { at: 4, page: 2 },
        { at: 5, page: 3 },
      ],
    });
    const b = { block: 0, start: 1, end: 2, match: 'B', replacement: 'bbb' };
    const e = { block: 0, start: 4, end: 5, match: 'E', replacement: '' };
    const out = applyHits(doc, [e, b]);
    assert.equal(out.blocks[0]!.text, 'AbbbCDF');
    // 2 → 4 (after 'bbb'), 4 (= start of 'E') → 6 (before the empty replacement), 5 (= end of 'E') → 6.
    assert.deepEqual(
      out.blocks[0]!.breaks.map((x) => [x.at, x.page]),
      [
        [4, 1],
        [6, 2],
        [6, 3],
      ],
    );
    assert.equal(out.blocks[0]!.text.slice(4), 'CDF', 'the text after the break is what page 1 printed');
  });

  test('a break inside a hit moves to the start of its replacement', () => {
    // '党建|工作' straddles pages 0 and 1; the replacement goes wholly on page 1.
    const doc = docOf({ text: '加强党建工作。', breaks: [{ at: 4, page: 1 }] });
    const out = replaceAll(doc, '党建工作', '组织建设', PLAIN);
    assert.equal(out.blocks[0]!.text, '加强组织建设。');
    assert.deepEqual(out.blocks[0]!.breaks, [{ at: 2, page: 1 }]);
    assert.equal(shiftOffset(3, [{ start: 2, end: 6, replacement: 'xy' }]), 2);
    assert.equal(shiftOffset(7, [{ start: 2, end: 6, replacement: 'xy' }]), 5);
  });

  test('other blocks, pages, kinds and sources are untouched', () => {
    const source = { page: 0, lineStart: 1, lineEnd: 2, raw: '原文' };
    const doc = docOf({ kind: 'title', text: '标题' }, { text: '正文甲', page: 2, source }, '不变');
    const out = replaceAll(doc, '甲', '乙', PLAIN);
    assert.deepEqual(out.blocks[0], doc.blocks[0]);
    assert.deepEqual(out.blocks[1], { ...doc.blocks[1], text: '正文乙' });
    assert.equal(out.blocks[2], doc.blocks[2]);
  });

  test('a hit that does not match its block, overlaps another or names a missing block is refused', () => {
    const doc = docOf('abc');
    const bad = [
      [{ block: 0, start: 0, end: 1, match: 'x', replacement: '' }],
      [{ block: 1, start: 0, end: 1, match: 'a', replacement: '' }],
      [
        { block: 0, start: 0, end: 2, match: 'ab', replacement: '' },
        { block: 0, start: 1, end: 3, match: 'bc', replacement: '' },
      ],
      [{ block: 0, start: 1, end: 1, match: '', replacement: 'z' }],
    ];
    for (const hits of bad) assert.throws(() => applyHits(doc, hits), isAppError('VALIDATION'));
  });

  test('title and organization follow their blocks only when a replace changed them', () => {
    const before = docOf({ kind: 'title', text: '旧标题' }, { kind: 'organization', text: '某社区' }, '正文');
    assert.deepEqual(namesAfter(before, replaceAll(before, '正文', '新', PLAIN)), {});
    assert.deepEqual(namesAfter(before, replaceAll(before, '旧', '新', PLAIN)), { title: '新标题' });
    assert.deepEqual(namesAfter(before, replaceAll(before, '某社区', '', PLAIN)), { organization: '' });
    assert.deepEqual(namesAfter(before, replaceAll(before, '旧标题', ' ', PLAIN)), {}, 'an emptied title keeps the stored one');
  });
});
