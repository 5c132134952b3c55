// The re-OCR panel's bookkeeping: rejected hunks stay out when the comparison is made again, and a
// hunk applies only while its block reads as when it was compared.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { OcrPage } from '../../../../../shared/model/ocr.ts';
import { hunkContext, review, stillApplies } from '../../../../../renderer/features/reocr/reocrFlow.ts';

const page6 = OcrPage.parse(
  JSON.parse(fs.readFileSync(new URL('../../../../fixtures/ocr-pages/seed-page-6.ocr.json', import.meta.url), 'utf8')),
);
const line = (i: number): string => page6.lines[i]!.text.replace(/"/g, '”');
const heading = line(7);
const body = `${line(8)}${line(9)}`.replace('情况在一线了解', '情况在一线子解').replace('深化拓展', '深化拓屏');

describe('re-OCR review', () => {
  const blocks = [
    { text: heading, page: 6 },
    { text: body, page: 6 },
  ];

  test('lists the differences; a rejected one stays out of later comparisons', () => {
    const first = review(blocks, 6, page6, new Set());
    assert.deepEqual(
      first.hunks.map((h) => [h.blockIndex, h.oldText, h.newText]),
      [
        [1, '子', '了'],
        [1, '屏', '展'],
      ],
    );
    assert.deepEqual(first.texts, [heading, body]);
    const again = review(blocks, 6, page6, new Set([first.keys[0]!]));
    assert.deepEqual(
      again.hunks.map((h) => h.oldText),
      ['屏'],
    );
    assert.deepEqual(again.keys, [first.keys[1]]);
  });

  test('a hunk applies only while its block reads as compared', () => {
    const r = review(blocks, 6, page6, new Set());
    const h = r.hunks[1]!;
    assert.ok(stillApplies(r, h, blocks));
    // Typed elsewhere in the same block: the offsets may have moved, so it does not apply.
    assert.ok(!stillApplies(r, h, [blocks[0]!, { text: `“${body}`, page: 6 }]));
    // Another block changed: this one still applies.
    assert.ok(stillApplies(r, h, [{ text: `${heading}！`, page: 6 }, blocks[1]!]));
    // A block added before it: indexes moved.
    assert.ok(!stillApplies(r, h, [{ text: '新段', page: 6 }, ...blocks]));
  });

  test('context either side of a hunk, whole characters', () => {
    const text = '甲𠀋乙丙丁戊己庚辛壬癸子丑寅卯';
    const at = text.indexOf('子');
    assert.deepEqual(hunkContext(text, { blockIndex: 0, start: at, end: at + 1, oldText: '子', newText: '了' }), {
      before: '乙丙丁戊己庚辛壬癸'.slice(1),
      after: '丑寅卯',
    });
    assert.deepEqual(hunkContext(text, { blockIndex: 0, start: 1, end: 3, oldText: '𠀋', newText: '吉' }), {
      before: '甲',
      after: '乙丙丁戊己庚辛壬',
    });
  });
});
