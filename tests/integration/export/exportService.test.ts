// The export service end to end on a real library: scope and summary, the job with progress and cancel,
// the browser-mode download route, writing to paths (atomic, never half-written), and bad input.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Case, CaseSummary, Volume } from '../../../shared/model/entities.ts';
import type { ExportPreview, ExportSummary } from '../../../shared/model/export.ts';
import { readExportJson } from '../../../shared/export/json.ts';
import { exportDownload, exportToPath } from '../../../main/services/exportService.ts';
import { importExportJson } from '../../../main/services/jsonReimport.ts';
import { setExportPlatform } from '../../../main/export/platform.ts';
import { startWebServer } from '../../../main/web/server.ts';
import { bootTemp, call, GENERATED, stageFile, waitJob } from '../services/helpers.ts';
import { pandocPlain } from './readers.ts';
import { setStage } from '../../../main/store/index.ts';

const app = await bootTemp();
const out = path.join(app.dir, 'out');
fs.mkdirSync(out);
after(() => app.done());

const sample = await call<Volume>(app, 'sample:install');
const sampleCases = await call<CaseSummary[]>(app, 'cases:list', { volumeId: sample.id });
const case1 = sampleCases.find((c) => c.number === 1)!;
const foreword = sampleCases.find((c) => c.number === null)!;

async function importGenerated(): Promise<Volume> {
  const fileId = await stageFile(app, path.join(GENERATED, 'small.txt'));
  const { jobId } = await call<{ jobId: string }>(app, 'import:start', { fileId });
  await waitJob(app, jobId);
  return call<Volume>(app, 'import:commit', { jobId, title: '第二卷' });
}
const other = await importGenerated();

async function failure(
  channel: string,
  input: unknown,
): Promise<{ code: string; message: string; details?: Record<string, unknown> }> {
  const res = await app.dispatch(channel, input);
  assert.equal(res.ok, false, `${channel} should fail`);
  return (res as { error: { code: string; message: string } }).error;
}

/** Files left in a folder, hidden temporaries included. */
const listing = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

describe('export scope and summary', () => {
  test('by default only 定稿: nothing at final is an empty scope, with the cases left out listed', async () => {
    const preview = await call<ExportPreview>(app, 'export:preview', { volumeId: sample.id, format: 'docx' });
    assert.equal(preview.included.length, 0);
    assert.deepEqual(
      preview.excluded.map((c) => [c.number, c.title, c.stage]),
      [
        [null, foreword.title, 'imported'],
        [1, case1.title, 'imported'],
      ],
    );
    const err = await failure('export:start', { volumeId: sample.id, format: 'docx' });
    assert.equal(err.code, 'EXPORT_EMPTY_SCOPE');
  });

  test('a case at 定稿 goes out as a DOCX download; the foreword left out is named in the summary', async () => {
    setStage(app.ctx.lib.db, { id: case1.id, stage: 'final', who: 'test' });
    const preview = await call<ExportPreview>(app, 'export:preview', { volumeId: sample.id, format: 'docx' });
    assert.deepEqual(
      preview.included.map((c) => c.id),
      [case1.id],
    );
    assert.equal(preview.fileName, '001-开设“民情论坛” 打造和谐家园.docx');
    const { jobId, fileName } = await call<{ jobId: string; fileName: string }>(app, 'export:start', {
      volumeId: sample.id,
      format: 'docx',
    });
    assert.equal(fileName, preview.fileName);
    const status = await waitJob(app, jobId);
    assert.equal(status.state, 'done');
    const summary = await call<ExportSummary>(app, 'export:result', { jobId });
    assert.equal(summary.delivery, 'download');
    assert.deepEqual(
      summary.excluded.map((c) => [c.number, c.title, c.stage]),
      [[null, foreword.title, 'imported']],
    );
    const file = exportDownload(app.ctx, jobId);
    assert.equal(file.size, summary.bytes);
    const plain = pandocPlain(file.path, 'docx');
    assert.match(plain, /开设“民情论坛” 打造和谐家园/);
    assert.match(plain, /获奖情况/);
    assert.doesNotMatch(plain, /学习先进典型/, 'the foreword was left out');
  });

  test('the whole volume: foreword first, then the case, as a book with contents', async () => {
    const target = path.join(out, 'volume.md');
    const summary = await exportToPath(
      app.ctx,
      {
        volumeId: sample.id,
        scope: { kind: 'volume' },
        format: 'md',
        pageSize: 'a5',
        preset: 'book',
        fileNamePattern: '{number}-{title}',
        split: 'volume',
      },
      target,
    );
    assert.equal(summary.included.length, 2);
    assert.deepEqual(summary.excluded, []);
    const md = fs.readFileSync(target, 'utf8');
    assert.ok(md.indexOf('# 学习先进典型') < md.indexOf('# 开设“民情论坛”'));
    assert.deepEqual(listing(out), ['volume.md'], 'no temporary file left beside it');
  });

  test('chosen cases, and a stage other than 定稿', async () => {
    const chosen = await call<ExportPreview>(app, 'export:preview', {
      volumeId: sample.id,
      format: 'txt',
      scope: { kind: 'cases', caseIds: [foreword.id] },
    });
    assert.deepEqual(
      chosen.included.map((c) => c.id),
      [foreword.id],
    );
    const imported = await call<ExportPreview>(app, 'export:preview', {
      volumeId: sample.id,
      format: 'txt',
      scope: { kind: 'stage', stage: 'imported' },
    });
    assert.deepEqual(
      imported.included.map((c) => c.id),
      [foreword.id],
    );
  });
});

describe('bad input: a clear error, nothing written', () => {
  test('an unknown volume', async () => {
    const err = await failure('export:preview', { volumeId: 9999, format: 'docx' });
    assert.equal(err.code, 'NOT_FOUND');
  });

  test('a case id from another volume', async () => {
    const theirs = (await call<CaseSummary[]>(app, 'cases:list', { volumeId: other.id }))[1]!;
    const err = await failure('export:start', {
      volumeId: sample.id,
      format: 'docx',
      scope: { kind: 'cases', caseIds: [case1.id, theirs.id] },
    });
    assert.equal(err.code, 'EXPORT_CASE_NOT_IN_VOLUME');
    assert.equal(err.details?.caseId, theirs.id);
  });

  test('a title full of /:*?"<>| makes a safe file name', async () => {
    // The case is at 定稿 (locked) from an earlier test: step it back to edit its title.
    setStage(app.ctx.lib.db, { id: case1.id, stage: 'proof3', who: 'test' });
    const c = await call<Case>(app, 'cases:get', { id: case1.id });
    await call(app, 'cases:save', { id: c.id, version: c.version, doc: c.doc, title: '问答/经验:做法*与?"案例"<一>|二' });
    const dir = path.join(out, 'names');
    fs.mkdirSync(dir);
    const req = {
      volumeId: sample.id,
      format: 'md' as const,
      scope: { kind: 'cases' as const, caseIds: [case1.id] },
      pageSize: 'a5' as const,
      preset: 'book' as const,
      fileNamePattern: '{number}-{title}',
      split: 'case' as const,
    };
    const summary = await exportToPath(app.ctx, req, dir);
    assert.equal(summary.files, 1);
    assert.deepEqual(listing(dir), ['001-问答／经验：做法＊与？＂案例＂＜一＞｜二.md']);
  });

  test('an unwritable destination: a missing folder, a file in the way, a folder in the way', async () => {
    const req = {
      volumeId: sample.id,
      format: 'docx' as const,
      scope: { kind: 'volume' as const },
      pageSize: 'a5' as const,
      preset: 'book' as const,
      fileNamePattern: '{number}-{title}',
      split: 'volume' as const,
    };
    const blocker = path.join(out, 'blocker');
    fs.writeFileSync(blocker, 'x');
    fs.mkdirSync(path.join(out, 'taken.docx'));
    for (const target of [path.join(out, 'missing', 'x.docx'), path.join(blocker, 'x.docx'), path.join(out, 'taken.docx')]) {
      await assert.rejects(exportToPath(app.ctx, req, target), (err: { code?: string; details?: { path?: string } }) => {
        assert.equal(err.code, 'EXPORT_DESTINATION', target);
        assert.equal(err.details?.path, target);
        return true;
      });
    }
    assert.deepEqual(
      listing(out).filter((f) => f.endsWith('.part')),
      [],
    );
  });

  test('a cancel halfway leaves no file, in the outbox or at the destination', async () => {
    let release: () => void = () => undefined;
    // A printer that waits until cancelled, standing in for a slow print.
    setExportPlatform({
      pdfPrinter: () => ({
        print: (_html, signal) =>
          new Promise((_resolve, reject) => {
            release = () => reject(new Error('released'));
            signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
          }),
      }),
    });
    try {
      const { jobId } = await call<{ jobId: string }>(app, 'export:start', {
        volumeId: sample.id,
        format: 'pdf',
        scope: { kind: 'volume' },
      });
      for (let i = 0; i < 100 && (await call<{ phase: string }>(app, 'jobs:get', { jobId })).phase !== 'print'; i++)
        await new Promise((r) => setTimeout(r, 10));
      await call(app, 'jobs:cancel', { jobId });
      const status = await waitJob(app, jobId);
      assert.equal(status.state, 'cancelled');
      assert.equal((await failure('export:result', { jobId })).code, 'CANCELLED');
      const outbox = path.join(app.ctx.lib.dir, '.exports');
      assert.deepEqual(listing(path.join(outbox, jobId)), []);

      const controller = new AbortController();
      const target = path.join(out, 'cancelled.pdf');
      const running = exportToPath(
        app.ctx,
        {
          volumeId: sample.id,
          scope: { kind: 'volume' },
          format: 'pdf',
          pageSize: 'a5',
          preset: 'book',
          fileNamePattern: '{title}',
          split: 'volume',
        },
        target,
        { signal: controller.signal },
      );
      await new Promise((r) => setTimeout(r, 50));
      controller.abort();
      await assert.rejects(running, { code: 'CANCELLED' });
      assert.equal(fs.existsSync(target), false);
      assert.deepEqual(
        listing(out).filter((f) => f.includes('cancelled')),
        [],
      );
    } finally {
      release();
      setExportPlatform(null);
    }
  });
});

describe('formats through the service', () => {
  test('JSON validates and re-imports as the same cases', async () => {
    const target = path.join(out, 'second.json');
    await exportToPath(
      app.ctx,
      {
        volumeId: other.id,
        scope: { kind: 'volume' },
        format: 'json',
        pageSize: 'a5',
        preset: 'book',
        fileNamePattern: '{title}',
        split: 'volume',
      },
      target,
    );
    const text = fs.readFileSync(target, 'utf8');
    const read = readExportJson(text);
    assert.ok(read.ok);
    // Through the channel the import dialog uses: a staged upload of the file.
    const again = await call<Volume>(app, 'import:json', { fileId: await stageFile(app, target) });
    assert.equal(again.title, '第二卷');
    const shape = async (volumeId: number) => {
      const list = await call<CaseSummary[]>(app, 'cases:list', { volumeId });
      const full = await Promise.all(list.map((c) => call<Case>(app, 'cases:get', { id: c.id })));
      return full.map((c) => ({
        number: c.number,
        title: c.title,
        organization: c.organization,
        stage: c.stage,
        blocks: c.doc.blocks.map((b) => [b.kind, b.text]),
      }));
    };
    assert.deepEqual(await shape(again.id), await shape(other.id));
    assert.throws(() => importExportJson(app.ctx, '{"format":"casebook-workbench.cases","version":9}'), { code: 'VALIDATION' });
    // Any other JSON is refused by the user's file name, and nothing is written.
    const stray = path.join(out, '别的.json');
    fs.writeFileSync(stray, '{"hello": "world"}');
    const before = (await call<Volume[]>(app, 'volumes:list')).length;
    const refused = await failure('import:json', { fileId: await stageFile(app, stray) });
    assert.equal(refused.code, 'VALIDATION');
    assert.equal(refused.details?.file, '别的.json');
    assert.equal((await call<Volume[]>(app, 'volumes:list')).length, before);
  });

  test('one file per case: a folder in place, a zip when downloaded', async () => {
    const folder = path.join(out, 'per-case');
    const req = {
      volumeId: other.id,
      scope: { kind: 'volume' as const },
      format: 'txt' as const,
      pageSize: 'a5' as const,
      preset: 'book' as const,
      fileNamePattern: '{number}-{title}',
      split: 'case' as const,
    };
    const summary = await exportToPath(app.ctx, req, folder);
    const files = listing(folder);
    assert.equal(files.length, summary.included.length);
    assert.ok(files.includes('001-小支部撬动大发展.txt'), files.join(', '));
    const { jobId, fileName } = await call<{ jobId: string; fileName: string }>(app, 'export:start', req);
    assert.equal(fileName, '第二卷.zip');
    await waitJob(app, jobId);
    const zip = unzipSync(fs.readFileSync(exportDownload(app.ctx, jobId).path));
    assert.deepEqual(Object.keys(zip).sort(), files);
    assert.match(strFromU8(zip['001-小支部撬动大发展.txt']!), /^小支部撬动大发展\n/);
  });
});

describe('the download route (browser mode)', () => {
  test('streams the file with its UTF-8 name; the token must be in the header', async () => {
    setStage(app.ctx.lib.db, { id: case1.id, stage: 'final', who: 'test' });
    const { jobId } = await call<{ jobId: string }>(app, 'export:start', { volumeId: sample.id, format: 'epub' });
    await waitJob(app, jobId);
    const token = 'export-test-token-0123456789';
    const server = await startWebServer({
      dispatch: app.dispatch,
      staticDir: app.dir,
      scansDir: () => app.ctx.lib.scansDir,
      token,
      exportFile: (id) => exportDownload(app.ctx, id),
    });
    try {
      const get = (p: string, headers: Record<string, string>) =>
        new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
          http
            .get(
              { host: '127.0.0.1', port: server.port, path: p, headers: { Host: `127.0.0.1:${server.port}`, ...headers } },
              (res) => {
                const chunks: Buffer[] = [];
                res.on('data', (c: Buffer) => chunks.push(c));
                res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
              },
            )
            .on('error', reject);
        });
      const ok = await get(`/export/${jobId}`, { Authorization: `Bearer ${token}` });
      assert.equal(ok.status, 200);
      assert.equal(ok.headers['content-type'], 'application/epub+zip');
      assert.equal(ok.headers['cache-control'], 'no-store');
      const disposition = ok.headers['content-disposition'] ?? '';
      assert.match(disposition, /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
      assert.equal(decodeURIComponent(disposition.split("UTF-8''")[1]!), exportDownload(app.ctx, jobId).fileName);
      assert.equal(strFromU8(ok.body.subarray(30, 38)), 'mimetype', 'the EPUB itself, not JSON');
      assert.equal((await get(`/export/${jobId}`, {})).status, 401);
      assert.equal((await get(`/export/${jobId}?token=${token}`, {})).status, 401, 'a token in the URL is not accepted');
      assert.equal((await get(`/export/${jobId}`, { Authorization: `Bearer ${token}`, Host: 'evil.example:80' })).status, 403);
      assert.equal(
        (await get(`/export/${jobId}`, { Authorization: `Bearer ${token}`, Origin: 'http://evil.example' })).status,
        403,
      );
      assert.equal((await get('/export/no-such-job', { Authorization: `Bearer ${token}` })).status, 404);
    } finally {
      await server.close();
    }
  });
});
