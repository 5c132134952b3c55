// A phone photo of a page: the JPEG's pixels lie sideways and its EXIF Orientation (6: turn 90°
// clockwise) says how to show it, as the browser (and so the scan viewer) does. OCR must read the page
// as shown, with its boxes in the shown image. Real tesseract.js on tests/fixtures/ocr-scan/rotated-exif6.jpg
// (made by make-rotated.ts there from page-001.jpg).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ocrSource } from '../../../main/ocr/index.ts';
import { imageInfo, jpegOrientation, openScanSource } from '../../../main/ocr/sources.ts';
import type { OcrPage } from '../../../shared/model/ocr.ts';

const fixtures = new URL('../../fixtures/ocr-scan/', import.meta.url).pathname;
const rotated = path.join(fixtures, 'rotated-exif6.jpg');
const upright = path.join(fixtures, 'page-001.jpg');

describe('EXIF orientation of page photos', () => {
  test('the fixture: stored 400×875 with Orientation 6 (little-endian EXIF), 150 dpi', () => {
    const bytes = fs.readFileSync(rotated);
    assert.deepEqual(imageInfo(bytes, 'jpg'), { width: 400, height: 875, dpi: 150 });
    assert.equal(jpegOrientation(bytes), 6);
    assert.equal(jpegOrientation(fs.readFileSync(upright)), 1);
  });

  test('the page image OCR gets is the page as shown: 875×400', async () => {
    const src = await openScanSource(rotated);
    const image = await src.image(0);
    await src.close();
    assert.deepEqual([image.width, image.height, image.dpi], [875, 400, 150]);
  });

  test('OCR reads the shown page: the title and first line found, boxes inside 875×400', async () => {
    const { pages } = await ocrSource(rotated);
    const page = pages[0] as OcrPage;
    assert.deepEqual([page.width, page.height], [875, 400]);
    const text = page.lines.map((l) => l.text.replace(/\s+/gu, '')).join('');
    assert.match(text, /学习先进典型/);
    assert.match(text, /创先争优活动开展以来/);
    for (const line of page.lines) {
      const [x0, y0, x1, y1] = line.box;
      assert.ok(x0 >= -5 && y0 >= -5 && x1 <= 880 && y1 <= 405 && x0 < x1 && y0 < y1, `${line.text}: ${line.box}`);
    }
    // The title is a wide line across the top, as on the upright page.
    const title = page.lines.find((l) => l.text.replace(/\s+/gu, '').includes('学习先进典型'))!;
    assert.ok(title.box[2] - title.box[0] > (title.box[3] - title.box[1]) * 3, `${title.box}`);
    assert.ok(title.box[1] < 120, `${title.box}`);
  });
});
