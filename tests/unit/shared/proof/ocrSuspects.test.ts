// Low-confidence OCR suspects on real engine output: two pages of the seed scan as tesseract.js read
// them (tests/fixtures/ocr-pages), blocks made from their lines the way the import makes them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { OcrPage } from '../../../../shared/model/ocr.ts';
import { ocrParagraph, seedOcrPage } from '../../../fixtures/ocr-pages/seedPages.ts';
import {
  findOcrSuspects,
  indexOcrPage,
  ocrPagesOf,
  withOcrSuspects,
  type OcrBlock,
  type OcrSuspect,
} from '../../../../shared/proof/ocrSuspects.ts';
import { findSuspects } from '../../../../shared/proof/suspects.ts';
import { DEFAULT_OCR_THRESHOLD } from '../../../../shared/model/prefs.ts';

const page5 = seedOcrPage(5);
const page6 = seedOcrPage(6);
const pages = ocrPagesOf(
  new Map([
    [5, page5],
    [6, page6],
  ]),
);

const paragraph = ocrParagraph;

/** The characters of lines [from, to] that OCR read below `threshold` and the cleanup above leaves as they are. */
function lowChars(page: OcrPage, from: number, to: number, threshold: number): string[] {
  const out: string[] = [];
  for (const line of page.lines.slice(from, to + 1)) {
    [...line.text.replace(/\s/g, '')].forEach((ch, k) => {
      if (line.chars[k * 5 + 4]! < threshold && ch !== '"' && ch !== ':') out.push(ch);
    });
  }
  return out;
}

const flagged = (text: string, list: readonly OcrSuspect[]) => list.map((s) => [text.slice(s.start, s.end), s.confidence]);

const commentary: OcrBlock = { text: paragraph(page5, 1, 3), page: 5 };
const signature: OcrBlock = { text: paragraph(page5, 4, 4), page: 5 };
const title: OcrBlock = { text: page5.lines[5]!.text, page: 5 };
const organization: OcrBlock = { text: paragraph(page5, 6, 6), page: 5 };

describe('findOcrSuspects', () => {
  test('flags the misreadings OCR was unsure of, each with its confidence', () => {
    assert.equal(signature.text, '兰州市西固区临泪街街道党工委');
    assert.deepEqual(flagged(commentary.text, findOcrSuspects(commentary, pages, 85)), [['姥', 84]]);
    assert.deepEqual(flagged(signature.text, findOcrSuspects(signature, pages, 85)), [['泪', 76]]);
    assert.deepEqual(flagged(organization.text, findOcrSuspects(organization, pages, 85)), [['沈', 78]]);
    assert.deepEqual(findOcrSuspects(title, pages, 85), []);
    for (const s of findOcrSuspects(organization, pages, 85)) assert.equal(s.kind, 'ocr-low-confidence');
  });

  test('neighbouring low characters are one suspect with the lowest confidence; a repeated line is found where it stands', () => {
    // The title is printed again in the running footer (line 7), where OCR read 家 at 98: the block is
    // matched with line 5, where 家 and 园 both read 97.
    assert.deepEqual(flagged(title.text, findOcrSuspects(title, pages, 98)), [['家园', 97]]);
  });

  test('the number of flagged characters follows the threshold; 0 turns the check off', () => {
    for (const threshold of [85, 95, 99, 100]) {
      const list = findOcrSuspects(commentary, pages, threshold);
      const chars = list.flatMap((s) => [...commentary.text.slice(s.start, s.end)]);
      assert.deepEqual(chars, lowChars(page5, 1, 3, threshold), `threshold ${threshold}`);
    }
    assert.ok(lowChars(page5, 1, 3, 100).length > 30, 'most characters read below 100');
    const byDefault = findOcrSuspects(commentary, pages, DEFAULT_OCR_THRESHOLD).flatMap((s) => [
      ...commentary.text.slice(s.start, s.end),
    ]);
    assert.deepEqual(byDefault, lowChars(page5, 1, 3, DEFAULT_OCR_THRESHOLD));
    for (const b of [commentary, signature, title, organization]) assert.deepEqual(findOcrSuspects(b, pages, 0), []);
  });

  test('a body paragraph of the next page, quotes and colons cleaned up, keeps every other low character', () => {
    const body: OcrBlock = { text: paragraph(page6, 0, 6), page: 6 };
    const list = findOcrSuspects(body, pages, 90);
    assert.ok(
      flagged(body.text, list).some(([t, c]) => t === '沈' && c === 83),
      'the misread 临沈街',
    );
    const chars = list.flatMap((s) => [...body.text.slice(s.start, s.end)]);
    assert.deepEqual(chars, lowChars(page6, 0, 6, 90));
    const para3: OcrBlock = { text: paragraph(page6, 19, 26), page: 6 };
    assert.ok(para3.text.includes('即：建立'));
    assert.deepEqual(
      findOcrSuspects(para3, pages, 95).flatMap((s) => [...para3.text.slice(s.start, s.end)]),
      lowChars(page6, 19, 26, 95),
    );
  });

  test('suspects follow their characters through edits, and a corrected character is no longer one', () => {
    const at = commentary.text.indexOf('落姥点') + 1;
    assert.deepEqual(findOcrSuspects(commentary, pages, 85), [
      { start: at, end: at + 1, kind: 'ocr-low-confidence', confidence: 84 },
    ]);
    // Text added before it, a phrase deleted before it, a space typed: the suspect moves with 姥.
    const edited = '（编者按）' + commentary.text.replace('作为一切工作的', '作为 一切').replace('坚持为民、惠民，', '');
    const moved = findOcrSuspects({ ...commentary, text: edited }, pages, 85);
    assert.deepEqual(flagged(edited, moved), [['姥', 84]]);
    assert.equal(edited.slice(moved[0]!.start - 1, moved[0]!.end + 1), '落姥点');
    // The proofreader corrects it: nothing left to check there, while other suspects stay.
    const fixed = { ...commentary, text: commentary.text.replace('落姥点', '落脚点') };
    assert.deepEqual(findOcrSuspects(fixed, pages, 85), []);
    const chars = (b: OcrBlock) => findOcrSuspects(b, pages, 97).flatMap((x) => [...b.text.slice(x.start, x.end)]);
    assert.deepEqual(
      chars(fixed),
      chars(commentary).filter((ch) => ch !== '姥'),
    );
  });

  test('a block across a page break is checked on each page, and a page without OCR adds nothing', () => {
    const first = paragraph(page5, 1, 3);
    const second = paragraph(page6, 0, 6);
    const joined: OcrBlock = { text: first + second, page: 5, breaks: [{ at: first.length, page: 6 }] };
    const expected = [
      ...findOcrSuspects({ text: first, page: 5 }, pages, 90),
      ...findOcrSuspects({ text: second, page: 6 }, pages, 90).map((s) => ({
        ...s,
        start: s.start + first.length,
        end: s.end + first.length,
      })),
    ];
    assert.ok(expected.length >= 2);
    assert.deepEqual(findOcrSuspects(joined, pages, 90), expected);
    // The same text said to continue on page 7, whose text came from a text layer (no OCR).
    const onPage7: OcrBlock = { ...joined, breaks: [{ at: first.length, page: 7 }] };
    assert.deepEqual(findOcrSuspects(onPage7, pages, 90), findOcrSuspects({ text: first, page: 5 }, pages, 90));
  });

  test('text that is not on the page, an empty block and a page without OCR give none', () => {
    assert.deepEqual(findOcrSuspects({ text: '本段由编者补写，原书无此段。', page: 5 }, pages, 100), []);
    assert.deepEqual(findOcrSuspects({ text: '', page: 5 }, pages, 100), []);
    assert.deepEqual(findOcrSuspects({ ...commentary, page: 6 }, pages, 100), [], 'commentary is not on page 6');
    assert.deepEqual(findOcrSuspects({ ...commentary, page: 3 }, pages, 100), []);
    // A two-character block is anchored by its characters.
    assert.deepEqual(flagged('姥点', findOcrSuspects({ text: '姥点', page: 5 }, pages, 94)), [['姥点', 84]]);
  });

  test('indexOcrPage keeps one confidence per non-whitespace character', () => {
    const index = indexOcrPage(page5);
    const expected = page5.lines.reduce((n, l) => n + l.chars.length / 5, 0);
    assert.equal(index.chars.length, expected);
    assert.equal(index.confidences.length, expected);
    assert.equal(index.chars.join(''), page5.lines.map((l) => l.text.replace(/\s/g, '')).join(''));
  });

  test('withOcrSuspects adds OCR suspects to a block’s text suspects, in order, never two on one character', () => {
    // OCR read 临沈街 with 沈 at 78; the editor typed a half-width comma next to it, which the text check flags.
    const text = organization.text.replace('临沈街', '临沈,街');
    const ocr = findOcrSuspects({ ...organization, text }, pages, 85);
    assert.deepEqual(flagged(text, ocr), [['沈', 78]]);
    const own = findSuspects(text);
    assert.deepEqual(
      own.map((s) => s.kind),
      ['halfwidth-punct'],
    );
    assert.deepEqual(
      withOcrSuspects(own, ocr).map((s) => [s.kind, text.slice(s.start, s.end)]),
      [
        ['ocr-low-confidence', '沈'],
        ['halfwidth-punct', ','],
      ],
    );
    const overlapping = [{ start: ocr[0]!.start, end: ocr[0]!.end + 1, kind: 'lookalike' as const }];
    assert.deepEqual(withOcrSuspects(overlapping, ocr), overlapping);
  });
});
