// Several page images chosen at once in the import dialog are one scan (`files:bundle`, then the
// import as for one file): pages in the natural order of the images' names whatever order they were
// uploaded in, read by OCR with progress over all of them, written as one volume whose scan they are.
// Real tesseract.js on three pages of the seed scan.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ImportPreview, JobStatus, StagedFile } from '../../../shared/ipc/contract.ts';
import type { Volume } from '../../../shared/model/entities.ts';
import { getPageOcr } from '../../../main/store/index.ts';
import { bundleName } from '../../../main/services/staging.ts';
import { bootTemp, call, stageBytes, stageFile, waitJob } from './helpers.ts';

const SCAN = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'seed', 'scan');
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
// Case 001's opener and its first two body pages, named so that text order (scan-10 < scan-8) is not page order.
const pages = [
  { file: path.join(SCAN, 'page-006.jpg'), name: 'scan-8.jpg' },
  { file: path.join(SCAN, 'page-007.jpg'), name: 'scan-9.jpg' },
  { file: path.join(SCAN, 'page-008.jpg'), name: 'scan-10.jpg' },
];

describe('several page images as one scan', () => {
  let app: Awaited<ReturnType<typeof bootTemp>>;
  before(async () => {
    app = await bootTemp();
  });
  after(() => app.done());

  test('bundled, parsed with OCR progress over every image, written as one volume in name order', async () => {
    // Uploaded in another order than the pages'.
    const ids = [];
    for (const p of [pages[2]!, pages[0]!, pages[1]!]) ids.push(await stageFile(app, p.file, p.name));
    const bundle = await call<StagedFile>(app, 'files:bundle', { fileIds: ids });
    assert.equal(bundle.name, 'scan');
    assert.equal(
      bundle.size,
      pages.reduce((n, p) => n + fs.statSync(p.file).size, 0),
    );
    // Hashed as `import DIR` hashes a folder of these images: the same scan is known again.
    const folderHash = createHash('sha256');
    for (const p of pages) folderHash.update(`${sha(p.file)}\n`);
    assert.equal(bundle.sha256, folderHash.digest('hex'));
    // The images are not staged alone any more: one staged source holding their bytes.
    assert.equal(app.ctx.staging.usage().count, 1);

    const { jobId } = await call<{ jobId: string }>(app, 'import:start', { fileId: bundle.fileId, scanFileIds: [] });
    const seen = new Set<string>();
    for (;;) {
      const s = await call<JobStatus>(app, 'jobs:get', { jobId });
      if (s.phase === 'ocr' && s.total > 0) seen.add(`${s.done}/${s.total}`);
      if (s.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal((await waitJob(app, jobId)).state, 'done');
    assert.ok([...seen].every((x) => x.endsWith('/3')) && seen.size > 0, [...seen].join(' '));

    const preview = await call<ImportPreview>(app, 'import:preview', { jobId });
    assert.equal(preview.sourceName, 'scan');
    assert.deepEqual([preview.counts.pages, preview.scanPageCount], [3, 3]);
    assert.ok(preview.counts.cases >= 1);
    const volume = await call<Volume>(app, 'import:commit', { jobId, title: '三页扫描' });
    assert.equal(volume.pageCount, 3);
    assert.equal(volume.sourceHash, bundle.sha256);
    assert.deepEqual([volume.scan?.kind, volume.scan?.pageCount, volume.scan?.offset], ['images', 3, 0]);
    // The scan's images in page order: the files stored by content hash, scan-8, scan-9, scan-10.
    assert.deepEqual(
      volume.scan?.files.map((f) => pages.findIndex((p) => f.includes(sha(p.file)))),
      [0, 1, 2],
    );
    // Each page holds what OCR read on its image.
    const text = (i: number) =>
      getPageOcr(app.ctx.lib.db, volume.id, i)!
        .lines.map((l) => l.text.replace(/\s+/gu, ''))
        .join('');
    assert.match(text(0), /打造和谐家园/);
    assert.match(text(1), /康乐路社区共有居民/);
    const cases = await call<Array<{ title: string; number: number | null }>>(app, 'cases:list', { volumeId: volume.id });
    assert.ok(
      cases.some((c) => c.number === 1 && c.title === '开设“民情论坛” 打造和谐家园'),
      JSON.stringify(cases),
    );
    // The job is over: nothing is left staged.
    assert.deepEqual(app.ctx.staging.usage(), { count: 0, bytes: 0 });
  });

  test('anything but page images is refused, naming the file; the files stay staged as they were', async () => {
    const image = await stageFile(app, pages[0]!.file, 'a.jpg');
    const text = await stageBytes(app, '说明.txt', new TextEncoder().encode('不是图片'));
    const before = app.ctx.staging.usage();
    const res = await app.dispatch('files:bundle', { fileIds: [image, text] });
    assert.ok(!res.ok);
    assert.equal(res.error.code, 'IMPORT_SCAN_UNSUPPORTED');
    assert.equal(res.error.details?.file, '说明.txt');
    assert.deepEqual(app.ctx.staging.usage(), before);
    const unknown = await app.dispatch('files:bundle', { fileIds: [image, 'no-such-file'] });
    assert.ok(!unknown.ok);
    assert.equal(unknown.error.code, 'NOT_FOUND');
  });

  test('the source’s name is what the images’ names share before their numbers', () => {
    assert.equal(bundleName(['创先争优_第1页.jpg', '创先争优_第2页.jpg', '创先争优_第10页.jpg']), '创先争优');
    assert.equal(bundleName(['IMG_0012.JPG', 'IMG_0013.JPG']), 'IMG');
    assert.equal(bundleName(['封面.png', '1.png']), '封面');
    assert.equal(bundleName(['一.png']), '一');
  });
});
