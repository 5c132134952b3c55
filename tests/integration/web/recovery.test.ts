// Browser mode on a library it cannot open keeps serving: the page learns why and can take over the lock.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppErrorShape } from '../../../shared/ipc/errors.ts';
import type { LibraryStatus } from '../../../shared/ipc/library.ts';
import { startLibraryHost, type LibraryHost } from '../../../main/services/host.ts';
import { openConfPrefs } from '../../../main/services/prefs.ts';
import { LOCK_FILE } from '../../../main/store/index.ts';
import { startWebServer, type WebServer } from '../../../main/web/server.ts';

interface Answer {
  status: number;
  body: { ok: boolean; value?: unknown; error?: AppErrorShape };
}

describe('browser mode on a locked library', () => {
  let dir: string;
  let libraryDir: string;
  let host: LibraryHost;
  let server: WebServer;
  const foreign = { pid: 31337, hostname: `laptop-of-${os.hostname()}`, startedAt: '2024-05-01T08:30:00.000Z' };

  async function post(channel: string, body: unknown = {}): Promise<Answer> {
    const res = await fetch(`${server.url}/api/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Answer['body'] };
  }

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-recovery-'));
    libraryDir = path.join(dir, 'library');
    fs.mkdirSync(libraryDir);
    fs.writeFileSync(path.join(libraryDir, LOCK_FILE), JSON.stringify(foreign));
    const staticDir = path.join(dir, 'static');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>编校台</title>');
    host = await startLibraryHost({ libraryDir, mode: 'web', prefs: await openConfPrefs(dir) });
    server = await startWebServer({ dispatch: host.dispatch, staticDir, scansDir: host.scansDir });
  });

  after(async () => {
    await server.close();
    await host.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('status says unavailable and who holds the lock; library calls are 423 LIBRARY_LOCKED; preferences work', async () => {
    const status = await post('library:status');
    assert.equal(status.status, 200);
    const s = status.body.value as LibraryStatus;
    assert.equal(s.state, 'unavailable');
    assert.equal(s.error?.code, 'LIBRARY_LOCKED');
    assert.equal(s.lock?.hostname, foreign.hostname);
    assert.equal(s.lock?.pid, foreign.pid);
    assert.equal(s.lock?.startedAt, foreign.startedAt);
    assert.equal(s.lock?.file, path.join(libraryDir, LOCK_FILE));

    const list = await post('volumes:list');
    assert.equal(list.status, 423);
    assert.equal(list.body.error?.code, 'LIBRARY_LOCKED');
    assert.equal(list.body.error?.details?.lockFile, path.join(libraryDir, LOCK_FILE));

    assert.equal((await post('prefs:get')).status, 200);
    const page = await fetch(`${server.url}/`);
    assert.equal(page.status, 200, 'the page itself is served');
  });

  test('a take-over needs confirm: true; with it the library opens and library calls work', async () => {
    const unconfirmed = await post('library:takeOver', { confirm: false });
    assert.equal(unconfirmed.status, 400);
    assert.equal((await post('volumes:list')).status, 423);

    const taken = await post('library:takeOver', { confirm: true, lock: foreign });
    assert.equal(taken.status, 200, JSON.stringify(taken.body));
    assert.equal((taken.body.value as LibraryStatus).state, 'open');
    const list = await post('volumes:list');
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.value, []);
    assert.equal(JSON.parse(fs.readFileSync(path.join(libraryDir, LOCK_FILE), 'utf8')).pid, process.pid);
  });
});
