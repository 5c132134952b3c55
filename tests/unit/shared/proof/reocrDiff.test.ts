// Re-OCR hunks on real engine output: page 6 of the seed scan as tesseract.js read it
// (tests/fixtures/ocr-pages) is the new reading; the blocks are what the text says now.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { OcrPage } from '../../../../shared/model/ocr.ts';
import type { OcrBlock } from '../../../../shared/proof/ocrSuspects.ts';
import { hunkKeys, reocrDiff, segmentsOnPage, type ReocrHunk } from '../../../../shared/proof/reocrDiff.ts';
import { ocrParagraph, seedOcrPage } from '../../../fixtures/ocr-pages/seedPages.ts';

const page6 = seedOcrPage(6);

const paragraph = (from: number, to: number): string => ocrParagraph(page6, from, to);

/** Replaces the `nth` occurrence of `find` in `text`. */
function edit(text: string, find: string, replacement: string, nth = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(find, at + 1);
  assert.ok(at >= 0, `${find} not in the text`);
  return text.slice(0, at) + replacement + text.slice(at + find.length);
}

const applied = (text: string, hunks: readonly ReocrHunk[]): string =>
  [...hunks].sort((a, b) => b.start - a.start).reduce((t, h) => t.slice(0, h.start) + h.newText + t.slice(h.end), text);

const brief = (hunks: readonly ReocrHunk[]) => hunks.map((h) => [h.blockIndex, h.oldText, h.newText]);

describe('reocrDiff', () => {
  const body = paragraph(0, 6);

  test('the text as the reading reads it: no hunk (the quotes’ and colons’ width do not count)', () => {
    const diff = reocrDiff([{ text: body, page: 6 }], 6, page6);
    assert.deepEqual(diff, { hunks: [], segments: 1, skipped: 0 });
  });

  test('a misreading the new reading gets right is one hunk, at its offsets', () => {
    const text = edit(body, '康乐路社区共有', '康东路社区共有');
    const diff = reocrDiff([{ text, page: 6 }], 6, page6);
    assert.equal(diff.hunks.length, 1);
    const [h] = diff.hunks;
    assert.deepEqual(h, { blockIndex: 0, start: text.indexOf('东'), end: text.indexOf('东') + 1, oldText: '东', newText: '乐' });
    assert.equal(applied(text, diff.hunks), body);
  });

  test('the user’s edits elsewhere give hunks on exactly the changed characters, nothing around them', () => {
    // The user corrected 临涨街 and 临沈街 (both 临洮街 in the book); the text also lost 党 somewhere.
    let text = edit(body, '临涨街', '临洮街');
    text = edit(text, '临沈街', '临洮街');
    text = edit(text, '广大党员', '广大员');
    const diff = reocrDiff([{ text, page: 6 }], 6, page6);
    assert.deepEqual(brief(diff.hunks), [
      [0, '洮', '涨'],
      [0, '洮', '沈'],
      [0, '', '党'],
    ]);
    const insert = diff.hunks[2]!;
    assert.equal(insert.start, insert.end);
    assert.equal(text.slice(insert.start - 2, insert.start), '广大');
    assert.equal(applied(text, diff.hunks), body);
    // The segment's last characters too (a short match at the very end still bounds the range).
    const tail = edit(body, '和谐家园。', '和谐家圆。');
    assert.deepEqual(brief(reocrDiff([{ text: tail, page: 6 }], 6, page6).hunks), [[0, '圆', '园']]);
  });

  test('two neighbouring misreadings with one matching character between them make one hunk', () => {
    const text = edit(body, '和谐家园', '和楷冢园');
    const diff = reocrDiff([{ text, page: 6 }], 6, page6);
    assert.deepEqual(brief(diff.hunks), [[0, '楷冢', '谐家']]);
    const text2 = edit(body, '共享和谐之乐', '共亨和借之乐');
    assert.deepEqual(brief(reocrDiff([{ text: text2, page: 6 }], 6, page6).hunks), [[0, '亨和借', '享和谐']]);
  });

  test('other cases’ text on the page, running heads and what lies outside the matched range are no hunks', () => {
    // The section heading (line 7) and paragraph (lines 8–17) as blocks; the rest of the page belongs to others.
    const heading = page6.lines[7]!.text.replace(/"/g, '”');
    // The paragraph's text starts two characters late and ends with words the reading does not have.
    const para = `${paragraph(8, 17).slice(2)}（见附表）`;
    const diff = reocrDiff(
      [
        { text: heading, page: 6 },
        { text: para, page: 6 },
      ],
      6,
      page6,
    );
    assert.deepEqual(diff, { hunks: [], segments: 2, skipped: 0 });
  });

  test('only the segments printed on the page: a block running over from the page before, blocks of other pages', () => {
    const before = '这是上一页的文字，与本页无关。';
    const text = before + edit(paragraph(0, 2), '总人口', '总入口');
    const blocks: OcrBlock[] = [
      { text: '上一页的标题', page: 5 },
      { text, page: 5, breaks: [{ at: before.length, page: 6 }] },
      { text: '下一页的文字', page: 7 },
    ];
    assert.deepEqual(segmentsOnPage(blocks[1]!, 6), [[before.length, text.length]]);
    const diff = reocrDiff(blocks, 6, page6);
    assert.deepEqual(diff.hunks, [
      { blockIndex: 1, start: text.indexOf('入'), end: text.indexOf('入') + 1, oldText: '入', newText: '人' },
    ]);
    assert.equal(diff.segments, 1);
  });

  test('a segment that cannot be found in the reading is skipped and counted, never guessed at', () => {
    const diff = reocrDiff(
      [
        { text: '甘肃省委组织部编印的创先争优活动材料汇编之一', page: 6 },
        { text: edit(paragraph(19, 21), '狠抓作风', '狠抓做风'), page: 6 },
      ],
      6,
      page6,
    );
    assert.equal(diff.segments, 2);
    assert.equal(diff.skipped, 1);
    assert.deepEqual(brief(diff.hunks), [[1, '做', '作']]);
  });

  test('spaces added or removed make no hunk', () => {
    const spaced = body.replace('社区党总支下设', '社区 党总支 下设').replace('共有党员120名', '共有党员 120 名');
    assert.deepEqual(reocrDiff([{ text: spaced, page: 6 }], 6, page6).hunks, []);
  });

  test('characters outside the BMP: UTF-16 offsets cover the surrogate pair, both ways', () => {
    const text = edit(body, '居民1412户', '居𠀋1412户');
    const [h] = reocrDiff([{ text, page: 6 }], 6, page6).hunks;
    assert.deepEqual(h, { blockIndex: 0, start: text.indexOf('𠀋'), end: text.indexOf('𠀋') + 2, oldText: '𠀋', newText: '民' });

    const astral: OcrPage = {
      ...page6,
      lines: page6.lines.map((l, i) => (i === 0 ? { ...l, text: l.text.replace('康乐路', '康𠀋路') } : l)),
    };
    const after = edit(body, '康乐路社区共有', '康东路社区共有');
    const [g] = reocrDiff([{ text: after, page: 6 }], 6, astral).hunks;
    assert.deepEqual(g, {
      blockIndex: 0,
      start: after.indexOf('东'),
      end: after.indexOf('东') + 1,
      oldText: '东',
      newText: '𠀋',
    });
    // Text after the pair still aligns: no further hunk.
    assert.equal(reocrDiff([{ text: after, page: 6 }], 6, astral).hunks.length, 1);
  });

  test('hunk keys stay the same when offsets move, and tell equal hunks apart', () => {
    const a: ReocrHunk = { blockIndex: 0, start: 3, end: 4, oldText: '东', newText: '乐' };
    const keys = hunkKeys([a, { ...a, start: 9, end: 10 }]);
    assert.notEqual(keys[0], keys[1]);
    assert.deepEqual(hunkKeys([{ ...a, start: 5, end: 6 }]), [keys[0]]);
  });
});
