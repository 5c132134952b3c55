import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Tesseract from 'tesseract.js';
import { createCanvas } from '@napi-rs/canvas';
import { AppError } from '../../../../shared/ipc/errors.ts';
import { OcrPage } from '../../../../shared/model/ocr.ts';
import { checkImageSize, ENGINE, toOcrPage } from '../../../../main/ocr/engine.ts';
import { OcrCache } from '../../../../main/ocr/ocrCache.ts';
import { DEFAULT_DPI, grayPgm, imageInfo } from '../../../../main/ocr/sources.ts';

const jpeg = fs.readFileSync(new URL('../../../fixtures/ocr-scan/page-001.jpg', import.meta.url));

const bbox = (x0: number, y0: number, x1: number, y1: number): Tesseract.Bbox => ({ x0, y0, x1, y1 });
function symbol(text: string, box: Tesseract.Bbox, confidence: number): Tesseract.Symbol {
  return { text, bbox: box, confidence, is_superscript: false, is_subscript: false, is_dropcap: false };
}
/** A tesseract.js result of one line `甲乙 丙` (two words), deskewed by `rotate`. */
function result(rotate: number, lineText = '甲乙 丙\n'): Tesseract.Page {
  const syms = [symbol('甲', bbox(10, 10, 30, 30), 91.6), symbol('乙', bbox(30, 10, 50, 30), 40.2)];
  const word = (s: Tesseract.Symbol[]) => ({ symbols: s, text: s.map((x) => x.text).join(''), confidence: 80 }) as Tesseract.Word;
  const line = {
    text: lineText,
    confidence: 77.77,
    bbox: bbox(10, 10, 90, 30),
    baseline: { x0: 10, y0: 28, x1: 90, y1: 28 },
    rowAttributes: { rowHeight: 20, ascenders: 0, descenders: 0 },
    words: [word(syms), word([symbol('丙', bbox(70, 10, 90, 30), 99)])],
  } as Tesseract.Line;
  return {
    blocks: [{ paragraphs: [{ lines: [line] }] }],
    rotateRadians: rotate,
  } as unknown as Tesseract.Page;
}

describe('OCR engine pieces', () => {
  test('a tesseract.js result becomes a compact OcrPage', () => {
    const page = toOcrPage(result(0), { width: 100, height: 40, dpi: 150 });
    assert.ok(OcrPage.safeParse(page).success);
    assert.equal(page.engine, ENGINE);
    assert.deepEqual(page.lines, [
      {
        text: '甲乙 丙',
        box: [10, 10, 90, 30],
        baseline: 28,
        height: 20,
        confidence: 77.8,
        chars: [10, 10, 30, 30, 92, 30, 10, 50, 30, 40, 70, 10, 90, 30, 99],
      },
    ]);
    assert.equal(page.confidence, 77); // (92 + 40 + 99) / 3
  });

  test('a line text that disagrees with its symbols is rebuilt from them', () => {
    const page = toOcrPage(result(0, '甲乙丙丁\n'), { width: 100, height: 40, dpi: 150 });
    assert.equal(page.lines[0]!.text, '甲乙 丙');
  });

  test('boxes of a deskewed reading are mapped back to the image as given', () => {
    // Tesseract read the image deskewed by −0.1 rad about its centre: a point of what it read sits at
    // centre + R(+0.1)·(point − centre) in the image given (checked on a page rotated by 2° on purpose).
    const page = toOcrPage(result(-0.1), { width: 100, height: 40, dpi: 150 });
    const [x0, y0, x1, y1] = page.lines[0]!.box;
    const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
    assert.ok(Math.abs(cx - 50) < 0.2 && Math.abs(cy - 20) < 0.2, `${cx},${cy}`); // the line is centred: it stays
    assert.equal(x1 - x0, 80); // size kept
    const first = page.lines[0]!.chars.slice(0, 4); // 甲 at (20, 20): (−30, 0) from the centre
    const [fx, fy] = [(first[0]! + first[2]!) / 2, (first[1]! + first[3]!) / 2];
    assert.ok(Math.abs(fx - (50 - 30 * Math.cos(0.1))) < 0.1, `${fx}`);
    assert.ok(Math.abs(fy - (20 - 30 * Math.sin(0.1))) < 0.1, `${fy}`);
  });

  test('image size and resolution come from the header', async () => {
    assert.deepEqual(imageInfo(jpeg, 'jpg'), { width: 875, height: 1240, dpi: 150 });
    const png = Buffer.from(await createCanvas(40, 30).encode('png'));
    assert.deepEqual(imageInfo(png, 'png'), { width: 40, height: 30, dpi: DEFAULT_DPI });
    assert.throws(() => imageInfo(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4]), 'jpg'));
  });

  test('sizes OCR cannot read are refused with the page named', () => {
    for (const [width, height] of [
      [1, 1],
      [15, 2000],
      [20_000, 20_000],
    ] as const) {
      assert.throws(
        () => checkImageSize({ width, height }, 7),
        (e: unknown) => e instanceof AppError && e.code === 'OCR_IMAGE_SIZE' && e.details?.page === 7,
      );
    }
    checkImageSize({ width: 16, height: 16 }, 1);
    checkImageSize({ width: 5000, height: 8000 }, 1);
  });

  test('RGBA to grey PGM, transparency on white', () => {
    const pgm = grayPgm(new Uint8Array([0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 0]), 3, 1);
    const header = 'P5\n3 1\n255\n';
    assert.equal(Buffer.from(pgm.subarray(0, header.length)).toString('latin1'), header);
    assert.deepEqual([...pgm.subarray(header.length)], [0, 255, 255]);
  });

  test('the cache keeps pages atomically and ignores what it cannot use', (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-ocrcache-'));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const cache = new OcrCache(path.join(dir, 'src'));
    const page = toOcrPage(result(0), { width: 100, height: 40, dpi: 150 });
    assert.equal(cache.get(0, ENGINE), null);
    cache.put(0, page);
    assert.deepEqual(cache.get(0, ENGINE), page);
    assert.equal(cache.get(0, 'another engine'), null); // read again by the engine in use
    assert.deepEqual(fs.readdirSync(cache.dir), ['1.json']); // no temp file left
    fs.writeFileSync(path.join(cache.dir, '2.json'), '{"width": 1'); // cut short by a crash
    assert.equal(cache.get(1, ENGINE), null);
  });
});
