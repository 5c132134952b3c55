// Team sync figures (issue 11): keystroke-to-peer latency over loopback, a 100-case volume reaching
// a new machine, and the update log of 10,000 edits before and after compaction.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { $getRoot, $isElementNode, $isTextNode } from 'lexical';
import * as Y from 'yjs';
import { createCase, createVolume, openLibrary } from '../../main/store/index.ts';
import { startSyncClient } from '../../main/sync/client.ts';
import { startSyncServer } from '../../main/sync/server.ts';
import { makeSelfSignedCertificate, pinnedTlsOptions, tlsWebSocket } from '../../main/sync/tls.ts';
import { appendUpdate, compact, logBytes } from '../../main/sync/updateLog.ts';
import { addUser } from '../../main/sync/users.ts';
import type { CaseDoc } from '../../shared/model/caseDoc.ts';
import { openCaseReplica, seedCaseState } from '../../shared/sync/caseReplica.ts';
import { caseDocName, SYNC_SCHEMA_VERSION } from '../../shared/sync/docNames.ts';
import { mb, ms } from './memory.ts';
import { percentile } from './stats.ts';

export const title = 'Team sync: latency, a new machine, the update log';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(ROOT, 'main', 'cli', 'index.ts');

function caseDoc(n: number): CaseDoc {
  const para = (i: number) => `第${n}个案例第${i}段：围绕基层党建、乡村振兴和社区治理，记述做法、成效和经验。`.repeat(6);
  return {
    version: 1,
    blocks: [
      { kind: 'title', text: `案例${n}：某某单位的好做法`, page: n, breaks: [] },
      { kind: 'organization', text: '某某县某某镇党委', page: n, breaks: [] },
      ...Array.from({ length: 12 }, (_, i) => ({ kind: 'body' as const, text: para(i), page: n, breaks: [] })),
    ],
  };
}

/** A library with one volume of `count` cases; returns its folder. */
function makeLibrary(dir: string, count: number): void {
  const lib = openLibrary(dir);
  try {
    const vol = createVolume(lib.db, { title: '基准卷' });
    for (let n = 1; n <= count; n++)
      createCase(lib.db, { volumeId: vol.id, number: n, title: `案例${n}`, doc: caseDoc(n), who: '编辑' });
  } finally {
    lib.close();
  }
}

/** Keystroke latency between two peers, over `ws://` or (secure) `wss://` with a pinned certificate. */
async function latency(root: string, secure: boolean): Promise<void> {
  const dir = path.join(root, secure ? 'latency-tls' : 'latency');
  makeLibrary(dir, 1);
  const lib = openLibrary(dir);
  const token = addUser(lib.db, '甲', 'editor').token;
  const uuid = String(lib.db.prepare('SELECT uuid FROM cases LIMIT 1').get()!.uuid);
  const tls = secure ? await makeSelfSignedCertificate() : undefined;
  const server = await startSyncServer({ lib, log: () => {}, ...(tls ? { tls } : {}) });
  const pinned = tls ? pinnedTlsOptions(tls.cert) : undefined;
  const peers = [0, 1].map(() => {
    const replica = openCaseReplica();
    const socket = new HocuspocusProviderWebsocket({
      url: `${server.url}?schema=${SYNC_SCHEMA_VERSION}`,
      ...(pinned ? { WebSocketPolyfill: tlsWebSocket(pinned) } : {}),
    });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: caseDocName(uuid),
      document: replica.ydoc,
      token,
    });
    provider.attach();
    return { replica, socket, provider };
  });
  try {
    await Promise.all(
      peers.map((p) => new Promise<void>((r) => (p.provider.isSynced ? r() : p.provider.on('synced', () => r())))),
    );
    const [a, b] = peers as [(typeof peers)[0], (typeof peers)[0]];
    const text = b.replica.ydoc.get('root', Y.XmlText);
    const samples: number[] = [];
    for (let i = 0; i < 300; i++) {
      const seen = new Promise<number>((resolve) => {
        const onUpdate = () => {
          text.unobserveDeep(onUpdate);
          resolve(performance.now());
        };
        text.observeDeep(onUpdate);
      });
      const t0 = performance.now();
      // A keystroke as the editor makes it: one character at the end of the last paragraph.
      a.replica.update(() => {
        const last = $getRoot().getLastChild();
        const node = $isElementNode(last) ? last.getLastChild() : null;
        if ($isTextNode(node)) node.setTextContent(node.getTextContent() + '字');
      });
      samples.push((await seen) - t0);
      await new Promise((r) => setTimeout(r, 2));
    }
    console.log(
      `   keystroke → visible on the other peer (300, loopback, ${secure ? 'wss:// pinned' : 'ws://'}): p50 ${ms(percentile(samples, 50))} ms, p95 ${ms(percentile(samples, 95))} ms, max ${ms(Math.max(...samples))} ms (aim: p95 < 200 ms)`,
    );
  } finally {
    for (const p of peers) {
      p.provider.destroy();
      p.socket.destroy();
      p.replica.destroy();
    }
    await server.close();
    lib.close();
  }
}

/** How long the new-machine run waits for any one step before it fails instead of hanging. */
const WAIT_MS = 60_000;

/** `promise`, or a failure naming `what` once `deadline` (epoch ms) passes (the timer never outlives it). */
async function bounded<T>(what: string, promise: Promise<T>, deadline: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`)),
          Math.max(0, deadline - Date.now()),
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function newMachine(root: string): Promise<void> {
  const dir = path.join(root, 'office');
  makeLibrary(dir, 100);
  const add = spawnSync(process.execPath, [CLI, 'users', 'add', '乙', '--role', 'editor', '--library', dir], {
    encoding: 'utf8',
    timeout: WAIT_MS,
  });
  if (add.error) throw new Error(`cli users add failed: ${add.error.message}`);
  if (add.status !== 0) throw new Error(`cli users add exited ${add.status ?? add.signal}: ${add.stderr.trim()}`);
  const token = add.stdout.trim();
  if (!token) throw new Error(`cli users add printed no token: ${add.stderr.trim()}`);
  const child = spawn(process.execPath, [CLI, 'serve', '--library', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let serveErr = '';
  child.stderr!.on('data', (d: Buffer) => (serveErr += d.toString()));
  try {
    const url = await bounded(
      'cli serve to print SYNC_URL',
      new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /SYNC_URL=(\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code, signal) => reject(new Error(`serve exited ${code ?? signal}: ${serveErr.trim()}`)));
      }),
      Date.now() + WAIT_MS,
    );
    const freshDir = path.join(root, 'fresh');
    const lib = openLibrary(freshDir);
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const t0 = performance.now();
    const client = startSyncClient({ lib, url, token, who: '乙', rebuildDelayMs: 20 });
    try {
      const deadline = Date.now() + WAIT_MS;
      await bounded('the new machine to discover the volume', client.discover(), deadline);
      for (;;) {
        await bounded('the new machine to sync', client.whenSynced(), deadline);
        client.flushVolumes();
        client.flushRebuilds();
        const n = Number(lib.db.prepare("SELECT count(*) AS n FROM cases WHERE text <> ''").get()!.n);
        if (n === 100) break;
        if (Date.now() > deadline) throw new Error(`timed out after ${WAIT_MS} ms waiting for 100 cases with text (have ${n})`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const elapsed = performance.now() - t0;
      clearInterval(sampler);
      console.log(
        `   a 100-case volume (${mb(fs.statSync(path.join(dir, 'library.sqlite')).size)} MB library) to a new machine: ${ms(elapsed)} ms until every row and search entry is written; peak RSS +${mb(peak - rss0)} MB (aim: < 10 s)`,
      );
    } finally {
      clearInterval(sampler);
      await client.close();
      lib.close();
    }
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  }
}

function updateLog(root: string): void {
  const dir = path.join(root, 'log');
  const lib = openLibrary(dir);
  try {
    const name = caseDocName('019ad3c2-7f1e-7a3b-8c4d-5e6f70819aab');
    const replica = openCaseReplica();
    replica.ydoc.on('update', (u: Uint8Array) => appendUpdate(lib.db, name, u));
    Y.applyUpdate(replica.ydoc, seedCaseState(caseDoc(1)));
    const seeded = logBytes(lib.db, name);
    const t0 = performance.now();
    for (let i = 0; i < 10_000; i++) {
      replica.update(() => {
        const blocks = $getRoot().getChildren();
        const block = blocks[2 + (i % 12)];
        const node = $isElementNode(block) ? block.getFirstChild() : null;
        if (!$isTextNode(node)) return;
        const t = node.getTextContent();
        // Typing, with a deletion every tenth keystroke, spread over the case's paragraphs.
        node.setTextContent(i % 10 === 9 ? t.slice(0, -1) : t + '改');
      });
    }
    const editing = performance.now() - t0;
    const rows = Number(lib.db.prepare('SELECT count(*) AS n FROM sync_updates').get()!.n);
    const t1 = performance.now();
    const { before, after } = compact(lib.db, name);
    console.log(
      `   10,000 edits of one case: ${rows} log rows, ${(before / 1024).toFixed(0)} KB (seed ${(seeded / 1024).toFixed(0)} KB) → ${(after / 1024).toFixed(0)} KB after compaction (${ms(performance.now() - t1)} ms); editing with logging ${ms(editing / 10_000)} ms/edit`,
    );
    replica.destroy();
  } finally {
    lib.close();
  }
}

export async function run(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cbw-sync-bench-'));
  try {
    await latency(root, false);
    await latency(root, true);
    await newMachine(root);
    updateLog(root);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
