import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import type { LibraryStatus } from '../../../shared/ipc/library.ts';
import { startLibraryHost, type LibraryHost } from '../../../main/services/host.ts';
import { openConfPrefs } from '../../../main/services/prefs.ts';
import { LOCK_FILE, openLibrary } from '../../../main/store/index.ts';

async function hostOn(t: TestContext, setup?: (libraryDir: string) => void): Promise<{ host: LibraryHost; libraryDir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-host-'));
  const libraryDir = path.join(dir, 'library');
  fs.mkdirSync(libraryDir);
  setup?.(libraryDir);
  const host = await startLibraryHost({ libraryDir, mode: 'web', prefs: await openConfPrefs(dir) });
  t.after(async () => {
    await host.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { host, libraryDir };
}

const foreignLock = { pid: 777, hostname: `elsewhere-${os.hostname()}`, startedAt: '2024-05-01T08:30:00.000Z' };

test('a library locked by another host: recovery mode refuses library calls, keeps preferences, and a confirmed take-over opens it', async (t) => {
  const { host, libraryDir } = await hostOn(t, (dir) => fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(foreignLock)));
  assert.equal(host.current(), null);
  assert.equal(host.bootError()?.code, 'LIBRARY_LOCKED');

  const refused = await host.dispatch('volumes:list', {});
  assert.equal(refused.ok, false);
  assert.equal(!refused.ok && refused.error.code, 'LIBRARY_LOCKED');
  assert.equal(!refused.ok && refused.error.details?.hostname, foreignLock.hostname);

  const prefs = await host.dispatch('prefs:set', { language: 'en' });
  assert.ok(prefs.ok);
  assert.equal(((await host.dispatch('prefs:get', {})) as { value: { language: string } }).value.language, 'en');

  const status = await host.dispatch('library:status', {});
  assert.ok(status.ok);
  const s = status.value as LibraryStatus;
  assert.equal(s.state, 'unavailable');
  assert.equal(s.libraryPath, libraryDir);
  assert.equal(s.error?.code, 'LIBRARY_LOCKED');
  assert.deepEqual(
    {
      pid: s.lock?.pid,
      hostname: s.lock?.hostname,
      startedAt: s.lock?.startedAt,
      file: s.lock?.file,
      sameHost: s.lock?.sameHost,
    },
    { ...foreignLock, file: path.join(libraryDir, LOCK_FILE), sameHost: false },
  );

  const unconfirmed = await host.dispatch('library:takeOver', {});
  assert.equal(!unconfirmed.ok && unconfirmed.error.code, 'VALIDATION');
  assert.equal(host.current(), null, 'nothing taken without confirmation');

  const taken = await host.dispatch('library:takeOver', { confirm: true, lock: foreignLock });
  assert.ok(taken.ok, JSON.stringify(taken));
  assert.equal((taken.value as LibraryStatus).state, 'open');
  assert.equal((taken.value as LibraryStatus).lock?.pid, process.pid);
  assert.ok((await host.dispatch('volumes:list', {})).ok);
  assert.equal(host.bootError(), null);

  const again = await host.dispatch('library:takeOver', { confirm: true });
  assert.equal(!again.ok && again.error.code, 'CONFLICT', 'nothing to take over while the library is open here');
});

test('a take-over is refused while the holder runs on this computer; retry opens the library once it closes', async (t) => {
  const held: { lib: ReturnType<typeof openLibrary> | null } = { lib: null };
  const { host } = await hostOn(t, (dir) => {
    held.lib = openLibrary(dir);
  });
  t.after(() => held.lib?.close());
  assert.equal(host.bootError()?.code, 'LIBRARY_LOCKED');
  const status = (await host.dispatch('library:status', {})) as { ok: true; value: LibraryStatus };
  assert.equal(status.value.lock?.sameHost, true);
  assert.equal(status.value.lock?.alive, true);

  const refused = await host.dispatch('library:takeOver', { confirm: true });
  assert.equal(!refused.ok && refused.error.code, 'CONFLICT');
  assert.equal(!refused.ok && refused.error.details?.reason, 'holder-running');

  held.lib?.close();
  held.lib = null;
  const retried = (await host.dispatch('library:retry', {})) as { ok: true; value: LibraryStatus };
  assert.equal(retried.value.state, 'open');
  assert.ok((await host.dispatch('volumes:list', {})).ok);
});

test('reopen runs its action with the library closed and its lock released, then opens it again', async (t) => {
  const { host, libraryDir } = await hostOn(t);
  assert.ok(host.current());
  const lockFile = path.join(libraryDir, LOCK_FILE);
  let lockDuringAction: boolean | null = null;
  await host.reopen(() => {
    lockDuringAction = fs.existsSync(lockFile);
  });
  assert.equal(lockDuringAction, false);
  assert.ok(host.current());
  assert.ok(fs.existsSync(lockFile));

  await assert.rejects(
    host.reopen(() => {
      throw new Error('action failed');
    }),
    /action failed/,
  );
  assert.ok(host.current(), 'the library is reopened even when the action fails');
});

test('a lock path that is a folder is reported in recovery mode, and a take-over does not remove it', async (t) => {
  const { host } = await hostOn(t, (dir) => fs.mkdirSync(path.join(dir, LOCK_FILE)));
  assert.equal(host.bootError()?.code, 'LIBRARY_LOCKED');
  assert.equal(host.bootError()?.details?.reason, 'lock-is-directory');
  const status = (await host.dispatch('library:status', {})) as { ok: true; value: LibraryStatus };
  assert.equal(status.value.state, 'unavailable');
  assert.equal(status.value.lock, null);
  const taken = await host.dispatch('library:takeOver', { confirm: true });
  assert.equal(!taken.ok && taken.error.code, 'LIBRARY_LOCKED', 'a folder is never removed for the user');
});
