import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspectScanPdf, listImageScans, suggestScanOffset } from '../../../../main/scans/inspect.ts';
import { AppError } from '../../../../shared/ipc/errors.ts';

const seedDir = fileURLToPath(new URL('../../../fixtures/seed/', import.meta.url));
const seedTruth = JSON.parse(readFileSync(join(seedDir, 'excerpt.truth.json'), 'utf8')) as {
  pages: { index: number; printed: number | null }[];
};

describe('inspectScanPdf', () => {
  test('the seed scan PDF is 9 image-only pages', async () => {
    assert.deepEqual(await inspectScanPdf(readFileSync(join(seedDir, 'excerpt-scan.pdf'))), { pageCount: 9, hasText: false });
  });

  test('a PDF with a text layer says so', async () => {
    assert.deepEqual(await inspectScanPdf(readFileSync(join(seedDir, 'excerpt.pdf'))), { pageCount: 9, hasText: true });
  });

  test('a file that is not a PDF is IMPORT_PDF_BROKEN', async () => {
    await assert.rejects(
      inspectScanPdf(readFileSync(join(seedDir, 'scan', 'page-001.jpg'))),
      (err: unknown) => err instanceof AppError && err.code === 'IMPORT_PDF_BROKEN',
    );
  });
});

describe('listImageScans', () => {
  test('the seed scan folder lists its 9 pages in order', () => {
    const pages = listImageScans(join(seedDir, 'scan'));
    assert.deepEqual(
      pages.map((p) => basename(p)),
      Array.from({ length: 9 }, (_, i) => `page-${String(i + 1).padStart(3, '0')}.jpg`),
    );
    assert.equal(pages[0], join(seedDir, 'scan', 'page-001.jpg'));
  });

  test('natural order, image types only, no hidden files or folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scans-'));
    try {
      for (const name of [
        'page-10.jpg',
        'page-2.JPEG',
        'page-1.png',
        'page-3.tif',
        'page-11.TIFF',
        'notes.txt',
        '.page-0.jpg',
        'thumbs.db',
      ]) {
        writeFileSync(join(dir, name), '');
      }
      mkdirSync(join(dir, 'page-4.jpg'));
      assert.deepEqual(
        listImageScans(dir).map((p) => basename(p)),
        ['page-1.png', 'page-2.JPEG', 'page-3.tif', 'page-10.jpg', 'page-11.TIFF'],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('suggestScanOffset', () => {
  test('the seed scan (9 images or the 9-page PDF) pairs one to one with the 9 text pages', async () => {
    const images = listImageScans(join(seedDir, 'scan')).length;
    const { pageCount } = await inspectScanPdf(readFileSync(join(seedDir, 'excerpt-scan.pdf')));
    assert.equal(suggestScanOffset(seedTruth.pages, images), 0);
    assert.equal(suggestScanOffset(seedTruth.pages, pageCount), 0);
  });

  test('a scan of the numbered pages only pairs by printed page number', () => {
    // Text pages 5–8 are printed 1–4: scan page 0 is text page 5.
    assert.equal(suggestScanOffset(seedTruth.pages, 4), -5);
  });

  test('a scan from printed page 1 pairs by printed number even when the text starts later', () => {
    const text = [
      { index: 0, printed: null },
      { index: 1, printed: 12 },
      { index: 2, printed: 13 },
      { index: 3, printed: 14 },
    ];
    // Scan pages 0–13 are printed 1–14: text page 1 (printed 12) is scan page 11.
    assert.equal(suggestScanOffset(text, 14), 10);
  });

  test('falls back to 0 when nothing pairs', () => {
    assert.equal(suggestScanOffset(seedTruth.pages, 7), 0);
    assert.equal(suggestScanOffset(seedTruth.pages, 0), 0);
    assert.equal(suggestScanOffset([], 5), 0);
    assert.equal(
      suggestScanOffset(
        [
          { index: 0, printed: null },
          { index: 1, printed: null },
        ],
        1,
      ),
      0,
    );
  });
});
