import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseFrontMatter, splitItems } from '../../../../shared/import/frontMatter.ts';
import { DEFAULT_VOCABULARY } from '../../../../shared/import/vocabulary.ts';
import { context, linesOf } from './helpers.ts';

const V = DEFAULT_VOCABULARY;
// 28-em measure, as the seed's foreword.
const full = (s: string): string => s.padEnd(28, '甲').slice(0, 28);

describe('front matter', () => {
  test('a byline displaced to the bottom of the first page is taken out of the paragraph it cut', () => {
    const lines = linesOf(
      [
        '学习先进典型 争创一流业绩',
        full('创先争优活动开展以来我省'),
        full('各级党组织'),
        full('我们要咬定青山不放松瞄准'),
        '中共甘肃省委书记 王三运',
      ],
      ['目标不动摇。', full('要在凝心聚力推动发展上创'), '先争优。', '2012年 1月 4日'],
    );
    const ctx = context();
    const fm = parseFrontMatter(lines, { vocab: V, fallbackWidth: 28 }, ctx);
    assert.equal(fm.kind, 'foreword');
    assert.equal(fm.title, '学习先进典型 争创一流业绩');
    assert.equal(fm.byline, '中共甘肃省委书记 王三运');
    assert.equal(fm.date, '2012年1月4日');
    assert.equal(fm.paragraphs.length, 2);
    assert.ok(fm.paragraphs[0]!.endsWith('目标不动摇。'));
    assert.deepEqual(
      fm.doc.blocks.map((b) => b.kind),
      ['title', 'organization', 'body', 'body', 'other'],
    );
    assert.equal(ctx.log.toReports().find((r) => r.rule === 'move-displaced-byline')?.count, 1);
  });

  test('a byline under the title; the kind comes from the vocabulary', () => {
    const lines = linesOf(['前言', '本书编委会', full('本书收录了全省各地基层党'), '组织的典型案例。']);
    const fm = parseFrontMatter(lines, { vocab: V, fallbackWidth: 28 }, context());
    assert.equal(fm.kind, 'preface');
    assert.equal(fm.byline, '本书编委会');
    assert.equal(fm.date, null);
  });

  test('items split where a page opens with a front-matter title or after a date', () => {
    const lines = linesOf(['序言', '正文一。', '2012年1月'], ['前言', '正文二。'], ['说明文字。']);
    assert.deepEqual(
      splitItems(lines, V).map((item) => item.map((l) => l.text)),
      [
        ['序言', '正文一。', '2012年1月'],
        ['前言', '正文二。', '说明文字。'],
      ],
    );
  });
});
