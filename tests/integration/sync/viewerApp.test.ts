// The app of a viewer, connected to a real office server: once the server has said the user may only
// read, the app refuses every write over its own channels (nothing queued that the server would
// never take), reads on, and writes again once disconnected.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { boot, type Booted } from '../../../main/services/boot.ts';
import { openConfPrefs } from '../../../main/services/prefs.ts';
import { addUser } from '../../../main/sync/users.ts';
import type { Case, CaseSummary } from '../../../shared/model/entities.ts';
import type { SyncView } from '../../../shared/model/sync.ts';
import { call } from '../services/helpers.ts';
import { cloneLibrary, makeLibraryWithCases, sleep, startTestServer, tempRoot, WAIT_MS, type TestServer } from './helpers.ts';

describe("a viewer's app on a real server", () => {
  let root: string;
  let server: TestServer;
  let app: Booted;
  let viewerToken: string;
  let kase: Case;

  const dirty = () => Number(app.ctx.lib.db.prepare('SELECT count(*) AS n FROM sync_dirty').get()!.n);

  async function statusUntil(what: string, cond: (v: SyncView) => boolean): Promise<SyncView> {
    const start = Date.now();
    for (;;) {
      const view = await call<SyncView>(app, 'sync:status');
      if (cond(view)) return view;
      if (Date.now() - start > WAIT_MS) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(view)}`);
      await sleep(20);
    }
  }

  before(async () => {
    root = tempRoot('casebook-viewer-');
    const origin = path.join(root, 'origin');
    makeLibraryWithCases(origin);
    for (const name of ['server', 'app']) cloneLibrary(origin, path.join(root, name));
    server = await startTestServer(path.join(root, 'server'), ['甲']);
    viewerToken = addUser(server.lib.db, '丁', 'viewer').token;
    await server.start();
    const prefs = await openConfPrefs(path.join(root, 'prefs'));
    app = await boot({ libraryDir: path.join(root, 'app'), mode: 'web', prefs });
    await call(app, 'prefs:set', { userName: '丁' });
    const volumes = await call<Array<{ id: number }>>(app, 'volumes:list');
    const first = (await call<CaseSummary[]>(app, 'cases:list', { volumeId: volumes[0]!.id }))[0]!;
    kase = await call<Case>(app, 'cases:get', { id: first.id });
  });

  after(async () => {
    await app?.shutdown();
    await server?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('connected as a viewer: saves and sign-offs are refused and nothing waits to be sent; reads answer', async () => {
    await call(app, 'sync:connect', { url: server.url, user: '丁', token: viewerToken });
    await statusUntil('the server to say read-only', (v) => v.mode === 'connected' && v.readOnly);
    const queued = dirty();
    const doc = { ...kase.doc, blocks: kase.doc.blocks.map((b, i) => (i === 0 ? { ...b, text: `${b.text}（观众改）` } : b)) };
    for (const [channel, input] of [
      ['cases:save', { id: kase.id, version: kase.version, doc }],
      ['cases:act', { id: kase.id, action: { kind: 'signoff', to: 'review1' } }],
      ['cases:tag', { id: kase.id, name: '观众的标签' }],
    ] as const) {
      const res = await app.dispatch(channel, input);
      assert.equal(res.ok ? 'ok' : res.error.code, 'SYNC_VIEWER_READ_ONLY', channel);
    }
    assert.equal(dirty(), queued, 'nothing queued for the server');
    const now = await call<Case>(app, 'cases:get', { id: kase.id });
    assert.equal(now.stage, kase.stage);
    assert.ok(!JSON.stringify(now.doc).includes('观众改'));
    assert.ok((await call<{ total: number }>(app, 'search:cases', { query: '社区' })).total > 0);
  });

  test('restarted while the server is down, the app remembers it may only read', async () => {
    await app.shutdown();
    await server.stop();
    const prefs = await openConfPrefs(path.join(root, 'prefs'));
    app = await boot({ libraryDir: path.join(root, 'app'), mode: 'web', prefs });
    const view = await call<SyncView>(app, 'sync:status');
    assert.equal(view.mode, 'connected');
    assert.notEqual(view.state, 'connected', 'the server is down');
    assert.equal(view.readOnly, true, 'read-only before the server says so again');
    const res = await app.dispatch('cases:save', { id: kase.id, version: kase.version, doc: kase.doc });
    assert.equal(res.ok ? 'ok' : res.error.code, 'SYNC_VIEWER_READ_ONLY');
    await server.start();
    await statusUntil('connected again, still read-only', (v) => v.state === 'connected' && v.readOnly);
  });

  test("disconnected, the library is this machine's alone again and takes writes", async () => {
    const view = await call<SyncView>(app, 'sync:disconnect');
    assert.equal(view.mode, 'local');
    assert.equal(view.readOnly, false);
    const { case: moved } = await call<{ case: CaseSummary }>(app, 'cases:act', {
      id: kase.id,
      action: { kind: 'signoff', to: 'review1' },
    });
    assert.equal(moved.stage, 'review1');
  });
});
