import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { createCanvas } from '@napi-rs/canvas';
import { AppError } from '../../../shared/ipc/errors.ts';
import { ocrChar, ocrCharCount, OcrPage } from '../../../shared/model/ocr.ts';
import { ocrCacheDir, ocrSource } from '../../../main/ocr/index.ts';
import { OcrEngine } from '../../../main/ocr/engine.ts';

// Real tesseract.js and real files: two pages of the sample scan (150 dpi JPEGs), the second page again
// inside a PDF after a page with a text layer, and both pages as a two-page TIFF.
const fixtures = new URL('../../fixtures/ocr-scan/', import.meta.url).pathname;
const page1 = path.join(fixtures, 'page-001.jpg');
const page2 = path.join(fixtures, 'page-002.jpg');
const encrypted = new URL('../../fixtures/generated/encrypted.pdf', import.meta.url).pathname;

function tempDir(t: TestContext): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-ocr-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const isCode = (code: string) => (e: unknown) => e instanceof AppError && e.code === code;
const nonSpace = (s: string) => Array.from(s.replace(/\s+/gu, '')).length;

function checkPage(page: OcrPage, width: number, height: number): void {
  assert.ok(OcrPage.safeParse(page).success);
  assert.equal(page.width, width);
  assert.equal(page.height, height);
  assert.ok(page.lines.length > 5);
  for (const line of page.lines) {
    assert.equal(ocrCharCount(line), nonSpace(line.text), line.text);
    const [x0, y0, x1, y1] = line.box;
    assert.ok(x0 >= -5 && y0 >= -5 && x1 <= width + 5 && y1 <= height + 5 && x0 < x1 && y0 < y1, `${line.box}`);
    assert.ok(line.baseline > y0 && line.baseline <= y1 + 5, `${line.baseline} in ${line.box}`);
    assert.ok(line.height > 0 && line.confidence >= 0 && line.confidence <= 100);
    for (let k = 0; k < ocrCharCount(line); k++) {
      const c = ocrChar(line, k);
      assert.ok(c.confidence >= 0 && c.confidence <= 100);
      // A character's box may stick out of its line's a little (Tesseract boxes the glyph's cell).
      const slack = line.height / 2;
      assert.ok(c.box[0] >= x0 - slack && c.box[2] <= x1 + slack, `char ${k} of ${line.text}`);
    }
  }
}

describe('ocrSource (tesseract.js, chi_sim)', () => {
  test('reads page images: Chinese text, line and character geometry, confidences; resumes from the cache', async (t) => {
    const dir = tempDir(t);
    const cacheDir = ocrCacheDir(path.join(dir, 'ocr-cache'), [page1, page2]);
    const progress: number[][] = [];
    const first = await ocrSource([page1, page2], { cacheDir, onProgress: (d, n, p) => progress.push([d, n, p]) });
    assert.deepEqual(progress.shift(), [0, 2, -1], 'the count first, before any page is read');
    assert.equal(first.cached, 0);
    assert.equal(first.pages.length, 2);
    const [a, b] = first.pages as [OcrPage, OcrPage];
    checkPage(a, 875, 1240);
    checkPage(b, 875, 1240);
    assert.equal(a.dpi, 150); // from the JPEG's JFIF density
    const text = a.lines.map((l) => l.text.replace(/\s+/gu, '')).join('');
    assert.match(text, /学习先进典型/);
    assert.match(text, /创先争优活动开展以来/);
    // The title is set larger than the body.
    const body = [...a.lines].sort((x, y) => x.height - y.height)[Math.floor(a.lines.length / 2)]!;
    assert.ok(a.lines[0]!.height > body.height * 1.2, `${a.lines[0]!.height} vs ${body.height}`);
    assert.deepEqual(progress.map((p) => p[0]).sort(), [1, 2]);
    assert.ok(progress.every((p) => p[1] === 2));
    assert.deepEqual(fs.readdirSync(cacheDir).sort(), ['1.json', '2.json']);

    // Again: nothing is read twice.
    const again = await ocrSource([page1, page2], { cacheDir });
    assert.equal(again.cached, 2);
    assert.deepEqual(again.pages, first.pages);
  });

  test('cancel halfway, then resume: only the pages not read yet are read', async (t) => {
    const dir = tempDir(t);
    for (const [i, f] of [page1, page2, page1].entries()) fs.copyFileSync(f, path.join(dir, `p${i + 1}.jpg`));
    const cacheDir = path.join(dir, 'cache');
    const controller = new AbortController();
    await assert.rejects(
      ocrSource(dir, {
        cacheDir,
        workers: 1,
        signal: controller.signal,
        onProgress: (done) => {
          if (done === 1) controller.abort();
        },
      }),
      isCode('CANCELLED'),
    );
    const kept = fs.readdirSync(cacheDir).filter((f) => f.endsWith('.json'));
    assert.deepEqual(kept, ['1.json']);
    const progress: number[] = [];
    const resumed = await ocrSource(dir, {
      cacheDir,
      workers: 1,
      onProgress: (_d, _n, page) => page >= 0 && progress.push(page),
    });
    assert.equal(resumed.cached, 1);
    assert.deepEqual(progress, [0, 1, 2]); // page 0 from the cache, then 1 and 2 read
    assert.equal(resumed.pages.length, 3);
    assert.ok(resumed.pages.every((p) => p !== null && p.lines.length > 5));
    // The same image read twice reads the same.
    assert.deepEqual(
      resumed.pages[2]!.lines.map((l) => l.text),
      resumed.pages[0]!.lines.map((l) => l.text),
    );
  });

  test('the process killed during OCR: the next run resumes from the pages kept', async (t) => {
    const dir = tempDir(t);
    for (const [i, f] of [page1, page2, page1].entries()) fs.copyFileSync(f, path.join(dir, `p${i + 1}.jpg`));
    const cacheDir = path.join(dir, 'cache');
    const index = new URL('../../../main/ocr/index.ts', import.meta.url).href;
    const script = `import { ocrSource } from ${JSON.stringify(index)};
      await ocrSource(${JSON.stringify(dir)}, { cacheDir: ${JSON.stringify(cacheDir)}, workers: 1 });`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Killed as soon as the first page is kept, while the second is being read.
    while (!fs.existsSync(path.join(cacheDir, '1.json')) && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    assert.equal(await exited, 'SIGKILL', 'killed before it finished');
    const progress: number[] = [];
    const resumed = await ocrSource(dir, {
      cacheDir,
      workers: 1,
      onProgress: (_d, _n, page) => page >= 0 && progress.push(page),
    });
    assert.ok(resumed.cached >= 1 && resumed.cached < 3, `${resumed.cached}`);
    assert.equal(progress.length, 3);
    assert.ok(resumed.pages.every((p) => p !== null && p.lines.length > 5));
  });

  test('the pool: pages wait for a free worker; one cancelled while waiting leaves the others running', async () => {
    const engine = new OcrEngine(1);
    try {
      const blank = { bytes: await createCanvas(64, 64).encode('png'), width: 64, height: 64, dpi: 300 };
      const controller = new AbortController();
      const first = engine.recognize(blank, 1);
      const second = engine.recognize(blank, 2, controller.signal);
      const third = engine.recognize(blank, 3);
      controller.abort();
      await assert.rejects(second, isCode('CANCELLED'));
      const [a, c] = await Promise.all([first, third]);
      assert.deepEqual([a.lines, c.lines], [[], []]);
      assert.equal(a.width, 64);
    } finally {
      await engine.close();
    }
  });

  test('a corrupt image among good ones: an error naming the page, the good pages kept', async (t) => {
    const dir = tempDir(t);
    fs.copyFileSync(page1, path.join(dir, '1.jpg'));
    const bad = Buffer.from(fs.readFileSync(page2));
    bad.fill(0x5a, 2000); // header intact, image data garbage
    fs.writeFileSync(path.join(dir, '2.jpg'), bad);
    fs.writeFileSync(path.join(dir, '3.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])); // truncated
    const cacheDir = path.join(dir, 'cache');
    await assert.rejects(ocrSource(dir, { cacheDir }), (e: unknown) => {
      assert.ok(e instanceof AppError);
      assert.equal(e.code, 'OCR_PAGE_FAILED');
      assert.equal(e.details?.page, 2);
      assert.match(e.message, /Page 2/);
      assert.deepEqual(e.details?.failedPages, [2, 3]);
      return true;
    });
    assert.deepEqual(fs.readdirSync(cacheDir), ['1.json']);
  });

  test('images too small or too large are refused before OCR, naming the page', async (t) => {
    const dir = tempDir(t);
    fs.writeFileSync(path.join(dir, 'a.png'), await createCanvas(1, 1).encode('png'));
    await assert.rejects(ocrSource(path.join(dir, 'a.png')), (e: unknown) => {
      assert.ok(e instanceof AppError && e.code === 'OCR_IMAGE_SIZE');
      assert.equal(e.details?.page, 1);
      assert.equal(e.details?.width, 1);
      return true;
    });
    // A 20,000 × 20,000 PNG (header only: the size is read from it, the pixels never decoded).
    const png = Buffer.from(await createCanvas(16, 16).encode('png'));
    png.writeUInt32BE(20_000, 16);
    png.writeUInt32BE(20_000, 20);
    fs.writeFileSync(path.join(dir, 'b.png'), png);
    await assert.rejects(ocrSource([path.join(dir, 'a.png'), path.join(dir, 'b.png')]), (e: unknown) => {
      assert.ok(e instanceof AppError && e.code === 'OCR_IMAGE_SIZE');
      assert.equal(e.details?.page, 1);
      assert.deepEqual(e.details?.failedPages, [1, 2]);
      return true;
    });
  });

  test('a PDF: pages with a text layer are left alone, the others read at the scan resolution', async () => {
    const result = await ocrSource(path.join(fixtures, 'mixed.pdf'));
    assert.equal(result.pages.length, 2);
    assert.equal(result.pages[0], null);
    const scan = result.pages[1]!;
    assert.equal(scan.dpi, 150); // the embedded image's resolution, not upsampled
    checkPage(scan, 875, 1240);
    assert.match(scan.lines.map((l) => l.text).join(''), /创先争优/);
  });

  test('a password-protected PDF is refused, telling a missing password from a wrong one', async () => {
    await assert.rejects(ocrSource(encrypted), (e: unknown) => {
      assert.ok(isCode('IMPORT_PDF_ENCRYPTED')(e));
      assert.equal((e as AppError).details?.reason, 'password-needed');
      return true;
    });
    await assert.rejects(ocrSource(encrypted, { password: 'nope' }), (e: unknown) => {
      assert.equal((e as AppError).details?.reason, 'wrong-password');
      return true;
    });
    const opened = await ocrSource(encrypted, { password: 'user-secret' });
    assert.deepEqual(opened.pages, [null]); // its one page has a text layer
  });

  test('a multi-page TIFF is read page by page', async () => {
    const result = await ocrSource(path.join(fixtures, 'two-pages.tif'));
    assert.equal(result.pages.length, 2);
    assert.match(result.pages[0]!.lines.map((l) => l.text).join(''), /学习先进典型/);
    assert.match(result.pages[1]!.lines.map((l) => l.text).join(''), /党员干部/);
    assert.equal(result.pages[1]!.dpi, 150);
  });
});
