// Re-OCR of one page through the channels, with the real engine (tesseract.js) on the sample
// volume's scan: the reading comes back as a job's result and nothing is written until
// `pages:setOcr`; a page scanned upside down or sideways is read once turned, its boxes fitting the
// scan as it is; what is refused, with which code.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { JobStatus } from '../../../shared/ipc/contract.ts';
import type { AppErrorShape } from '../../../shared/ipc/errors.ts';
import type { CaseSummary, Volume } from '../../../shared/model/entities.ts';
import { OcrPage } from '../../../shared/model/ocr.ts';
import { bootTemp, call, stageBytes, waitJob } from './helpers.ts';

const PAGE_1 = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'ocr-scan', 'page-001.jpg');

type Booted = Awaited<ReturnType<typeof bootTemp>>;

const textOf = (page: OcrPage): string => page.lines.map((l) => l.text).join('');

async function failure(app: Booted, channel: string, input: unknown): Promise<AppErrorShape> {
  const res = await app.dispatch(channel, input);
  assert.ok(!res.ok, `${channel} should fail`);
  return res.error;
}

/** Starts a re-OCR, waits for it and answers the reading. */
async function reocr(app: Booted, volumeId: number, index: number, rotation?: unknown): Promise<OcrPage> {
  const { jobId } = await call<{ jobId: string }>(app, 'pages:reocr', { volumeId, index, ...(rotation ? { rotation } : {}) });
  const status = await waitJob(app, jobId);
  assert.equal(status.state, 'done', JSON.stringify(status));
  return OcrPage.parse(await call(app, 'pages:reocrResult', { jobId }));
}

/** Page 1 of the sample scan turned clockwise by `turn`, as a PNG stating its 150 dpi (pHYs). */
async function turnedPng(turn: 90 | 180): Promise<Uint8Array> {
  const img = await loadImage(fs.readFileSync(PAGE_1));
  const [w, h] = turn === 90 ? [img.height, img.width] : [img.width, img.height];
  const canvas = createCanvas(w, h);
  const g = canvas.getContext('2d');
  g.translate(w / 2, h / 2);
  g.rotate((turn * Math.PI) / 180);
  g.drawImage(img, -img.width / 2, -img.height / 2);
  const png = canvas.toBuffer('image/png');
  // pHYs (5906 px/m = 150 dpi) right after IHDR (8-byte signature + 25-byte chunk).
  const data = Buffer.alloc(9);
  data.writeUInt32BE(5906, 0);
  data.writeUInt32BE(5906, 4);
  data[8] = 1;
  const type = Buffer.from('pHYs', 'latin1');
  const chunk = Buffer.alloc(21);
  chunk.writeUInt32BE(9, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])), 17);
  return Buffer.concat([png.subarray(0, 33), chunk, png.subarray(33)]);
}

describe('re-OCR of one page', () => {
  let app: Booted;
  let volume: Volume;
  let upright: OcrPage;

  before(async () => {
    app = await bootTemp();
    volume = await call<Volume>(app, 'sample:install');
    assert.equal(volume.scan?.kind, 'pdf');
  });
  after(async () => {
    await app.done();
  });

  test('reads the page from the volume’s scan and answers the reading; the stored OCR and the text are unchanged', async () => {
    const casesBefore = await call<CaseSummary[]>(app, 'cases:list', { volumeId: volume.id });
    assert.equal(await call(app, 'pages:ocr', { volumeId: volume.id, index: 0 }), null);

    upright = await reocr(app, volume.id, 0);
    assert.ok(upright.lines.length > 10, `${upright.lines.length} lines`);
    assert.match(textOf(upright), /学习先进典型/);
    assert.match(textOf(upright), /创先争优活动开展以来/);
    // The scan's own resolution (150 dpi, 875 × 1240), boxes inside the page.
    assert.deepEqual([upright.width, upright.height, upright.dpi], [875, 1240, 150]);
    for (const l of upright.lines) assert.ok(l.box[0] >= -2 && l.box[2] <= 877 && l.box[1] >= -2 && l.box[3] <= 1242);
    assert.ok(upright.confidence > 70, `confidence ${upright.confidence}`);

    assert.equal(await call(app, 'pages:ocr', { volumeId: volume.id, index: 0 }), null);
    assert.deepEqual(await call<CaseSummary[]>(app, 'cases:list', { volumeId: volume.id }), casesBefore);
  });

  test('pages:setOcr keeps the reading as the page’s OCR, and only that page’s', async () => {
    assert.deepEqual(await call(app, 'pages:setOcr', { volumeId: volume.id, index: 0, ocr: upright }), { ok: true });
    assert.deepEqual(await call(app, 'pages:ocr', { volumeId: volume.id, index: 0 }), upright);
    assert.equal(await call(app, 'pages:ocr', { volumeId: volume.id, index: 1 }), null);
  });

  test('an upright page turned upside down before reading reads as nonsense', async () => {
    const turned = await reocr(app, volume.id, 0, 180);
    assert.doesNotMatch(textOf(turned), /学习先进典型|创先争优活动/);
    assert.ok(turned.confidence < upright.confidence - 15, `${turned.confidence} against ${upright.confidence}`);
    assert.deepEqual([turned.width, turned.height], [875, 1240]);
  });

  test('cancelled: the job ends cancelled, there is no reading and nothing is kept', async () => {
    const kept = await call(app, 'pages:ocr', { volumeId: volume.id, index: 0 });
    const { jobId } = await call<{ jobId: string }>(app, 'pages:reocr', { volumeId: volume.id, index: 0 });
    // Cancelled while the engine reads (its worker is stopped), not before the work began.
    for (;;) {
      const s = await call<JobStatus>(app, 'jobs:get', { jobId });
      assert.equal(s.state, 'running', JSON.stringify(s));
      if (s.phase === 'ocr') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await call(app, 'jobs:cancel', { jobId });
    assert.equal((await waitJob(app, jobId)).state, 'cancelled');
    assert.equal((await failure(app, 'pages:reocrResult', { jobId })).code, 'CANCELLED');
    assert.equal((await call<JobStatus>(app, 'jobs:get', { jobId })).kind, 'reocr');
    assert.deepEqual(await call(app, 'pages:ocr', { volumeId: volume.id, index: 0 }), kept);
  });

  test('a page scanned upside down, turned 180°: read right, its boxes in the scan as it is (the title at the bottom)', async () => {
    const fileId = await stageBytes(app, 'upside-down.png', await turnedPng(180));
    volume = await call<Volume>(app, 'volumes:attachScan', { id: volume.id, fileId, offset: 0 });
    assert.deepEqual([volume.scan?.kind, volume.scan?.pageCount], ['images', 1]);

    const asIs = await reocr(app, volume.id, 0);
    assert.doesNotMatch(textOf(asIs), /学习先进典型/);
    const read = await reocr(app, volume.id, 0, 180);
    assert.match(textOf(read), /学习先进典型/);
    assert.match(textOf(read), /创先争优活动开展以来/);
    assert.deepEqual([read.width, read.height, read.dpi], [875, 1240, 150]);
    // The upright page's title line, mirrored through the page's centre.
    const title = (p: OcrPage) => p.lines.find((l) => l.text.includes('学习先进典型'))!;
    const [x0, y0, x1, y1] = title(read).box;
    const [u0, v0, u1, v1] = title(upright).box;
    assert.ok(Math.abs(x0 - (875 - u1)) < 12 && Math.abs(x1 - (875 - u0)) < 12, `${title(read).box} vs ${title(upright).box}`);
    assert.ok(Math.abs(y0 - (1240 - v1)) < 12 && Math.abs(y1 - (1240 - v0)) < 12, `${title(read).box} vs ${title(upright).box}`);
    // Character boxes are mapped back too: the title's first character is at its right end now.
    const first = title(read).chars.slice(0, 4);
    assert.ok(first[0]! > (x0 + x1) / 2, `${first} in ${title(read).box}`);
  });

  test('a page scanned sideways, turned 270°: read right, boxes in the sideways scan', async () => {
    const fileId = await stageBytes(app, 'sideways.png', await turnedPng(90));
    volume = await call<Volume>(app, 'volumes:attachScan', { id: volume.id, fileId, offset: 0 });
    const read = await reocr(app, volume.id, 0, 270);
    assert.match(textOf(read), /学习先进典型/);
    assert.deepEqual([read.width, read.height], [1240, 875]);
    // Lines run top to bottom in the sideways scan: taller than wide.
    const body = read.lines.filter((l) => l.text.length > 15);
    assert.ok(body.length > 5);
    for (const l of body) assert.ok(l.box[3] - l.box[1] > l.box[2] - l.box[0], `${l.text}: ${l.box}`);
  });

  test('refused with their codes: no scan page for the page, no such page, a volume without a scan, a bad rotation', async () => {
    // The one-image scan pairs with page 0 only.
    const noPage = await failure(app, 'pages:reocr', { volumeId: volume.id, index: 1 });
    assert.equal(noPage.code, 'OCR_NO_SCAN_PAGE');
    assert.deepEqual(noPage.details, { page: 2, scanPages: 1 });
    assert.equal((await failure(app, 'pages:reocr', { volumeId: volume.id, index: 999 })).code, 'NOT_FOUND');
    assert.equal((await failure(app, 'pages:reocr', { volumeId: 99999, index: 0 })).code, 'NOT_FOUND');
    const bare = await call<Volume>(app, 'volumes:create', { title: '无扫描件' });
    const noScan = await failure(app, 'pages:reocr', { volumeId: bare.id, index: 0 });
    assert.equal(noScan.code, 'OCR_NO_SCAN');
    assert.equal((await failure(app, 'pages:reocr', { volumeId: volume.id, index: 0, rotation: 45 })).code, 'VALIDATION');
    assert.equal((await failure(app, 'pages:reocrResult', { jobId: 'nope' })).code, 'NOT_FOUND');
    assert.equal((await failure(app, 'pages:setOcr', { volumeId: volume.id, index: 999, ocr: upright })).code, 'NOT_FOUND');
    assert.equal((await failure(app, 'pages:setOcr', { volumeId: volume.id, index: 0, ocr: { lines: [] } })).code, 'VALIDATION');
  });
});
