import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { createDispatcher } from '../../../main/ipc/dispatch.ts';
import { startWebServer } from '../../../main/web/server.ts';
import type { Handlers } from '../../../shared/ipc/contract.ts';
import { createHubProvider, type CollabStatus } from '../../../renderer/editor/collab/hubProvider.ts';
import { HUB_ORIGIN, createLocalHub, type LocalHub } from '../../../main/sync/hub.ts';
import { HUB_PATH } from '../../../shared/sync/docNames.ts';
import { openCaseReplica, seedCaseState, type CaseReplica } from '../../../shared/sync/caseReplica.ts';
import { newSharedDoc } from '../../../shared/sync/yDoc.ts';
import type { CaseDoc } from '../../../shared/model/caseDoc.ts';
import { sleep, waitFor } from './helpers.ts';

const TOKEN = 'hub-test-token-0123456789abcdef';
const CASE = 'case:0d6f2a4e-3b1c-4d5e-8f90-123456789abc';
const VIEWED = 'case:1a2b3c4d-5e6f-4a1b-9c2d-abcdefabcdef';
/** These tests wait less than the helpers' WAIT_MS: a hub on loopback answers quickly. */
const TIMEOUT_MS = 10_000;

function caseDoc(): CaseDoc {
  return {
    version: 1,
    blocks: [
      { id: 'b-title', kind: 'title', text: '社区党建引领基层治理', page: 5, breaks: [] },
      { id: 'b-org', kind: 'organization', text: '某某街道党工委', page: 5, breaks: [] },
      { id: 'b-body', kind: 'body', text: '第一段正文，讲述社区的基本情况。', page: 5, breaks: [{ at: 6, page: 6 }] },
    ],
  };
}

/** The case as the office server seeded it, once: every replica of it starts from this history. */
const CASE_SEED = seedCaseState(caseDoc());

const texts = (d: CaseDoc): string[] => d.blocks.map((b) => b.text);

/** A replica main holds (the sync client's), seeded as the office server seeds a case. */
function sourceReplica(doc?: CaseDoc): CaseReplica {
  const replica = openCaseReplica(newSharedDoc());
  Y.applyUpdate(replica.ydoc, doc ? seedCaseState(doc) : CASE_SEED, 'store');
  return replica;
}

interface Client {
  replica: CaseReplica;
  provider: HocuspocusProvider;
  ready: Promise<void>;
  failure: () => string | null;
  scope: () => string | null;
  destroy: () => void;
}

/** A renderer-like peer: a provider on Node's global WebSocket and a headless editor bound to its doc. */
function connect(url: string, name: string, token = TOKEN): Client {
  const replica = openCaseReplica(newSharedDoc());
  let failure: string | null = null;
  let scope: string | null = null;
  const provider = new HocuspocusProvider({ url, name, token, document: replica.ydoc });
  const ready = new Promise<void>((resolve, reject) => {
    provider.on('synced', () => resolve());
    provider.on('authenticated', (e: { scope: string }) => (scope = e.scope));
    provider.on('authenticationFailed', (e: { reason: string }) => {
      failure = e.reason;
      reject(new Error(e.reason));
    });
  });
  ready.catch(() => {});
  return {
    replica,
    provider,
    ready,
    failure: () => failure,
    scope: () => scope,
    destroy: () => {
      provider.destroy();
      replica.destroy();
      replica.ydoc.destroy();
    },
  };
}

function withText(doc: CaseDoc, index: number, text: string): CaseDoc {
  return { ...doc, blocks: doc.blocks.map((b, i) => (i === index ? { ...b, text } : b)) };
}

/** A node http server on 127.0.0.1:0 with the hub on its `/sync` upgrades (as browser mode mounts it). */
async function attachedHub(hub: LocalHub): Promise<{ url: string; server: http.Server; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => res.end('page'));
  server.on('upgrade', (req, socket, head) => {
    if (req.url?.split('?')[0] !== HUB_PATH) socket.destroy();
    else hub.handleUpgrade(req, socket, head);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}${HUB_PATH}`,
    server,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

describe('local hub, listening on its own', () => {
  test('listen(): serves 127.0.0.1, guards Host, and close() leaves nothing behind', async () => {
    const source = sourceReplica();
    const hub = createLocalHub({ token: TOKEN, docFor: (n) => (n === CASE ? source.ydoc : null) });
    const signals = ['SIGINT', 'SIGTERM', 'SIGQUIT'].map((sig) => process.listenerCount(sig));
    const { url, port } = await hub.listen();
    assert.deepEqual(
      ['SIGINT', 'SIGTERM', 'SIGQUIT'].map((sig) => process.listenerCount(sig)),
      signals,
      'the hub installs no signal handlers',
    );
    assert.match(url, /^ws:\/\/127\.0\.0\.1:\d+\/sync$/);
    assert.equal(url, `ws://127.0.0.1:${port}/sync`);

    const client = connect(url, CASE);
    await client.ready;
    await waitFor('content', () => client.replica.read().blocks.length === 3, TIMEOUT_MS);
    client.replica.apply(withText(client.replica.read(), 0, '新标题'));
    await waitFor('edit at the source', () => texts(source.read())[0] === '新标题', TIMEOUT_MS);

    // Another name for the host (DNS rebinding) is cut before any WebSocket handshake.
    const rebound = await new Promise<string>((resolve) => {
      const req = http.request({
        host: '127.0.0.1',
        port,
        path: '/sync',
        headers: {
          Host: `evil.example:${port}`,
          Connection: 'Upgrade',
          Upgrade: 'websocket',
          'Sec-WebSocket-Version': '13',
          'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        },
      });
      req.on('upgrade', () => resolve('upgraded'));
      req.on('response', (res) => resolve(`response ${res.statusCode}`));
      req.on('error', () => resolve('cut'));
      req.end();
    });
    assert.equal(rebound, 'cut');
    // Plain HTTP gets nothing.
    const plain = await fetch(`http://127.0.0.1:${port}/sync`);
    assert.equal(plain.status, 404);
    await plain.body?.cancel();

    client.destroy();
    await hub.close();
    await hub.close();
    assert.deepEqual(hub.openDocuments(), []);
    // The source is no longer bridged: its edits go nowhere, and nothing throws.
    source.apply(withText(source.read(), 1, '关闭之后'));
    await sleep(50);
    const left = process.getActiveResourcesInfo().filter((r) => /TCP|Timeout|Immediate/.test(r));
    assert.deepEqual(left, [], 'no sockets, servers or timers left');
    source.destroy();
    source.ydoc.destroy();
  });

  test('a source document main replaces: the editors reconnect to the new one, or are refused', async () => {
    let source: CaseReplica | null = sourceReplica();
    const first = source;
    const hub = createLocalHub({ token: TOKEN, docFor: (n) => (n === CASE && source ? source.ydoc : null) });
    const { url } = await hub.listen();
    const client = connect(url, CASE);
    const replacement = sourceReplica();
    try {
      await client.ready;
      await waitFor('content', () => client.replica.read().blocks.length === 3, TIMEOUT_MS);
      // Main reloads the case (same history, plus a change the old replica never had).
      replacement.apply(withText(replacement.read(), 1, '重新载入之后'));
      source = replacement;
      first.destroy();
      first.ydoc.destroy();
      await waitFor('the new replica at the client', () => texts(client.replica.read())[1] === '重新载入之后', TIMEOUT_MS);
      client.replica.apply(withText(client.replica.read(), 0, '写进新副本'));
      await waitFor('the client’s edit in the new replica', () => texts(replacement.read())[0] === '写进新副本', TIMEOUT_MS);

      // The case goes away altogether: the editor is refused on reconnecting.
      source = null;
      replacement.destroy();
      replacement.ydoc.destroy();
      await waitFor('the refusal', () => client.failure() === 'hub.badDoc', TIMEOUT_MS);
    } finally {
      client.destroy();
      await hub.close();
    }
  });
});

describe('local hub', () => {
  const sources = new Map<string, CaseReplica>([
    [CASE, sourceReplica()],
    [VIEWED, sourceReplica(withText(caseDoc(), 0, '只读的案例'))],
  ]);
  const hub = createLocalHub({
    token: TOKEN,
    docFor: (name) => sources.get(name)?.ydoc ?? null,
    isReadOnly: (name) => name === VIEWED,
  });
  let web: Awaited<ReturnType<typeof attachedHub>>;
  const clients: Client[] = [];
  const open = (name: string, token?: string): Client => {
    const c = connect(web.url, name, token);
    clients.push(c);
    return c;
  };

  after(async () => {
    for (const c of clients) c.destroy();
    await hub.close();
    await web?.close();
    for (const s of sources.values()) {
      s.destroy();
      s.ydoc.destroy();
    }
  });

  test('a client receives the source document through a hub on an existing server', async () => {
    web = await attachedHub(hub);
    const client = open(CASE);
    await client.ready;
    assert.equal(client.scope(), 'read-write');
    await waitFor('content', () => client.replica.read().blocks.length === 3, TIMEOUT_MS);
    assert.deepEqual(client.replica.read(), sources.get(CASE)!.read());
    assert.deepEqual(hub.openDocuments(), [CASE]);
  });

  test('edits flow both ways, once each, without echoes', async () => {
    const source = sources.get(CASE)!;
    const client = open(CASE);
    await client.ready;
    await waitFor('content', () => client.replica.read().blocks.length === 3, TIMEOUT_MS);

    const sourceUpdates: unknown[] = [];
    const clientUpdates: unknown[] = [];
    source.ydoc.on('update', (_u: Uint8Array, origin: unknown) => sourceUpdates.push(origin));
    client.replica.ydoc.on('update', (_u: Uint8Array, origin: unknown) => clientUpdates.push(origin));

    // The client (an editor) edits: the source gets it, tagged as the hub's.
    client.replica.apply(withText(client.replica.read(), 1, '某某街道党工委（修改）'));
    await waitFor('client edit at the source', () => texts(source.read())[1] === '某某街道党工委（修改）', TIMEOUT_MS);
    await sleep(150);
    assert.deepEqual(sourceUpdates, [HUB_ORIGIN], 'one update reaches the source');
    assert.equal(clientUpdates.length, 1, 'the client hears nothing back of its own edit');
    assert.notEqual(clientUpdates[0], client.provider);

    // The source (main: the office server's merge, a classic save) changes: the client gets it.
    sourceUpdates.length = 0;
    clientUpdates.length = 0;
    source.apply(withText(source.read(), 2, '第一段正文，讲述社区的基本情况（来自服务器）。'));
    await waitFor('source edit at the client', () => texts(client.replica.read())[2]!.includes('来自服务器'), TIMEOUT_MS);
    await sleep(150);
    assert.equal(sourceUpdates.length, 1, 'the source hears nothing back of its own edit');
    assert.notEqual(sourceUpdates[0], HUB_ORIGIN);
    assert.deepEqual(clientUpdates, [client.provider], 'one update reaches the client');
    assert.deepEqual(client.replica.read(), source.read());
  });

  test('two editors on the hub see each other', async () => {
    const a = open(CASE);
    const b = open(CASE);
    await Promise.all([a.ready, b.ready]);
    await waitFor('content', () => a.replica.read().blocks.length === 3 && b.replica.read().blocks.length === 3, TIMEOUT_MS);
    a.replica.apply(withText(a.replica.read(), 0, '标题甲'));
    await waitFor('a’s edit at b', () => texts(b.replica.read())[0] === '标题甲', TIMEOUT_MS);
    assert.equal(texts(sources.get(CASE)!.read())[0], '标题甲');
  });

  test('a wrong token is refused', async () => {
    const client = open(CASE, 'not-the-token-0000000000000000');
    await assert.rejects(client.ready);
    assert.equal(client.failure(), 'hub.badToken');
  });

  test('a document main does not hold is refused', async () => {
    const client = open('case:99999999-9999-4999-8999-999999999999');
    await assert.rejects(client.ready);
    assert.equal(client.failure(), 'hub.badDoc');
    const junk = open('../../etc/passwd');
    await assert.rejects(junk.ready);
    assert.equal(junk.failure(), 'hub.badDoc');
  });

  test('a read-only document: the client reads it, its edits never reach the source', async () => {
    const source = sources.get(VIEWED)!;
    const before = source.read();
    const client = open(VIEWED);
    await client.ready;
    assert.equal(client.scope(), 'readonly');
    await waitFor('content', () => client.replica.read().blocks.length === 3, TIMEOUT_MS);
    assert.deepEqual(client.replica.read(), before);
    let sourceUpdates = 0;
    source.ydoc.on('update', () => sourceUpdates++);
    client.replica.apply(withText(client.replica.read(), 0, '偷偷修改'));
    await sleep(300);
    assert.equal(sourceUpdates, 0);
    assert.deepEqual(source.read(), before);
    // Changes of the source still reach the viewer.
    source.apply(withText(before, 1, '服务器的修改'));
    await waitFor('source edit at the viewer', () => texts(client.replica.read())[1] === '服务器的修改', TIMEOUT_MS);
  });

  test('upgrades on other paths never reach the hub', async () => {
    const { port } = web.server.address() as AddressInfo;
    const status = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/elsewhere`);
      ws.onopen = () => resolve('open');
      ws.onerror = () => resolve('error');
    });
    assert.equal(status, 'error');
  });
});

/** What a raw upgrade request to the web server gets: `upgraded` or `cut` (socket destroyed). */
function tryUpgrade(port: number, rawPath: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      path: rawPath,
      agent: false,
      headers: {
        Host: `127.0.0.1:${port}`,
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...headers,
      },
    });
    req.on('upgrade', (_res, socket) => {
      socket.destroy();
      resolve('upgraded');
    });
    req.on('response', (res) => {
      res.resume();
      resolve(`response ${res.statusCode}`);
    });
    req.on('error', () => resolve('cut'));
    req.end();
  });
}

describe('browser mode: the web server hands /sync to the hub', () => {
  test('guards, routing and CSP', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-web-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>编校台</title>');
    const source = sourceReplica();
    const hub = createLocalHub({ token: TOKEN, docFor: (n) => (n === CASE ? source.ydoc : null) });
    const web = await startWebServer({
      dispatch: createDispatcher({} as Handlers),
      staticDir: dir,
      scansDir: () => dir,
      onUpgrade: (req, socket, head) => hub.handleUpgrade(req, socket, head),
    });
    const plain = await startWebServer({ dispatch: createDispatcher({} as Handlers), staticDir: dir, scansDir: () => dir });
    let client: Client | null = null;
    try {
      const { port } = web;
      const page = await fetch(`${web.url}/`);
      const csp = page.headers.get('content-security-policy') ?? '';
      await page.body?.cancel();
      assert.ok(
        csp.split('; ').includes(`connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`),
        `the page may open the hub's socket: ${csp}`,
      );
      const plainPage = await fetch(`${plain.url}/`);
      assert.ok((plainPage.headers.get('content-security-policy') ?? '').split('; ').includes(`connect-src 'self'`));
      await plainPage.body?.cancel();

      client = connect(`ws://127.0.0.1:${port}/sync`, CASE);
      await client.ready;
      await waitFor('content', () => client!.replica.read().blocks.length === 3, TIMEOUT_MS);
      client.replica.apply(withText(client.replica.read(), 0, '浏览器里的修改'));
      await waitFor('edit at the source', () => texts(source.read())[0] === '浏览器里的修改', TIMEOUT_MS);

      assert.equal(await tryUpgrade(port, '/sync', { Origin: `http://127.0.0.1:${port}` }), 'upgraded');
      assert.equal(
        await tryUpgrade(port, '/sync?x=1', { Origin: `http://localhost:${port}`, Host: `localhost:${port}` }),
        'upgraded',
      );
      assert.equal(await tryUpgrade(port, '/sync', { Origin: 'http://evil.example' }), 'cut');
      assert.equal(await tryUpgrade(port, '/sync', { Host: `evil.example:${port}` }), 'cut');
      assert.equal(await tryUpgrade(port, '/api/sync', {}), 'cut');
      assert.equal(await tryUpgrade(port, '/sync/x', {}), 'cut');
      assert.equal(await tryUpgrade(port, '/%2e%2e/sync', {}), 'cut');
      assert.equal(await tryUpgrade(plain.port, '/sync', {}), 'cut', 'no hub mounted: no upgrades');
    } finally {
      // The web server cuts the hub's sockets itself: closing it while a client is on must not hang.
      await web.close();
      client?.destroy();
      await plain.close();
      await hub.close();
      source.destroy();
      source.ydoc.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the renderer’s provider (renderer/editor/collab/hubProvider.ts) on the hub', () => {
  test('status: connecting → synced, edits acknowledged, offline when the hub goes, refusals named', async () => {
    const source = sourceReplica();
    const viewed = sourceReplica();
    const hub = createLocalHub({
      token: TOKEN,
      docFor: (n) => (n === CASE ? source.ydoc : n === VIEWED ? viewed.ydoc : null),
      isReadOnly: (n) => n === VIEWED,
    });
    const { url } = await hub.listen();
    const states: CollabStatus[] = [];
    const provider = createHubProvider({ url, token: TOKEN, name: CASE, onStatus: (s) => states.push(s) });
    const viewer = createHubProvider({ url, token: TOKEN, name: VIEWED });
    const stranger = createHubProvider({ url, token: 'wrong-token-0000000000000000', name: CASE });
    const replica = openCaseReplica(provider.doc);
    const syncs: boolean[] = [];
    const onSync = (s: boolean) => syncs.push(s);
    provider.on('sync', onSync);
    try {
      assert.equal(provider.status().state, 'connecting');
      assert.equal(provider.connect(), undefined, 'connect() returns no promise (StrictMode remounts)');
      viewer.connect();
      stranger.connect();
      await waitFor('synced', () => provider.status().state === 'synced', TIMEOUT_MS);
      assert.deepEqual(syncs, [true], 'Lexical hears `sync` (true) for Hocuspocus’s `synced`');
      assert.deepEqual(replica.read(), source.read());
      assert.equal(provider.status().readOnly, false);

      const n = states.length;
      replica.apply(withText(replica.read(), 0, '状态测试'));
      await waitFor('the edit at the source', () => texts(source.read())[0] === '状态测试', TIMEOUT_MS);
      await waitFor('synced again', () => provider.status().state === 'synced', TIMEOUT_MS);
      assert.ok(
        states.slice(n).some((s) => s.state === 'connected' && s.unsyncedChanges > 0),
        'an edit waits for the hub’s receipt',
      );

      await waitFor('the viewer', () => viewer.status().state === 'synced', TIMEOUT_MS);
      assert.equal(viewer.status().readOnly, true);
      await waitFor('the refusal', () => stranger.status().state === 'refused', TIMEOUT_MS);
      assert.equal(stranger.status().reason, 'hub.badToken');

      // Lexical's StrictMode rehearsal: disconnect, then connect again on the same provider.
      provider.disconnect();
      await waitFor('offline', () => provider.status().state === 'offline', TIMEOUT_MS);
      provider.connect();
      await waitFor('synced after reconnecting', () => provider.status().state === 'synced', TIMEOUT_MS);

      await hub.close();
      await waitFor('offline when the hub is gone', () => provider.status().state === 'offline', TIMEOUT_MS);
    } finally {
      provider.off('sync', onSync);
      for (const p of [provider, viewer, stranger]) p.destroy();
      provider.destroy(); // twice: harmless
      replica.destroy();
      await hub.close();
      for (const s of [source, viewed]) {
        s.destroy();
        s.ydoc.destroy();
      }
    }
    // A reconnect timer the sockets set when the hub went (1 s) runs out, and must not reconnect.
    const left = () => process.getActiveResourcesInfo().filter((r) => /TCP|Timeout|Immediate/.test(r));
    await waitFor(`no sockets or timers left (${left().join(', ')})`, () => left().length === 0, 3000);
    await sleep(1200);
    assert.deepEqual(left(), [], 'nothing reconnected after destroy()');
  });
});
