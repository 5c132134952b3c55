import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { createVolume, openLibrary, writeImport, type Library } from '../../../main/store/index.ts';
import { storeScanFile } from '../../../main/scans/files.ts';
import { isSeeded, loadState } from '../../../main/sync/updateLog.ts';
import { refusalCode, startSyncServer, type SyncServer } from '../../../main/sync/server.ts';
import { addUser, authenticate, hashToken, listUsers, revokeUser } from '../../../main/sync/users.ts';
import { openCaseReplica } from '../../../shared/sync/caseReplica.ts';
import { SYNC_SCHEMA_VERSION } from '../../../shared/sync/docNames.ts';
import { newSharedDoc } from '../../../shared/sync/yDoc.ts';
import type { CaseDoc } from '../../../shared/model/caseDoc.ts';
import { seedImport } from '../store/helpers/fixtures.ts';
import { sleep, waitFor } from './helpers.ts';

/** These tests wait less than the helpers' WAIT_MS. */
const TIMEOUT_MS = 10_000;

interface Client {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves on `synced`, rejects with the refusal reason on `authenticationFailed`. */
  ready: Promise<void>;
  failure: () => string | null;
  closeReason: () => string | null;
}

/** A provider as an app makes one: Node 24's global WebSocket, the schema in the URL, a gc-free document. */
function connect(
  server: SyncServer,
  name: string,
  token: string,
  opts: { schema?: number | null; websocket?: HocuspocusProviderWebsocket } = {},
): Client {
  const schema = opts.schema === undefined ? SYNC_SCHEMA_VERSION : opts.schema;
  const doc = newSharedDoc();
  let failure: string | null = null;
  let closeReason: string | null = null;
  const provider = new HocuspocusProvider({
    ...(opts.websocket
      ? { websocketProvider: opts.websocket }
      : { url: schema === null ? server.url : `${server.url}?schema=${schema}` }),
    name,
    token,
    document: doc,
  });
  if (opts.websocket) provider.attach();
  provider.on('close', (e: { event: { reason: string } }) => (closeReason = e.event.reason));
  const ready = new Promise<void>((resolve, reject) => {
    provider.on('synced', () => resolve());
    provider.on('authenticationFailed', (e: { reason: string }) => {
      failure = e.reason;
      reject(new Error(e.reason));
    });
  });
  ready.catch(() => {});
  return { doc, provider, ready, failure: () => failure, closeReason: () => closeReason };
}

/** The refusal a connection attempt ends in (fails the test if it syncs instead). */
async function refusal(client: Client): Promise<string> {
  await assert.rejects(client.ready);
  return client.failure()!;
}

function tempLibrary(): { dir: string; lib: Library; caseUuids: string[]; volumeUuid: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-sync-'));
  const lib = openLibrary(path.join(dir, 'library'));
  writeImport(lib.db, seedImport());
  const caseUuids = lib.db
    .prepare('SELECT uuid FROM cases ORDER BY id')
    .all()
    .map((r) => String(r.uuid));
  const volumeUuid = String(lib.db.prepare('SELECT uuid FROM volumes ORDER BY id LIMIT 1').get()!.uuid);
  return { dir, lib, caseUuids, volumeUuid };
}

function logRows(lib: Library, doc: string): number {
  return Number(lib.db.prepare('SELECT count(*) AS n FROM sync_updates WHERE doc = ?').get(doc)!.n);
}

describe('sync users', () => {
  let dir = '';
  let lib: Library;
  before(() => {
    ({ dir, lib } = tempLibrary());
  });
  after(() => {
    lib.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a token is returned once, only its hash is stored, and it authenticates', () => {
    const { token, user } = addUser(lib.db, '张三', 'editor');
    assert.match(token, /^cbw_[A-Za-z0-9_-]{43}$/);
    assert.equal(user.name, '张三');
    const row = lib.db.prepare('SELECT * FROM sync_users WHERE name = ?').get('张三')!;
    assert.equal(row.token_hash, hashToken(token));
    assert.ok(!Object.values(row).some((v) => String(v).includes(token.slice(4))), 'no column holds the token');
    assert.ok(!JSON.stringify(listUsers(lib.db)).includes(token.slice(4)));
    assert.deepEqual(authenticate(lib.db, token), { ok: true, name: '张三', role: 'editor' });
  });

  test('unknown, revoked and expired tokens are refused with their reason', () => {
    const viewer = addUser(lib.db, 'viewer', 'viewer');
    assert.deepEqual(authenticate(lib.db, viewer.token), { ok: true, name: 'viewer', role: 'viewer' });
    assert.deepEqual(authenticate(lib.db, 'cbw_' + 'A'.repeat(43)), { ok: false, refusal: 'unknown' });
    assert.deepEqual(authenticate(lib.db, 'nonsense'), { ok: false, refusal: 'unknown' });
    assert.deepEqual(authenticate(lib.db, ''), { ok: false, refusal: 'unknown' });
    revokeUser(lib.db, 'viewer');
    assert.deepEqual(authenticate(lib.db, viewer.token), { ok: false, refusal: 'revoked' });
    const temp = addUser(lib.db, 'temp', 'editor', { expiresAt: '2030-01-01T00:00:00Z' });
    assert.equal(authenticate(lib.db, temp.token, new Date('2029-12-31T23:59:59Z')).ok, true);
    assert.deepEqual(authenticate(lib.db, temp.token, new Date('2030-01-01T00:00:00Z')), { ok: false, refusal: 'expired' });
  });

  test('names are unique (also after revoking), roles and dates are checked', () => {
    addUser(lib.db, 'dup', 'viewer');
    assert.throws(() => addUser(lib.db, 'dup', 'editor'), { code: 'CONFLICT' });
    revokeUser(lib.db, 'dup');
    assert.throws(() => addUser(lib.db, 'dup', 'editor'), { code: 'CONFLICT' });
    assert.throws(() => addUser(lib.db, '', 'editor'), { code: 'VALIDATION' });
    assert.throws(() => addUser(lib.db, 'x', 'admin' as 'editor'), { code: 'VALIDATION' });
    assert.throws(() => addUser(lib.db, 'y', 'editor', { expiresAt: 'tomorrow' }), { code: 'VALIDATION' });
    assert.throws(() => revokeUser(lib.db, 'nobody'), { code: 'NOT_FOUND' });
    const listed = listUsers(lib.db).find((u) => u.name === 'dup')!;
    assert.ok(listed.revokedAt !== null);
  });
});

describe('sync server', () => {
  let dir = '';
  let lib: Library;
  let caseUuids: string[] = [];
  let volumeUuid = '';
  let server: SyncServer;
  const logLines: string[] = [];
  const seeded: CaseDoc[] = [];
  let editorToken = '';
  let editor2Token = '';
  let viewerToken = '';
  let revokedToken = '';
  let expiredToken = '';
  const clients: Client[] = [];
  const open = (...args: Parameters<typeof connect>): Client => {
    const c = connect(...args);
    clients.push(c);
    return c;
  };

  before(async () => {
    ({ dir, lib, caseUuids, volumeUuid } = tempLibrary());
    editorToken = addUser(lib.db, 'editor', 'editor').token;
    editor2Token = addUser(lib.db, 'editor2', 'editor').token;
    viewerToken = addUser(lib.db, 'viewer', 'viewer').token;
    revokedToken = addUser(lib.db, 'gone', 'editor').token;
    revokeUser(lib.db, 'gone');
    expiredToken = addUser(lib.db, 'late', 'editor', { expiresAt: '2020-01-01' }).token;
    // The real seed (the editor's Lexical layout), counted.
    const { seedCaseState } = await import('../../../shared/sync/caseReplica.ts');
    server = await startSyncServer({
      lib,
      debounceMs: 100,
      maxDebounceMs: 300,
      maxUpdateBytes: 64 * 1024,
      log: (line) => logLines.push(line),
      seed: (doc) => {
        seeded.push(doc);
        return seedCaseState(doc);
      },
    });
  });

  after(async () => {
    for (const c of clients) c.provider.destroy();
    await server.close();
    lib.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('an editor syncs; its edit reaches a second client and is in the log at once', async () => {
    const name = `vol:${volumeUuid}`;
    const a = open(server, name, editorToken);
    const b = open(server, name, editor2Token);
    await Promise.all([a.ready, b.ready]);
    assert.equal(a.provider.authorizedScope, 'read-write');
    const before = logRows(lib, name);
    a.doc.getText('t').insert(0, '编校');
    await waitFor('the edit at the second client', () => b.doc.getText('t').toString() === '编校', TIMEOUT_MS);
    // In the log at once, unless the debounced store already folded it into the state (a loaded
    // machine can be that slow); either way the library holds it (the SIGKILL tests show it survives).
    const held = new Y.Doc();
    Y.applyUpdate(held, loadState(lib.db, name));
    assert.ok(logRows(lib, name) > before || held.getText('t').toString() === '编校', 'the update is in the library');
    // The debounced store folds the log into the state.
    await waitFor('the store to fold the log', () => logRows(lib, name) === 0, TIMEOUT_MS);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, loadState(lib.db, name));
    assert.equal(stored.getText('t').toString(), '编校');
  });

  test('refusals: wrong token, revoked, expired, each with its reason', async () => {
    const name = `vol:${volumeUuid}`;
    assert.equal(refusalCode(await refusal(open(server, name, 'cbw_' + 'x'.repeat(43)))), 'sync.badToken');
    assert.equal(refusalCode(await refusal(open(server, name, 'wrong'))), 'sync.badToken');
    assert.equal(refusalCode(await refusal(open(server, name, revokedToken))), 'sync.revoked');
    assert.equal(refusalCode(await refusal(open(server, name, expiredToken))), 'sync.expired');
    const reason = await refusal(open(server, name, revokedToken));
    assert.match(reason, /^sync\.revoked: \S.*revoked/);
    assert.ok(
      logLines.some((l) => l.includes('sync.expired')),
      'the server logs refusals',
    );
  });

  test('a viewer receives but its edits never reach the server or other clients', async () => {
    const name = `case:${caseUuids[1]}`;
    const editor = open(server, name, editorToken);
    const viewer = open(server, name, viewerToken);
    await Promise.all([editor.ready, viewer.ready]);
    assert.equal(viewer.provider.authorizedScope, 'readonly');
    editor.doc.getText('notes').insert(0, 'from editor');
    await waitFor('the viewer to receive', () => viewer.doc.getText('notes').toString() === 'from editor', TIMEOUT_MS);
    const logged = logRows(lib, name);
    viewer.doc.getText('notes').insert(0, 'VIEWER ');
    await sleep(300);
    assert.equal(editor.doc.getText('notes').toString(), 'from editor');
    assert.equal(logRows(lib, name) <= logged, true, 'nothing of the viewer is logged');
    const state = new Y.Doc();
    Y.applyUpdate(state, loadState(lib.db, name));
    assert.equal(state.getText('notes').toString(), 'from editor');
    // A client connecting later does not see it either.
    const late = open(server, name, editor2Token);
    await late.ready;
    assert.equal(late.doc.getText('notes').toString(), 'from editor');
  });

  test('bad document names and documents not in the library are refused', async () => {
    for (const name of ['../x', 'case:not-a-uuid', `case:${caseUuids[0]!.toUpperCase()}`, `doc:${caseUuids[0]}`]) {
      assert.equal(refusalCode(await refusal(open(server, name, editorToken))), 'sync.badDoc', name);
    }
    const missing = 'case:01900000-0000-7000-8000-000000000000';
    assert.equal(refusalCode(await refusal(open(server, missing, editorToken))), 'sync.badDoc');
    assert.equal(refusalCode(await refusal(open(server, `vol:${caseUuids[0]}`, editorToken))), 'sync.badDoc');
    assert.equal(Number(lib.db.prepare('SELECT count(*) AS n FROM sync_docs WHERE name = ?').get(missing)!.n), 0);
  });

  test('a client of another schema version is refused with which side to update', async () => {
    const name = `vol:${volumeUuid}`;
    const newer = await refusal(open(server, name, editorToken, { schema: SYNC_SCHEMA_VERSION + 1 }));
    assert.equal(refusalCode(newer), 'sync.schemaNewer');
    assert.match(newer, /update the server/);
    assert.equal(refusalCode(await refusal(open(server, name, editorToken, { schema: 0 }))), 'sync.schemaOlder');
    assert.equal(refusalCode(await refusal(open(server, name, editorToken, { schema: null }))), 'sync.schemaOlder');
  });

  test('an oversized update is refused and the stored document stays intact', async () => {
    const name = `vol:${volumeUuid}`;
    const big = open(server, name, editorToken);
    const other = open(server, name, editor2Token);
    await Promise.all([big.ready, other.ready]);
    const stateBefore = loadState(lib.db, name);
    const logBefore = logRows(lib, name);
    big.doc.getText('big').insert(0, '长'.repeat(40_000)); // ~120 KB of UTF-8, over the 64 KiB limit
    await waitFor('the refusal', () => big.closeReason() !== null, TIMEOUT_MS);
    assert.equal(refusalCode(big.closeReason()), 'sync.tooLarge');
    assert.ok(
      logLines.some((l) => l.includes('sync.tooLarge')),
      'the server says why',
    );
    await sleep(200);
    assert.equal(other.doc.getText('big').length, 0);
    assert.equal(logRows(lib, name), logBefore);
    const after = new Y.Doc();
    Y.applyUpdate(after, loadState(lib.db, name));
    assert.equal(after.getText('big').length, 0);
    const beforeDoc = new Y.Doc();
    Y.applyUpdate(beforeDoc, stateBefore);
    assert.equal(after.getText('t').toString(), beforeDoc.getText('t').toString());
    // The document still works for everyone else.
    other.doc.getText('t').insert(0, '再');
    const fresh = open(server, name, editorToken);
    await fresh.ready;
    await waitFor('a small edit after the refusal', () => fresh.doc.getText('t').toString().startsWith('再'), TIMEOUT_MS);
  });

  test('a case document is seeded once from the stored case, in the editor’s layout', async () => {
    const uuid = caseUuids[0]!;
    const name = `case:${uuid}`;
    const stored = JSON.parse(String(lib.db.prepare('SELECT doc FROM cases WHERE uuid = ?').get(uuid)!.doc)) as CaseDoc;
    const key = (d: CaseDoc) => JSON.stringify(d.blocks.map((b) => [b.id, b.kind, b.text]));
    const countFor = () => seeded.filter((d) => key(d) === key(stored)).length;
    const first = open(server, name, editorToken);
    await first.ready;
    assert.equal(countFor(), 1);
    assert.ok(isSeeded(lib.db, name));
    const replica = openCaseReplica();
    try {
      Y.applyUpdate(replica.ydoc, Y.encodeStateAsUpdate(first.doc));
      assert.deepEqual(
        replica.read().blocks.map((b) => [b.kind, b.text]),
        stored.blocks.map((b) => [b.kind, b.text]),
      );
    } finally {
      replica.destroy();
      replica.ydoc.destroy();
    }
    // Disconnect, let the server unload the document, then open it again: no second seed.
    first.provider.destroy();
    await waitFor('the document to unload', () => !server.openDocuments().includes(name), TIMEOUT_MS);
    const again = open(server, name, editor2Token);
    await again.ready;
    assert.equal(countFor(), 1);
    assert.ok(again.doc.get('root', Y.XmlText).length > 0);
  });

  test('more than a hundred documents on one socket', async () => {
    const uuids: string[] = [];
    for (let i = 0; i < 150; i++) {
      const { id } = createVolume(lib.db, { title: `卷 ${i}` });
      uuids.push(String(lib.db.prepare('SELECT uuid FROM volumes WHERE id = ?').get(id)!.uuid));
    }
    const websocket = new HocuspocusProviderWebsocket({ url: `${server.url}?schema=${SYNC_SCHEMA_VERSION}` });
    try {
      const many = uuids.map((u) => open(server, `vol:${u}`, editorToken, { websocket }));
      await Promise.all(many.map((c) => c.ready));
      many[149]!.doc.getText('t').insert(0, 'last');
      const check = open(server, `vol:${uuids[149]}`, editor2Token);
      await check.ready;
      await waitFor('the edit on the 150th document', () => check.doc.getText('t').toString() === 'last', TIMEOUT_MS);
      for (const c of many) c.provider.destroy();
    } finally {
      websocket.destroy();
    }
  });

  test('scan files over HTTP by content hash, for users only', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5]);
    const file = storeScanFile(lib, bytes, 'png');
    const get = (p: string, token?: string) =>
      fetch(`${server.httpUrl}${p}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
    const ok = await get(`/scans/${file}`, viewerToken);
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('content-type'), 'image/png');
    assert.deepEqual(new Uint8Array(await ok.arrayBuffer()), bytes);
    const range = await fetch(`${server.httpUrl}/scans/${file}`, {
      headers: { Authorization: `Bearer ${editorToken}`, Range: 'bytes=1-3' },
    });
    assert.equal(range.status, 206);
    assert.deepEqual(new Uint8Array(await range.arrayBuffer()), bytes.slice(1, 4));

    const none = await get(`/scans/${file}`);
    assert.equal(none.status, 401);
    assert.match(await none.text(), /^sync\.badToken/);
    const revoked = await get(`/scans/${file}`, revokedToken);
    assert.equal(revoked.status, 401);
    assert.match(await revoked.text(), /^sync\.revoked/);
    assert.equal((await get('/scans/abc.png', editorToken)).status, 400);
    assert.equal((await get('/scans/..%2flibrary.sqlite', editorToken)).status, 400);
    assert.equal((await get('/scans/../library.sqlite', editorToken)).status, 404);
    assert.equal((await get(`/scans/${'0'.repeat(64)}.png`, editorToken)).status, 404);
    assert.equal((await get('/', editorToken)).status, 404);
    assert.equal((await get('/library.sqlite', editorToken)).status, 404);
  });
});

describe('sync server lifecycle', () => {
  test('close() stores what is open, disconnects clients and releases the library', async () => {
    const { dir, lib, volumeUuid } = tempLibrary();
    try {
      const token = addUser(lib.db, 'ed', 'editor').token;
      lib.close();
      const libraryDir = path.join(dir, 'library');
      const server = await startSyncServer({ libraryDir, log: () => {} });
      assert.throws(() => openLibrary(libraryDir), { code: 'LIBRARY_LOCKED' });
      const name = `vol:${volumeUuid}`;
      const client = connect(server, name, token);
      try {
        await client.ready;
        client.doc.getText('t').insert(0, 'kept');
        await waitFor('the edit to be acknowledged', () => !client.provider.hasUnsyncedChanges, TIMEOUT_MS);
        await server.close();
      } finally {
        client.provider.destroy();
      }
      const reopened = openLibrary(libraryDir);
      try {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, loadState(reopened.db, name));
        assert.equal(doc.getText('t').toString(), 'kept');
        assert.equal(logRows(reopened, name), 0, 'the log was folded into the state on close');
      } finally {
        reopened.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('a port in use is refused with a clear error, and the library is released', async () => {
  const { dir, lib } = tempLibrary();
  try {
    lib.close();
    const libraryDir = path.join(dir, 'library');
    const first = await startSyncServer({ libraryDir: path.join(dir, 'other'), log: () => {} });
    try {
      await assert.rejects(
        startSyncServer({ libraryDir, port: first.port, log: () => {} }),
        /cannot listen on 127\.0\.0\.1:\d+: EADDRINUSE/,
      );
      openLibrary(libraryDir).close();
    } finally {
      await first.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
