import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { boundPages, splitPages } from '../../../../shared/import/splitPages.ts';

const seed = readFileSync(new URL('../../../fixtures/seed/excerpt.txt', import.meta.url), 'utf8');

describe('splitPages', () => {
  test('the seed: a leading single space marks each page (9 pages, README start lines)', () => {
    const pages = splitPages(seed);
    assert.deepEqual(
      pages.map((p) => p.startLine),
      [0, 36, 79, 92, 133, 188, 200, 251, 304],
    );
    assert.equal(pages[1]!.lines[0], '氛围。 广大党员干部要在推动科学发展的主战场上勇挑重担， 在');
    assert.ok(pages.every((p) => !p.lines.some((l) => l === ' ')));
  });

  test('form feeds split pages; a trailing form feed adds no empty page', () => {
    const pages = splitPages('一页\n第二行\n\f二页\n\n\f三页\n\f');
    assert.equal(pages.length, 3);
    assert.deepEqual(
      pages.map((p) => [p.startLine, p.lines[0]]),
      [
        [0, '一页'],
        [2, '二页'],
        [4, '三页'],
      ],
    );
  });

  test('an empty page between two form feeds is kept (page numbering counts it)', () => {
    const pages = splitPages('甲\n\f\f乙\n');
    assert.equal(pages.length, 3);
    assert.ok(pages[1]!.lines.every((l) => l.trim() === ''));
  });

  test('CRLF and a BOM are handled', () => {
    const pages = splitPages('\uFEFF甲\r\n乙\r\n\f丙\r\n');
    assert.deepEqual(pages[0]!.lines.slice(0, 2), ['甲', '乙']);
    assert.equal(pages[1]!.startLine, 2);
  });

  test('text without page marks is one page; many space-led lines are layout, not marks', () => {
    assert.equal(splitPages('甲\n乙\n丙').length, 1);
    const layout = Array.from({ length: 20 }, (_, i) => (i % 2 ? ' 缩进的行' : '顶格的行')).join('\n');
    assert.equal(splitPages(layout).length, 1);
  });
});

describe('boundPages', () => {
  const joined = (pages: { lines: string[] }[]): string => pages.map((p) => p.lines.join('\n')).join('\n');

  test('pages within the limit are left as they are', () => {
    const pages = splitPages('甲\n乙\n\f丙\n');
    const out = boundPages(pages, 100);
    assert.equal(out.split, 0);
    assert.deepEqual(out.pages, pages);
  });

  test('a long page is cut at line ends into pages of at most the limit, nothing lost', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `第${i}行，${'字'.repeat(40)}。`);
    const pages = splitPages(`封面\n\f${lines.join('\n')}\n\f封底\n`);
    const out = boundPages(pages, 500);
    assert.equal(out.split, 1);
    assert.ok(out.pages.length > 3);
    for (const p of out.pages) assert.ok(p.lines.reduce((n, l) => n + l.length + 1, 0) <= 501, `page ${p.index}`);
    assert.deepEqual(
      out.pages.map((p) => p.index),
      out.pages.map((_, i) => i),
    );
    // Each continuation page starts on its first line's line number; every line kept whole.
    assert.deepEqual(
      out.pages.flatMap((p) => p.lines),
      pages.flatMap((p) => p.lines),
    );
    for (const p of out.pages.slice(1, -1)) assert.equal(lines[p.startLine - 1], p.lines[0]);
  });

  test('one enormous line (no line breaks at all) is cut at sentence ends, else anywhere, never inside a surrogate pair', () => {
    const text = '党建工作创先争优。'.repeat(2000) + '𠀀'.repeat(3000);
    const out = boundPages(splitPages(text), 1000);
    assert.equal(out.split, 1);
    assert.ok(out.pages.length >= 24);
    assert.equal(joined(out.pages).replace(/\n/g, ''), text);
    for (const p of out.pages) {
      const s = p.lines.join('\n');
      assert.ok(s.length <= 1000);
      assert.ok(!/[\uD800-\uDBFF]$/.test(s) && !/^[\uDC00-\uDFFF]/.test(s), `page ${p.index} splits a surrogate pair`);
      if (p.index < 10) assert.ok(s.endsWith('。'), `page ${p.index} ends mid-sentence: ${s.slice(-5)}`);
      assert.equal(p.startLine, 0);
    }
  });
});
