// A viewer's app is read-only: with the library connected as a user the server lets only read, every
// writing channel is refused (SYNC_VIEWER_READ_ONLY) and writes nothing, while reads, search and
// exports still answer. The sync service's view is made a viewer's here (the real server's side is
// in tests/integration/sync/); the refusal goes through the handler table boot wires.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Case, CaseSummary, Volume } from '../../../shared/model/entities.ts';
import type { ExportSummary } from '../../../shared/model/export.ts';
import type { SearchResult } from '../../../shared/model/search.ts';
import type { SyncView } from '../../../shared/model/sync.ts';
import type { AppErrorShape } from '../../../shared/ipc/errors.ts';
import type { SyncService } from '../../../main/services/syncService.ts';
import { startWebServer, type WebServer } from '../../../main/web/server.ts';
import { bootTemp, call, waitJob } from './helpers.ts';

type Booted = Awaited<ReturnType<typeof bootTemp>>;

describe("a viewer's app refuses every write and still reads", () => {
  let app: Booted;
  let volume: Volume;
  let kase: Case;
  let realSync: SyncService;
  let viewer = false;

  /** What the library holds that a write would change, to check that a refusal wrote nothing. */
  const snapshot = () => {
    const db = app.ctx.lib.db;
    const count = (sql: string) => Number(db.prepare(sql).get()!.n);
    return {
      cases: db.prepare('SELECT id, version, stage, doc, title, assignee FROM cases ORDER BY id').all(),
      volumes: db.prepare('SELECT id, title FROM volumes ORDER BY id').all(),
      events: count('SELECT count(*) AS n FROM case_events'),
      notes: count('SELECT count(*) AS n FROM case_notes'),
      tags: count('SELECT count(*) AS n FROM case_tags'),
      dirty: count('SELECT count(*) AS n FROM sync_dirty'),
    };
  };

  async function refused(channel: string, input: unknown): Promise<AppErrorShape> {
    const res = await app.dispatch(channel, input);
    assert.equal(res.ok, false, `${channel} should be refused for a viewer`);
    if (res.ok) throw new Error('unreachable');
    assert.equal(res.error.code, 'SYNC_VIEWER_READ_ONLY', `${channel}: ${res.error.code} ${res.error.message}`);
    assert.equal(res.error.details?.channel, channel);
    return res.error;
  }

  before(async () => {
    app = await bootTemp();
    await call(app, 'prefs:set', { userName: '丁' });
    volume = await call<Volume>(app, 'sample:install');
    const first = (await call<CaseSummary[]>(app, 'cases:list', { volumeId: volume.id }))[1]!;
    kase = await call<Case>(app, 'cases:get', { id: first.id });
    // The library as connected to a server that lets this user only read (`viewer` toggles it).
    realSync = app.ctx.sync!;
    const local = realSync.view();
    app.ctx.sync = {
      ...realSync,
      view: (): SyncView =>
        viewer ? { ...local, mode: 'connected', url: 'ws://office:1234', user: '丁', state: 'connected', readOnly: true } : local,
      readOnly: () => viewer,
    };
  });
  after(async () => {
    app.ctx.sync = realSync;
    await app.done();
  });

  test('saves, sign-offs, notes, tags, replace-all, page status, volume edits and imports are refused; nothing is written', async () => {
    viewer = true;
    const before = snapshot();
    const edited = { ...kase.doc, blocks: kase.doc.blocks.map((b, i) => (i === 0 ? { ...b, text: `${b.text}（改）` } : b)) };
    await refused('cases:save', { id: kase.id, version: kase.version, doc: edited });
    await refused('cases:act', { id: kase.id, action: { kind: 'signoff', to: 'review1' } });
    await refused('cases:act', { id: kase.id, action: { kind: 'flag', reason: '出处？' } });
    await refused('cases:setAssignee', { id: kase.id, assignee: '丁' });
    await refused('cases:tag', { id: kase.id, name: '待查' });
    await refused('cases:bulkTag', { ids: [kase.id], name: '待查' });
    const blockId = kase.doc.blocks[0]!.id;
    await refused('notes:add', { caseId: kase.id, blockId, body: '这里要核对' });
    await refused('replace:apply', {
      volumeId: volume.id,
      pattern: '社区',
      replacement: '小区',
      regex: false,
      caseSensitive: true,
      reason: '统一称谓',
      picks: [{ caseId: kase.id, version: kase.version, hitIds: ['x'] }],
    });
    const pages = await call<Array<{ id: number }>>(app, 'pages:list', { volumeId: volume.id });
    await refused('pages:setStatus', { id: pages[0]!.id, status: 'proofed' });
    await refused('volumes:rename', { id: volume.id, title: '改了的卷名' });
    await refused('volumes:create', { title: '新卷' });
    await refused('volumes:delete', { id: volume.id });
    await refused('sample:install', {});
    await refused('files:stage', { name: 'a.txt', bytes: new Uint8Array([0x61]) });
    await refused('import:start', { fileId: 'anything' });
    await refused('workflow:set', { stages: [{ name: '甲' }, { name: '乙' }], allowSameSigner: true });
    await refused('words:set', { word: '民情', kind: 'good' });
    await refused('backups:restore', { name: 'whatever.sqlite', confirm: true });
    assert.deepEqual(snapshot(), before, 'a refused call wrote nothing');
  });

  test('reads, search, export and the sync channels still answer', async () => {
    viewer = true;
    const got = await call<Case>(app, 'cases:get', { id: kase.id });
    assert.equal(got.version, kase.version);
    assert.ok((await call<CaseSummary[]>(app, 'cases:list', { volumeId: volume.id })).length > 1);
    await call(app, 'cases:workflow', { id: kase.id });
    await call(app, 'notes:list', { caseId: kase.id });
    await call(app, 'dashboard:volume', { volumeId: volume.id });
    const hits = await call<SearchResult>(app, 'search:cases', { query: '民情论坛' });
    assert.ok(JSON.stringify(hits).includes('民情论坛'));
    await call(app, 'replace:preview', {
      volumeId: volume.id,
      pattern: '社区',
      replacement: '小区',
      regex: false,
      caseSensitive: true,
    });
    const scope = { kind: 'volume' } as const;
    await call(app, 'export:preview', { volumeId: volume.id, format: 'txt', scope });
    const { jobId } = await call<{ jobId: string }>(app, 'export:start', { volumeId: volume.id, format: 'txt', scope });
    assert.equal((await waitJob(app, jobId)).state, 'done');
    assert.ok((await call<ExportSummary>(app, 'export:result', { jobId })).bytes > 0);
    // Local things: this machine's preferences, a copy in backups/.
    await call(app, 'prefs:set', { language: 'en' });
    await call(app, 'backups:list');
    const status = await call<SyncView>(app, 'sync:status');
    assert.equal(status.readOnly, true);
  });

  test('over HTTP (browser mode) the refusal is a 403 with the code', async () => {
    viewer = true;
    const staticDir = fs.mkdirSync(path.join(app.dir, 'static'), { recursive: true })!;
    const server: WebServer = await startWebServer({ dispatch: app.dispatch, staticDir, scansDir: app.scansDir });
    try {
      const res = await fetch(`${server.url}/api/volumes:rename`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: volume.id, title: '改了的卷名' }),
      });
      assert.equal(res.status, 403);
      const body = (await res.json()) as { ok: boolean; error?: AppErrorShape };
      assert.equal(body.error?.code, 'SYNC_VIEWER_READ_ONLY');
    } finally {
      await server.close();
    }
  });

  test('no longer a viewer (disconnected, or made an editor): the same calls write again', async () => {
    viewer = false;
    const edited = { ...kase.doc, blocks: kase.doc.blocks.map((b, i) => (i === 0 ? { ...b, text: `${b.text}（改）` } : b)) };
    const saved = await call<CaseSummary>(app, 'cases:save', { id: kase.id, version: kase.version, doc: edited });
    assert.equal(saved.version, kase.version + 1);
    const { case: moved } = await call<{ case: CaseSummary }>(app, 'cases:act', {
      id: kase.id,
      action: { kind: 'signoff', to: 'review1' },
    });
    assert.equal(moved.stage, 'review1');
  });
});
