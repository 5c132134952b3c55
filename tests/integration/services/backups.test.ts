import { test, describe, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { LibraryStatus } from '../../../shared/ipc/library.ts';
import type { BackupInfo, RestoredBackup } from '../../../shared/model/backup.ts';
import type { CaseSummary, Volume } from '../../../shared/model/entities.ts';
import { startLibraryHost, type LibraryHost } from '../../../main/services/host.ts';
import { backupBeforeOperation, startBackupScheduler, type SchedulerClock } from '../../../main/services/backupService.ts';
import { backupsDir, listBackups } from '../../../main/store/backups.ts';
import { checkIntegrity, writeImport } from '../../../main/store/index.ts';
import { doc, seedImport } from '../store/helpers/fixtures.ts';
import { boot } from '../../../main/services/boot.ts';
import { openConfPrefs } from '../../../main/services/prefs.ts';
import { bootTemp, call, SEED, stageFile, waitJob } from './helpers.ts';

type App = Awaited<ReturnType<typeof bootTemp>>;

/** Imports the seed's text layer through the channels the import dialog uses. */
async function importSeed(app: App, replaceVolumeId: number | null = null): Promise<Volume> {
  const fileId = await stageFile(app, path.join(SEED, 'excerpt.txt'));
  const { jobId } = await call<{ jobId: string }>(app, 'import:start', { fileId });
  assert.equal((await waitJob(app, jobId)).state, 'done');
  return call<Volume>(app, 'import:commit', { jobId, title: '第一卷', replaceVolumeId });
}

/** Fills the library through the store (setup only): `n` volumes of the seed. */
function fill(app: App, n: number): void {
  for (let i = 0; i < n; i++) {
    writeImport(app.ctx.lib.db, seedImport({ volume: { title: `卷${i}`, sourceName: null, sourceHash: null, scan: null } }));
  }
}

/** A clock the test moves by hand; `tick()` fires the hourly timer as the real one would. */
function manualClock(startIso: string) {
  let now = Date.parse(startIso);
  let timer: { ms: number; fn: () => void } | null = null;
  const clock: SchedulerClock = {
    now: () => new Date(now),
    every(ms, fn) {
      timer = { ms, fn };
      return () => {
        timer = null;
      };
    },
  };
  return {
    clock,
    advance(ms: number) {
      now += ms;
    },
    get timer() {
      return timer;
    },
  };
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('backups through the services', () => {
  test('backups:create takes a manual copy that backups:list shows, newest first', async (t) => {
    const app = await bootTemp();
    t.after(() => app.done());
    fill(app, 1);
    const a = await call<BackupInfo>(app, 'backups:create');
    const b = await call<BackupInfo>(app, 'backups:create');
    assert.equal(a.kind, 'manual');
    assert.ok(a.size > 0);
    assert.deepEqual(await call<BackupInfo[]>(app, 'backups:list'), [b, a]);
  });

  test('restoring needs confirm: true', async (t) => {
    const app = await bootTemp();
    t.after(() => app.done());
    fill(app, 1);
    const a = await call<BackupInfo>(app, 'backups:create');
    const res = await app.dispatch('backups:restore', { name: a.name });
    assert.equal(res.ok, false);
    assert.equal(!res.ok && res.error.code, 'VALIDATION');
  });

  test('a backup taken while cases:save calls are in flight is consistent', async (t) => {
    const app = await bootTemp();
    t.after(() => app.done());
    // Enough pages that the online backup takes several steps, with saves running between them.
    fill(app, 40);
    const cases = await call<CaseSummary[]>(app, 'cases:list', { volumeId: 1 });
    const versions = new Map(cases.map((c) => [c.id, c.version]));
    const versionSum = () => Number(app.ctx.lib.db.prepare('SELECT sum(version) AS v FROM cases').get()?.v);
    const before = versionSum();
    let done = false;
    let saves = 0;
    const writer = (async () => {
      while (!done) {
        const c = cases[saves % cases.length]!;
        const saved = await call<CaseSummary>(app, 'cases:save', {
          id: c.id,
          version: versions.get(c.id)!,
          doc: doc(`第${saves}次保存`, `正文${'字'.repeat(saves % 500)}`),
        });
        versions.set(c.id, saved.version);
        saves++;
        // Yield to the event loop, where the backup's steps complete.
        await new Promise((r) => setImmediate(r));
      }
    })();
    const info = await call<BackupInfo>(app, 'backups:create');
    const savesDuring = saves;
    done = true;
    await writer;
    assert.ok(savesDuring > 0, 'saves ran while the backup was being taken');

    const copy = new DatabaseSync(path.join(backupsDir(app.ctx.lib.dir), info.name), { readOnly: true });
    t.after(() => copy.close());
    assert.deepEqual(
      copy
        .prepare('PRAGMA integrity_check')
        .all()
        .map((r) => r.integrity_check),
      ['ok'],
    );
    assert.deepEqual(checkIntegrity(copy), []);
    // Each save is one transaction (case row + its revision); the copy never holds half of one.
    const torn = copy
      .prepare(
        `SELECT c.id FROM cases c LEFT JOIN case_revisions r ON r.case_id = c.id AND r.version = c.version
         WHERE r.id IS NULL OR r.text IS NOT c.text`,
      )
      .all();
    assert.deepEqual(torn, []);
    // A snapshot of one moment: some whole number of the saves, none half-made.
    const inCopy = Number(copy.prepare('SELECT sum(version) AS v FROM cases').get()?.v) - before;
    assert.ok(inCopy >= 0 && inCopy <= savesDuring, `${inCopy} of ${savesDuring} saves`);
  });

  test('backupBeforeOperation skips an empty library and keeps the 10 latest operation copies', async (t) => {
    const app = await bootTemp();
    t.after(() => app.done());
    assert.equal(await backupBeforeOperation(app.ctx, 'import'), null);
    assert.deepEqual(listBackups(app.ctx.lib.dir), []);
    fill(app, 1);
    const taken: BackupInfo[] = [];
    for (let i = 0; i < 12; i++) taken.push((await backupBeforeOperation(app.ctx, `import ${i}`))!);
    const kept = listBackups(app.ctx.lib.dir);
    assert.deepEqual(
      kept.map((b) => b.name),
      taken
        .slice(2)
        .reverse()
        .map((b) => b.name),
    );
    assert.ok(kept.every((b) => b.kind === 'operation'));
  });

  test('an import into a library with content is preceded by a copy of the library as it was', async (t) => {
    const app = await bootTemp();
    t.after(() => app.done());
    const first = await importSeed(app);
    assert.deepEqual(listBackups(app.ctx.lib.dir), [], 'the first import into an empty library has nothing to keep');

    const second = await importSeed(app, first.id);
    assert.equal(second.id, first.id);
    const [b, ...rest] = listBackups(app.ctx.lib.dir);
    assert.equal(rest.length, 0);
    assert.equal(b?.kind, 'operation');
    assert.equal(b?.reason, 'replace');
    const copy = new DatabaseSync(path.join(backupsDir(app.ctx.lib.dir), b.name), { readOnly: true });
    t.after(() => copy.close());
    assert.deepEqual(checkIntegrity(copy), []);
    assert.equal(copy.prepare('SELECT count(*) AS n FROM volumes').get()?.n, 1);
    assert.equal(
      copy.prepare('SELECT updated_at FROM volumes WHERE id = ?').get(first.id)?.updated_at,
      first.updatedAt,
      'the copy is the volume before it was replaced',
    );
  });

  test('the daily schedule: at start and hourly, a copy when the newest is 24 h old, weekly per ISO week, pruned', async (t) => {
    const app = await bootTemp();
    t.after(() => app.done());
    // Monday of ISO week 2025-W10.
    const m = manualClock('2025-03-03T09:00:00.000Z');
    const errors: unknown[] = [];
    const scheduler = startBackupScheduler(app.ctx, { clock: m.clock, onError: (e) => errors.push(e) });
    t.after(() => scheduler.stop());
    assert.equal(m.timer?.ms, HOUR, 'checks hourly');
    assert.equal(await scheduler.check(), null, 'an empty library is not copied');

    fill(app, 1);
    const first = await scheduler.check();
    assert.equal(first?.kind, 'weekly', 'the first copy of the week is the weekly one');
    assert.equal(first?.createdAt, '2025-03-03T09:00:00.000Z');
    m.advance(23 * HOUR);
    assert.equal(await scheduler.check(), null, 'under 24 h: nothing');
    m.advance(HOUR);
    m.timer!.fn();
    const daily = await scheduler.check();
    assert.equal(daily?.kind, 'daily', 'the hourly timer took it (check joins the copy in progress)');
    assert.equal(daily?.createdAt, '2025-03-04T09:00:00.000Z');
    assert.equal(await scheduler.check(), null, 'and a second check takes nothing');

    // Five more weeks of days: one copy a day, the first of each ISO week weekly.
    for (let d = 0; d < 35; d++) {
      m.advance(DAY);
      assert.ok(await scheduler.check(), `day ${d}`);
    }
    const kept = listBackups(app.ctx.lib.dir);
    const weekly = kept.filter((b) => b.kind === 'weekly').map((b) => b.createdAt);
    const dailies = kept.filter((b) => b.kind === 'daily').map((b) => b.createdAt);
    assert.deepEqual(weekly, [
      '2025-04-07T09:00:00.000Z',
      '2025-03-31T09:00:00.000Z',
      '2025-03-24T09:00:00.000Z',
      '2025-03-17T09:00:00.000Z',
    ]);
    assert.equal(dailies.length, 7);
    assert.equal(dailies[0], '2025-04-08T09:00:00.000Z');
    assert.deepEqual(errors, []);

    await scheduler.stop();
    assert.equal(m.timer, null, 'stop cancels the timer');
    m.advance(7 * DAY);
    assert.equal(await scheduler.check(), null, 'nothing after stop');
  });

  test('the app takes the scheduled copy at start, and shutdown waits for it; the CLI does not', async (t) => {
    const first = await bootTemp();
    t.after(() => first.done());
    const libraryDir = first.ctx.lib.dir;
    fill(first, 1);
    await first.shutdown();
    assert.deepEqual(listBackups(libraryDir), [], 'an empty library at start: nothing to copy');

    const prefs = await openConfPrefs(first.dir);
    const cli = await boot({ libraryDir, mode: 'cli', prefs });
    await cli.shutdown();
    assert.deepEqual(listBackups(libraryDir), [], 'a one-shot CLI command takes no scheduled copy');

    const app = await boot({ libraryDir, mode: 'web', prefs });
    await app.shutdown();
    const [b, ...rest] = listBackups(libraryDir);
    assert.equal(rest.length, 0);
    assert.ok(b?.kind === 'weekly' || b?.kind === 'daily', String(b?.kind));
  });
});

describe('restoring through the library host', () => {
  async function hostOn(t: TestContext): Promise<{ host: LibraryHost; libraryDir: string }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-restore-'));
    const libraryDir = path.join(dir, 'library');
    const host = await startLibraryHost({ libraryDir, mode: 'web', prefs: await openConfPrefs(dir) });
    t.after(async () => {
      await host.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    return { host, libraryDir };
  }

  async function value<T>(host: LibraryHost, channel: string, input: unknown = {}): Promise<T> {
    const res = await host.dispatch(channel, input);
    assert.ok(res.ok, `${channel}: ${JSON.stringify(res)}`);
    return res.value as T;
  }

  test('while the app runs: the library closes, the backup goes in, the current file is kept, and it reopens', async (t) => {
    const { host, libraryDir } = await hostOn(t);
    await value(host, 'volumes:create', { title: '备份前' });
    const backup = await value<BackupInfo>(host, 'backups:create');
    await value(host, 'volumes:create', { title: '备份后' });
    const first = host.current();

    const restored = await value<RestoredBackup>(host, 'backups:restore', { name: backup.name, confirm: true });
    assert.equal(restored.name, backup.name);
    assert.equal(restored.kept?.kind, 'pre-restore');
    assert.notEqual(host.current(), first, 'reopened');
    assert.deepEqual(
      (await value<Volume[]>(host, 'volumes:list')).map((v) => v.title),
      ['备份前'],
    );
    const kept = new DatabaseSync(path.join(backupsDir(libraryDir), restored.kept!.name), { readOnly: true });
    t.after(() => kept.close());
    assert.deepEqual(
      kept
        .prepare('SELECT title FROM volumes ORDER BY id')
        .all()
        .map((r) => r.title),
      ['备份前', '备份后'],
    );
  });

  test('a damaged backup is refused and the library reopens as it was', async (t) => {
    const { host, libraryDir } = await hostOn(t);
    await value(host, 'volumes:create', { title: '卷' });
    const backup = await value<BackupInfo>(host, 'backups:create');
    fs.truncateSync(path.join(backupsDir(libraryDir), backup.name), 4096);
    const res = await host.dispatch('backups:restore', { name: backup.name, confirm: true });
    assert.equal(!res.ok && res.error.code, 'DB_CORRUPT');
    assert.deepEqual(
      (await value<Volume[]>(host, 'volumes:list')).map((v) => v.title),
      ['卷'],
    );
    const missing = await host.dispatch('backups:restore', { name: 'nope.sqlite', confirm: true });
    assert.equal(!missing.ok && missing.error.code, 'NOT_FOUND');
  });

  test('a 0-byte library: recovery mode lists the backups and restoring one opens the library', async (t) => {
    const { host, libraryDir } = await hostOn(t);
    await value(host, 'volumes:create', { title: '卷' });
    const backup = await value<BackupInfo>(host, 'backups:create');
    await host.reopen(() => fs.truncateSync(path.join(libraryDir, 'library.sqlite'), 0));
    assert.equal(host.bootError()?.code, 'DB_CORRUPT');
    assert.equal(host.bootError()?.details?.backups, 1);

    assert.deepEqual(await value<BackupInfo[]>(host, 'backups:list'), [backup]);
    const restored = await value<RestoredBackup>(host, 'backups:restore', { name: backup.name, confirm: true });
    assert.equal(restored.kept?.size, 0, 'the 0-byte file is kept too');
    assert.equal((await value<LibraryStatus>(host, 'library:status')).state, 'open');
    assert.deepEqual(
      (await value<Volume[]>(host, 'volumes:list')).map((v) => v.title),
      ['卷'],
    );
  });
});
