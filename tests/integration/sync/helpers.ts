import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  DB_FILE,
  createCase,
  createVolume,
  getCase,
  openLibrary,
  saveCase,
  writeImport,
  type Library,
} from '../../../main/store/index.ts';
import { startSyncClient, type SyncClient, type SyncClientOptions } from '../../../main/sync/client.ts';
import { startSyncServer, type SyncServer, type SyncServerOptions } from '../../../main/sync/server.ts';
import { addUser } from '../../../main/sync/users.ts';
import type { CaseDoc } from '../../../shared/model/caseDoc.ts';
import { seedImport } from '../store/helpers/fixtures.ts';

export const WAIT_MS = 15_000;

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `cond` every 10 ms until it holds; fails naming `what` after `timeoutMs`. */
export async function waitFor(what: string, cond: () => boolean, timeoutMs = WAIT_MS): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

/** `promise`, or a failure naming `what` after `timeoutMs` (the timer never outlives it). */
export async function within<T>(what: string, promise: Promise<T>, timeoutMs = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export function tempRoot(prefix = 'casebook-sync-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A case whose blocks cross pages (leading markers and breaks inside blocks), for the page-marker edits. */
export function pagedDoc(): CaseDoc {
  return {
    version: 1,
    blocks: [
      { kind: 'title', text: '社区党建引领基层治理', page: 5, breaks: [] },
      { kind: 'organization', text: '某某街道党工委', page: 5, breaks: [] },
      { kind: 'body', text: '第一段正文，讲述社区的基本情况和面临的问题。', page: 5, breaks: [{ at: 10, page: 6 }] },
      { kind: 'heading', text: '一、主要做法', page: 6, breaks: [] },
      { kind: 'body', text: '第二段正文，介绍具体做法和创新举措。', page: 6, breaks: [] },
      { kind: 'body', text: '第三段正文，总结取得的成效。', page: 7, breaks: [] },
    ],
  };
}

/**
 * Makes a library in `dir` (then closes it): the seed volume (nine pages, case 001 as printed and
 * one short case per contents entry), one more case in it whose text crosses pages, and a second
 * volume with one case. Returns the ids of the extra cases.
 */
export function makeLibraryWithCases(dir: string): { pagedCaseId: number; otherVolumeCaseId: number } {
  const lib = openLibrary(dir);
  try {
    const volume = writeImport(lib.db, seedImport());
    const paged = createCase(lib.db, {
      volumeId: volume.id,
      number: 99,
      title: '社区党建引领基层治理',
      organization: '某某街道党工委',
      pageStart: 5,
      pageEnd: 7,
      doc: pagedDoc(),
      who: '编辑甲',
    });
    const other = createVolume(lib.db, { title: '第二卷' });
    const lone = createCase(lib.db, {
      volumeId: other.id,
      number: 1,
      title: '第二卷的案例',
      doc: {
        version: 1,
        blocks: [
          { kind: 'title', text: '第二卷的案例', page: 0, breaks: [] },
          { kind: 'body', text: '第二卷正文。', page: 0, breaks: [] },
        ],
      },
      who: '编辑甲',
    });
    return { pagedCaseId: paged.id, otherVolumeCaseId: lone.id };
  } finally {
    lib.close();
  }
}

/** What each machine got: a copy of the (closed) library's database, so the same cases and uuids. */
export function cloneLibrary(fromDir: string, toDir: string): void {
  fs.mkdirSync(toDir, { recursive: true });
  fs.copyFileSync(path.join(fromDir, DB_FILE), path.join(toDir, DB_FILE));
}

/** A port nobody listens on now (for a server started later). */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

/** The office server on its own copy of the library, with users; restartable on the same port. */
export interface TestServer {
  lib: Library;
  port: number;
  url: string;
  tokens: Map<string, string>;
  server: SyncServer | null;
  log: string[];
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops the server and closes its library. */
  close(): Promise<void>;
}

export async function startTestServer(
  dir: string,
  users: readonly string[],
  port = 0,
  extra: Partial<SyncServerOptions> = {},
): Promise<TestServer> {
  const lib = openLibrary(dir);
  const tokens = new Map<string, string>();
  for (const name of users) tokens.set(name, addUser(lib.db, name, 'editor').token);
  const log: string[] = [];
  const ts: TestServer = {
    lib,
    port,
    url: port === 0 ? '' : `ws://127.0.0.1:${port}`,
    tokens,
    server: null,
    log,
    async start() {
      if (ts.server) return;
      ts.server = await startSyncServer({
        lib,
        host: '127.0.0.1',
        port: ts.port,
        debounceMs: 200,
        log: (l) => log.push(l),
        ...extra,
      });
      ts.port = ts.server.port;
      ts.url = ts.server.url;
    },
    async stop() {
      const s = ts.server;
      ts.server = null;
      await s?.close();
    },
    async close() {
      await ts.stop();
      lib.close();
    },
  };
  return ts;
}

/** An app stand-in: its library open and its sync client running. */
export interface TestApp {
  dir: string;
  lib: Library;
  client: SyncClient;
  rebuilt: number[];
  /** Closes the client, then the library. */
  close(): Promise<void>;
}

export function startApp(dir: string, url: string, token: string, who: string, extra: Partial<SyncClientOptions> = {}): TestApp {
  const lib = openLibrary(dir);
  const rebuilt: number[] = [];
  const client = startSyncClient({
    lib,
    url,
    token,
    who,
    rebuildDelayMs: 50,
    reconnectDelayMs: 100,
    reconnectMaxDelayMs: 400,
    onCaseRebuilt: (id) => rebuilt.push(id),
    ...extra,
  });
  return {
    dir,
    lib,
    client,
    rebuilt,
    async close() {
      try {
        await client.close();
      } finally {
        lib.close();
      }
    },
  };
}

/**
 * An edit as the app's save path makes it: the row saved (a 'save' revision), then the saved
 * document written into the case's shared document. Pending merges are written first, so the
 * edit starts from the merged text.
 */
export function edit(app: TestApp, caseId: number, change: (doc: CaseDoc) => CaseDoc, who = 'editor'): CaseDoc {
  app.client.flushRebuilds();
  const current = getCase(app.lib.db, caseId);
  saveCase(app.lib.db, { id: caseId, version: current.version, doc: change(structuredClone(current.doc)), who });
  const saved = getCase(app.lib.db, caseId).doc;
  app.client.saveLocal(caseId, saved);
  return saved;
}

/** A document in a canonical form (fixed key order), to compare documents from different paths. */
export function canonical(doc: CaseDoc): string {
  return JSON.stringify(
    doc.blocks.map((b) => ({
      id: b.id ?? null,
      kind: b.kind,
      text: b.text,
      page: b.page,
      breaks: b.breaks.map((br) => ({ at: br.at, page: br.page })),
      source: b.source ?? null,
    })),
  );
}

/** Every case's row as search and export see it: uuid, text and document (canonical), by uuid. */
export function caseRows(lib: Library): { uuid: string; text: string; doc: string }[] {
  return lib.db
    .prepare('SELECT uuid, text, doc FROM cases ORDER BY uuid')
    .all()
    .map((r) => ({ uuid: String(r.uuid), text: String(r.text), doc: canonical(JSON.parse(String(r.doc)) as CaseDoc) }));
}

/** The cases (their uuids) the full-text index finds for `query`. */
export function ftsHits(lib: Library, query: string): string[] {
  return lib.db
    .prepare('SELECT c.uuid FROM cases_fts f JOIN cases c ON c.id = f.rowid WHERE cases_fts MATCH ? ORDER BY c.uuid')
    .all(query)
    .map((r) => String(r.uuid));
}

/**
 * Waits until both apps hold the same shared document of `caseId`, everything is confirmed by the
 * server and the pending rows are rebuilt; then checks the rows (text, document) are identical.
 */
export async function converge(a: TestApp, b: TestApp, caseId: number): Promise<CaseDoc> {
  await waitFor(
    `case ${caseId} to converge`,
    () => canonical(a.client.readCase(caseId)) === canonical(b.client.readCase(caseId)),
  );
  await within('app A synced', a.client.whenSynced());
  await within('app B synced', b.client.whenSynced());
  // Another remote update may still be on its way: wait until both agree again after syncing.
  await waitFor(
    `case ${caseId} to converge after sync`,
    () => canonical(a.client.readCase(caseId)) === canonical(b.client.readCase(caseId)),
  );
  a.client.flushRebuilds();
  b.client.flushRebuilds();
  const doc = a.client.readCase(caseId);
  const rowA = getCase(a.lib.db, caseId);
  const rowB = getCase(b.lib.db, caseId);
  assert.equal(rowA.text, rowB.text, 'both rows hold the same text');
  assert.equal(canonical(rowA.doc), canonical(rowB.doc), 'both rows hold the same document');
  assert.equal(canonical(rowA.doc), canonical(doc), 'the row is the shared document');
  return doc;
}

const SERVER_MODULE = path.resolve(import.meta.dirname, '..', '..', '..', 'main', 'sync', 'server.ts');

/** The office server in a child process (so a test can SIGKILL it), on `libraryDir` and `port`. */
export interface ChildServer {
  child: ChildProcess;
  port: number;
  url: string;
  /** SIGKILL: no store, no goodbye; resolves once the process is gone. */
  kill(): Promise<void>;
}

export async function startChildServer(libraryDir: string, port = 0): Promise<ChildServer> {
  const code = `
    const { startSyncServer } = await import(${JSON.stringify(SERVER_MODULE)});
    const server = await startSyncServer({ libraryDir: ${JSON.stringify(libraryDir)}, host: '127.0.0.1', port: ${port}, log: () => {} });
    process.stdout.write('PORT=' + server.port + '\\n');
    process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const gotPort = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /PORT=(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (c) => reject(new Error(`server child exited (${c}): ${err}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    port: gotPort,
    url: `ws://127.0.0.1:${gotPort}`,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
