import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { ImportPreview } from '../../../shared/ipc/contract.ts';
import type { CaseSummary, Page, Volume } from '../../../shared/model/entities.ts';
import { bootTemp, call, GENERATED, SEED, stageBytes, stageFile, waitJob } from './helpers.ts';

const app = await bootTemp();
after(() => app.done());

async function importFile(
  file: string,
  scans: string[] = [],
): Promise<{ jobId: string; status: Awaited<ReturnType<typeof waitJob>> }> {
  const fileId = await stageFile(app, file);
  const scanFileIds = [];
  for (const s of scans) scanFileIds.push(await stageFile(app, s));
  const { jobId } = await call<{ jobId: string }>(app, 'import:start', { fileId, scanFileIds });
  return { jobId, status: await waitJob(app, jobId) };
}

async function volumeCount(): Promise<number> {
  return (await call<Volume[]>(app, 'volumes:list')).length;
}

describe('import through the services (worker thread, one transaction)', () => {
  test('text layer + image-scan PDF: preview, then commit pairs 9 text pages with 9 scan pages', async () => {
    const { jobId, status } = await importFile(path.join(SEED, 'excerpt.txt'), [path.join(SEED, 'excerpt-scan.pdf')]);
    assert.equal(status.state, 'done');
    const preview = await call<ImportPreview>(app, 'import:preview', { jobId });
    assert.equal(preview.counts.pages, 9);
    assert.equal(preview.scanPageCount, 9);
    assert.equal(preview.suggestedOffset, 0);
    assert.equal(preview.existingVolume, null);
    const volume = await call<Volume>(app, 'import:commit', { jobId, title: '第一卷', scanOffset: 0 });
    assert.equal(volume.scan?.kind, 'pdf');
    assert.equal(volume.scan?.pageCount, 9);
    const pages = await call<Page[]>(app, 'pages:list', { volumeId: volume.id });
    assert.deepEqual(
      pages.map((p) => p.scanPage),
      [0, 1, 2, 3, 4, 5, 6, 7, 8],
    );
    assert.deepEqual(
      pages.map((p) => p.printedLabel),
      [null, null, null, null, null, '1', '2', '3', '4'],
    );
    const scanFile = path.join(app.ctx.lib.scansDir, volume.scan!.files[0]!);
    assert.ok(fs.existsSync(scanFile));
    const cases = await call<CaseSummary[]>(app, 'cases:list', { volumeId: volume.id });
    const c1 = cases.find((c) => c.number === 1);
    assert.equal(c1?.title, '开设“民情论坛” 打造和谐家园');
    assert.deepEqual([c1?.printedStart, c1?.printedEnd], ['1', '4']);

    // The same file again is recognised by its content hash, and can replace the volume in place.
    const again = await importFile(path.join(SEED, 'excerpt.txt'));
    const p2 = await call<ImportPreview>(app, 'import:preview', { jobId: again.jobId });
    assert.equal(p2.existingVolume?.id, volume.id);
    const replaced = await call<Volume>(app, 'import:commit', {
      jobId: again.jobId,
      title: '第一卷',
      replaceVolumeId: volume.id,
    });
    assert.equal(replaced.id, volume.id);
    assert.equal(replaced.scan, null);
  });

  test('a PDF with a text layer imports like its text layer', async () => {
    const { jobId, status } = await importFile(path.join(GENERATED, 'small.pdf'));
    assert.equal(status.state, 'done');
    const preview = await call<ImportPreview>(app, 'import:preview', { jobId });
    const cases = await call<{ items: { title: string }[] }>(app, 'import:previewCases', { jobId });
    const truth = JSON.parse(fs.readFileSync(path.join(GENERATED, 'small.truth.json'), 'utf8')) as { cases: { title: string }[] };
    assert.deepEqual(
      cases.items.map((c) => c.title),
      truth.cases.map((c) => c.title),
    );
    assert.equal(preview.encoding, 'pdf');
  });

  test('bad input fails with a clear code and writes nothing', async () => {
    const before = await volumeCount();
    const cases: [string, Uint8Array, string][] = [
      ['empty.txt', new Uint8Array(), 'IMPORT_EMPTY'],
      // Not a page image either (an image is read by OCR: tests/integration/main/import/ocrImport.test.ts).
      ['junk.txt', new Uint8Array([0x41, 0, 0x42, 0, 0, 0x43]), 'IMPORT_BINARY'],
      ['broken.pdf', new Uint8Array(fs.readFileSync(path.join(GENERATED, 'small.pdf')).subarray(0, 3000)), 'IMPORT_PDF_BROKEN'],
      ['encrypted.pdf', new Uint8Array(fs.readFileSync(path.join(GENERATED, 'encrypted.pdf'))), 'IMPORT_PDF_ENCRYPTED'],
    ];
    for (const [name, bytes, code] of cases) {
      const fileId = await stageBytes(app, name, bytes);
      const { jobId } = await call<{ jobId: string }>(app, 'import:start', { fileId });
      const status = await waitJob(app, jobId);
      assert.equal(status.state, 'failed', name);
      assert.equal(status.error?.code, code, name);
      const preview = await app.dispatch('import:preview', { jobId });
      assert.equal(preview.ok, false);
      const commit = await app.dispatch('import:commit', { jobId, title: 'x' });
      assert.equal(commit.ok, false);
    }
    assert.equal(await volumeCount(), before);
  });

  test('a 200 MB text file is refused as too large without being read', async () => {
    const fileId = await stageBytes(app, 'huge.txt', new Uint8Array(1));
    // Grow the staged file in place (sparse), as a 200 MB upload would have left it.
    const staged = app.ctx.staging.get(fileId);
    fs.truncateSync(staged.path, 200 * 1024 * 1024);
    const { jobId } = await call<{ jobId: string }>(app, 'import:start', { fileId });
    const status = await waitJob(app, jobId);
    assert.equal(status.error?.code, 'IMPORT_TOO_LARGE');
  });

  test('cancelling a running import stops the worker and leaves the library as it was', async () => {
    const before = await volumeCount();
    // A large text layer (the seed repeated) keeps the worker busy long enough to cancel it.
    const text = fs.readFileSync(path.join(SEED, 'excerpt.txt'), 'utf8');
    const fileId = await stageBytes(app, 'big.txt', new TextEncoder().encode(text.repeat(800)));
    const { jobId } = await call<{ jobId: string }>(app, 'import:start', { fileId });
    // The main thread stays free while the worker parses: other calls are answered meanwhile.
    const listed = await call<Volume[]>(app, 'volumes:list');
    assert.equal(listed.length, before);
    await call(app, 'jobs:cancel', { jobId });
    const status = await waitJob(app, jobId);
    assert.equal(status.state, 'cancelled');
    const commit = await app.dispatch('import:commit', { jobId, title: 'x' });
    assert.equal(commit.ok, false);
    if (!commit.ok) assert.equal(commit.error.code, 'CANCELLED');
    assert.equal(await volumeCount(), before);
  });
});
