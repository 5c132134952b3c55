import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  DB_FILE,
  LATEST_VERSION,
  LOCK_FILE,
  MIGRATIONS,
  checkIntegrity,
  getUserVersion,
  listCases,
  migrate,
  openLibrary,
  saveCase,
  writeImport,
  type Library,
} from '../../../main/store/index.ts';
import { BACKUPS_DIR, backupsDir, listBackups, restoreBackup, takeBackup } from '../../../main/store/backups.ts';
import { isAppError } from './helpers/appError.ts';
import { doc, seedImport, tempDir } from './helpers/fixtures.ts';

/** Every case row as stored, byte for byte (doc JSON and text), in id order. */
function snapshot(db: DatabaseSync) {
  return db.prepare('SELECT id, volume_id, number, title, version, doc, text, stage FROM cases ORDER BY id').all();
}

/** A library with a few volumes and some edits, big enough to span many pages. */
function filledLibrary(dir: string, volumes = 3): Library {
  const lib = openLibrary(dir);
  for (let i = 0; i < volumes; i++) {
    const v = writeImport(lib.db, seedImport({ volume: { title: `卷${i}`, sourceName: null, sourceHash: null, scan: null } }));
    const [first] = listCases(lib.db, v.id);
    saveCase(lib.db, { id: first!.id, version: first!.version, doc: doc(`卷${i}的第一案`, '改过的正文。'), who: '编辑乙' });
  }
  return lib;
}

describe('backups', () => {
  test('a backup is a self-contained, healthy copy listed with kind, reason, time and size', async (t) => {
    const dir = tempDir(t);
    const lib = filledLibrary(dir, 1);
    t.after(() => lib.close());
    const info = await takeBackup(lib.db, dir, 'manual', '整理前 before tidying');
    assert.equal(info.kind, 'manual');
    assert.equal(info.reason, '整理前 before tidying', 'the full reason survives (the name holds only a slug)');
    const file = path.join(dir, BACKUPS_DIR, info.name);
    assert.equal(info.size, fs.statSync(file).size);
    assert.deepEqual(listBackups(dir), [info]);
    assert.deepEqual(
      fs.readdirSync(backupsDir(dir)).filter((f) => !f.endsWith('.json')),
      [info.name],
      'no temp, -wal or -shm file left',
    );
    const copy = new DatabaseSync(file, { readOnly: true });
    t.after(() => copy.close());
    assert.equal(copy.prepare('PRAGMA journal_mode').get()?.journal_mode, 'delete');
    assert.deepEqual(checkIntegrity(copy), []);
    assert.deepEqual(snapshot(copy), snapshot(lib.db));
  });

  const damages: [string, (file: string) => void][] = [
    [
      'bytes overwritten in the middle',
      (file) => {
        const b = fs.readFileSync(file);
        // The middle page in use: a page on the free list holds nothing a check could miss.
        const probe = new DatabaseSync(file, { readOnly: true });
        const used = probe.prepare('SELECT DISTINCT pageno FROM dbstat ORDER BY pageno').all();
        probe.close();
        const mid = (Number(used[Math.floor(used.length / 2)]!.pageno) - 1) * 4096;
        for (let i = mid; i < mid + 8192; i++) b[i] = (i * 13) & 0xff;
        fs.writeFileSync(file, b);
      },
    ],
    ['truncated to 0 bytes', (file) => fs.truncateSync(file, 0)],
  ];
  for (const [label, damage] of damages) {
    test(`a library with ${label} is refused, then restoring the latest backup brings everything up to it back`, async (t) => {
      const dir = tempDir(t);
      const lib = filledLibrary(dir);
      await takeBackup(lib.db, dir, 'daily', 'daily');
      const before = snapshot(lib.db);
      const latest = await takeBackup(lib.db, dir, 'operation', 'before import');
      // An edit after the backup is what a restore gives up.
      const [c] = listCases(lib.db, 1);
      saveCase(lib.db, { id: c!.id, version: c!.version, doc: doc('备份之后', '这一改动不在备份里。'), who: '编辑丙' });
      lib.close();

      const file = path.join(dir, DB_FILE);
      assert.ok(fs.statSync(file).size > 4096 * 12, 'the file spans many pages');
      damage(file);
      const damaged = fs.readFileSync(file);
      assert.throws(
        () => openLibrary(dir),
        isAppError('DB_CORRUPT', (e) => {
          assert.equal(e.details?.file, file);
          assert.equal(e.details?.backups, 2, 'says that backups exist');
        }),
      );
      assert.deepEqual(fs.readFileSync(file), damaged, 'the refused file is untouched');

      const restored = restoreBackup(dir, listBackups(dir)[0]!.name);
      assert.equal(restored.name, latest.name);
      assert.equal(restored.kept?.kind, 'pre-restore');
      assert.deepEqual(
        fs.readFileSync(path.join(backupsDir(dir), restored.kept!.name)),
        damaged,
        'the damaged file is kept, byte for byte',
      );
      assert.equal(fs.existsSync(path.join(dir, LOCK_FILE)), false, 'restore releases the lock');
      const back = openLibrary(dir);
      t.after(() => back.close());
      assert.deepEqual(checkIntegrity(back.db), []);
      assert.deepEqual(snapshot(back.db), before, 'every case as it was at the backup');
    });
  }

  test('a 0-byte library.sqlite is refused untouched, with or without backups, never made a new library', (t) => {
    const dir = tempDir(t);
    const file = path.join(dir, DB_FILE);
    fs.writeFileSync(file, '');
    const mtimeMs = fs.statSync(file).mtimeMs;
    for (const readOnly of [false, true]) {
      assert.throws(
        () => openLibrary(dir, { readOnly }),
        isAppError('DB_CORRUPT', (e) => {
          assert.equal(e.details?.file, file);
          assert.equal(e.details?.backups, 0);
          assert.ok(e.message.includes(file));
        }),
      );
    }
    assert.equal(fs.statSync(file).size, 0);
    assert.equal(fs.statSync(file).mtimeMs, mtimeMs);
    assert.deepEqual(fs.readdirSync(dir), [DB_FILE], 'no -wal, -shm, lock, scans or backups folder');
  });

  test('restoring refuses a name that is not a backup, a damaged backup, and a library open elsewhere', async (t) => {
    const dir = tempDir(t);
    const lib = filledLibrary(dir, 1);
    const good = await takeBackup(lib.db, dir, 'manual', 'manual');
    const before = snapshot(lib.db);
    for (const name of ['../library.sqlite', 'nope.sqlite', `${good.name}.json`]) {
      assert.throws(() => restoreBackup(dir, name), isAppError('NOT_FOUND'), name);
    }
    assert.throws(() => restoreBackup(dir, good.name), isAppError('LIBRARY_LOCKED'), 'the open library holds the lock');
    lib.close();

    const bad = await (async () => {
      const other = openLibrary(tempDir(t));
      t.after(() => other.close());
      return takeBackup(other.db, dir, 'manual', 'to damage');
    })();
    fs.truncateSync(path.join(backupsDir(dir), bad.name), 8192);
    const file = path.join(dir, DB_FILE);
    const bytes = fs.readFileSync(file);
    assert.throws(() => restoreBackup(dir, bad.name), isAppError('DB_CORRUPT'));
    assert.deepEqual(fs.readFileSync(file), bytes, 'the library is untouched');
    assert.equal(
      listBackups(dir).some((b) => b.kind === 'pre-restore'),
      false,
      'nothing was replaced, nothing kept',
    );
    const again = openLibrary(dir);
    t.after(() => again.close());
    assert.deepEqual(snapshot(again.db), before);
  });

  test('the -wal of a crashed session is kept with the pre-restore copy, so its last saves are not lost', async (t) => {
    const dir = tempDir(t);
    const lib = filledLibrary(dir, 1);
    const backup = await takeBackup(lib.db, dir, 'manual', 'manual');
    const [c] = listCases(lib.db, 1);
    saveCase(lib.db, { id: c!.id, version: c!.version, doc: doc('只在 WAL 里', '崩溃前最后的保存。'), who: '编辑丙' });
    const latest = snapshot(lib.db);
    // A crash: the process never closes the database, so the last save is only in library.sqlite-wal.
    const file = path.join(dir, DB_FILE);
    const crashed = tempDir(t);
    fs.copyFileSync(file, path.join(crashed, DB_FILE));
    fs.copyFileSync(`${file}-wal`, path.join(crashed, `${DB_FILE}-wal`));
    fs.cpSync(backupsDir(dir), backupsDir(crashed), { recursive: true });
    lib.close();

    const restored = restoreBackup(crashed, backup.name);
    assert.equal(fs.existsSync(path.join(crashed, `${DB_FILE}-wal`)), false, 'the old WAL never meets the restored file');
    const kept = new DatabaseSync(path.join(backupsDir(crashed), restored.kept!.name), { readOnly: true });
    t.after(() => kept.close());
    assert.deepEqual(snapshot(kept), latest, "the pre-restore copy opens with the crashed session's last save");
  });

  test('an existing library is copied before a migration; a new or current one is not', (t) => {
    const fresh = tempDir(t);
    openLibrary(fresh).close();
    openLibrary(fresh).close();
    assert.deepEqual(listBackups(fresh), [], 'creating and reopening a current library takes no copy');

    const dir = tempDir(t);
    const raw = new DatabaseSync(path.join(dir, DB_FILE), { enableForeignKeyConstraints: true });
    migrate(raw, MIGRATIONS.slice(0, LATEST_VERSION - 1));
    const at = '2024-03-01T08:00:00.000Z';
    raw.prepare('INSERT INTO volumes (id, title, created_at, updated_at) VALUES (1, ?, ?, ?)').run('旧版卷册', at, at);
    raw.close();

    const lib = openLibrary(dir);
    t.after(() => lib.close());
    assert.equal(getUserVersion(lib.db), LATEST_VERSION);
    const [b, ...rest] = listBackups(dir);
    assert.equal(rest.length, 0);
    assert.equal(b?.kind, 'operation');
    assert.equal(b?.reason, `before migration ${LATEST_VERSION - 1} to ${LATEST_VERSION}`);
    const copy = new DatabaseSync(path.join(backupsDir(dir), b!.name), { readOnly: true });
    t.after(() => copy.close());
    assert.equal(getUserVersion(copy), LATEST_VERSION - 1, 'the copy is the library as it was before migrating');
    assert.deepEqual(
      copy
        .prepare('SELECT title FROM volumes')
        .all()
        .map((r) => r.title),
      ['旧版卷册'],
    );
    assert.deepEqual(checkIntegrity(copy), []);
  });
});
