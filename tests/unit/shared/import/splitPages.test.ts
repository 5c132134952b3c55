import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { splitPages } from '../../../../shared/import/splitPages.ts';

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
