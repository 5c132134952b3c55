import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  DB_FILE,
  LATEST_VERSION,
  HEARTBEAT_MS,
  LOCK_FILE,
  createVolume,
  getUserVersion,
  inspectLock,
  libraryIsEmpty,
  listVolumes,
  openLibrary,
  takeOverLock,
  writeImport,
} from '../../../main/store/index.ts';
import { isAppError } from './helpers/appError.ts';
import { seedImport, tempDir } from './helpers/fixtures.ts';
import { deadPid, liveProcess, runChild } from './helpers/spawn.ts';

/** Bytes and mtime of a file, to prove a refused open left it alone. */
function fingerprint(file: string) {
  return { bytes: fs.readFileSync(file), mtimeMs: fs.statSync(file).mtimeMs };
}

describe('openLibrary', () => {
  test('creates the folder, database, scans folder and lock; releases the lock on close', (t) => {
    const dir = path.join(tempDir(t), 'nested', 'lib');
    const lib = openLibrary(dir);
    assert.equal(lib.dir, dir);
    assert.ok(fs.statSync(lib.scansDir).isDirectory());
    assert.ok(fs.existsSync(path.join(dir, DB_FILE)));
    const lock = JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8'));
    assert.equal(lock.pid, process.pid);
    assert.equal(lock.hostname, os.hostname());
    assert.ok(!Number.isNaN(Date.parse(lock.startedAt)));
    assert.equal(lib.db.prepare('PRAGMA journal_mode').get()?.journal_mode, 'wal');
    assert.equal(lib.db.prepare('PRAGMA foreign_keys').get()?.foreign_keys, 1);
    assert.equal(getUserVersion(lib.db), LATEST_VERSION);
    assert.equal(libraryIsEmpty(lib), true);
    createVolume(lib.db, { title: '卷一' });
    assert.equal(libraryIsEmpty(lib), false);
    lib.close();
    lib.close();
    assert.equal(fs.existsSync(path.join(dir, LOCK_FILE)), false);
    const again = openLibrary(dir);
    t.after(() => again.close());
    assert.deepEqual(
      listVolumes(again.db).map((v) => v.title),
      ['卷一'],
    );
  });

  test('a second open in the same process is LIBRARY_LOCKED, naming the library and pid', (t) => {
    const dir = tempDir(t);
    const lib = openLibrary(dir);
    t.after(() => lib.close());
    assert.throws(
      () => openLibrary(dir),
      isAppError('LIBRARY_LOCKED', (e) => {
        assert.equal(e.details?.library, path.resolve(dir));
        assert.equal(e.details?.pid, process.pid);
        assert.match(e.message, new RegExp(path.basename(dir)));
      }),
    );
  });

  test('an open from another process is LIBRARY_LOCKED, and succeeds once the holder closes', async (t) => {
    const dir = tempDir(t);
    const lib = openLibrary(dir);
    const locked = JSON.parse(await runChild(['open', dir]));
    assert.equal(locked.code, 'LIBRARY_LOCKED');
    assert.equal(locked.details.library, path.resolve(dir));
    assert.equal(locked.details.pid, process.pid);
    lib.close();
    assert.deepEqual(JSON.parse(await runChild(['open', dir])), { ok: true });
  });

  test('a stale lock (dead pid on this host) is taken over', async (t) => {
    const dir = tempDir(t);
    openLibrary(dir).close();
    const pid = await deadPid();
    const lockFile = path.join(dir, LOCK_FILE);
    fs.writeFileSync(lockFile, JSON.stringify({ pid, hostname: os.hostname(), startedAt: '2020-01-01T00:00:00Z' }));
    const lib = openLibrary(dir);
    assert.equal(JSON.parse(fs.readFileSync(lockFile, 'utf8')).pid, process.pid);
    lib.close();
    assert.equal(fs.existsSync(lockFile), false);
  });

  test('a lock from another host counts as held; an old unreadable lock counts as stale', (t) => {
    const dir = tempDir(t);
    const lockFile = path.join(dir, LOCK_FILE);
    fs.writeFileSync(lockFile, JSON.stringify({ pid: 1, hostname: `not-${os.hostname()}`, startedAt: '' }));
    assert.throws(
      () => openLibrary(dir),
      isAppError('LIBRARY_LOCKED', (e) => assert.equal(e.details?.pid, 1)),
    );
    fs.writeFileSync(lockFile, '');
    assert.throws(() => openLibrary(dir), isAppError('LIBRARY_LOCKED'), 'a fresh empty lock may be mid-write');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockFile, old, old);
    openLibrary(dir).close();
  });

  test(
    'a lock naming a live pid that another process now uses (another start time) is taken over',
    { skip: process.platform !== 'linux' },
    async (t) => {
      const dir = tempDir(t);
      const other = await liveProcess(t);
      const lockFile = path.join(dir, LOCK_FILE);
      const lock = { pid: other, hostname: os.hostname(), startedAt: '2020-01-01T00:00:00Z' };
      // Without a recorded start time a live pid cannot be told from its old owner: held.
      fs.writeFileSync(lockFile, JSON.stringify(lock));
      assert.throws(
        () => openLibrary(dir),
        isAppError('LIBRARY_LOCKED', (e) => assert.equal(e.details?.pid, other)),
      );
      fs.writeFileSync(lockFile, JSON.stringify({ ...lock, processStart: '1' }));
      const lib = openLibrary(dir);
      assert.equal(JSON.parse(fs.readFileSync(lockFile, 'utf8')).pid, process.pid);
      lib.close();
    },
  );

  test(
    'a lock from an earlier boot of this host is taken over, whatever its pid',
    { skip: process.platform !== 'linux' },
    (t) => {
      const dir = tempDir(t);
      const own = JSON.parse(
        (() => {
          const probe = openLibrary(tempDir(t));
          const text = fs.readFileSync(path.join(probe.dir, LOCK_FILE), 'utf8');
          probe.close();
          return text;
        })(),
      );
      assert.equal(typeof own.bootId, 'string', 'the lock records the boot');
      fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ ...own, pid: 1, bootId: 'an-earlier-boot' }));
      openLibrary(dir).close();
    },
  );

  test(
    'a lock from the same host name in another pid namespace is not probed: held, like another host',
    { skip: process.platform !== 'linux' },
    async (t) => {
      const dir = tempDir(t);
      const pid = await deadPid();
      fs.writeFileSync(
        path.join(dir, LOCK_FILE),
        JSON.stringify({ pid, hostname: os.hostname(), startedAt: '2020-01-01T00:00:00Z', pidNs: 'pid:[1]' }),
      );
      assert.throws(
        () => openLibrary(dir),
        isAppError('LIBRARY_LOCKED', (e) => assert.equal(e.details?.sameHost, false)),
      );
    },
  );

  test("another host's lock is refused naming host, pid, since and lock file; a confirmed take-over opens it", (t) => {
    const dir = path.resolve(tempDir(t));
    const lockFile = path.join(dir, LOCK_FILE);
    const foreign = { pid: 4242, hostname: `not-${os.hostname()}`, startedAt: '2024-05-01T08:30:00.000Z', heartbeatMs: 60_000 };
    fs.writeFileSync(lockFile, JSON.stringify(foreign));
    assert.throws(
      () => openLibrary(dir),
      isAppError('LIBRARY_LOCKED', (e) => {
        assert.equal(e.details?.hostname, foreign.hostname);
        assert.equal(e.details?.pid, 4242);
        assert.equal(e.details?.startedAt, foreign.startedAt);
        assert.equal(e.details?.lockFile, lockFile);
        assert.equal(e.details?.sameHost, false);
        assert.equal(e.details?.quiet, false, 'touched just now');
        assert.equal(e.details?.alive, undefined, 'another host cannot be probed');
        for (const part of [foreign.hostname, '4242', foreign.startedAt, lockFile]) assert.ok(e.message.includes(part), part);
      }),
    );
    const old = new Date(Date.now() - 3600_000);
    fs.utimesSync(lockFile, old, old);
    assert.equal(inspectLock(dir)?.quiet, true, 'an hour without a heartbeat');
    assert.throws(
      () => takeOverLock(dir, { pid: 4243, hostname: foreign.hostname, startedAt: foreign.startedAt }),
      isAppError('CONFLICT'),
      'not the lock the user saw',
    );
    assert.ok(fs.existsSync(lockFile));
    takeOverLock(dir, { pid: 4242, hostname: foreign.hostname, startedAt: foreign.startedAt });
    const lib = openLibrary(dir);
    t.after(() => lib.close());
    assert.equal(JSON.parse(fs.readFileSync(lockFile, 'utf8')).pid, process.pid);
  });

  test('the holder touches its lock every minute, so another host can tell it is alive', (t) => {
    t.mock.timers.enable({ apis: ['setInterval'] });
    const dir = tempDir(t);
    const lib = openLibrary(dir);
    t.after(() => lib.close());
    const lockFile = path.join(dir, LOCK_FILE);
    assert.equal(JSON.parse(fs.readFileSync(lockFile, 'utf8')).heartbeatMs, HEARTBEAT_MS);
    const old = new Date(Date.now() - 3600_000);
    fs.utimesSync(lockFile, old, old);
    t.mock.timers.tick(HEARTBEAT_MS);
    assert.ok(Date.now() - fs.statSync(lockFile).mtimeMs < 60_000, 'touched');
    assert.ok(Date.now() - Date.parse(inspectLock(dir)!.heartbeatAt!) < 60_000);
  });

  test('a take-over is refused while the holder runs on this computer', async (t) => {
    const dir = tempDir(t);
    const lib = openLibrary(dir);
    t.after(() => lib.close());
    assert.throws(
      () => takeOverLock(dir),
      isAppError('CONFLICT', (e) => assert.equal(e.details?.reason, 'holder-running')),
    );
    assert.equal(JSON.parse(await runChild(['open', dir])).code, 'LIBRARY_LOCKED', 'the lock is still there');
  });

  test('a lock path that is a folder is a clear LIBRARY_LOCKED naming it, not EISDIR, and the folder is left alone', (t) => {
    const dir = path.resolve(tempDir(t));
    const lockPath = path.join(dir, LOCK_FILE);
    fs.mkdirSync(lockPath);
    fs.writeFileSync(path.join(lockPath, 'keep.txt'), 'mine');
    const check = isAppError('LIBRARY_LOCKED', (e) => {
      assert.equal(e.details?.reason, 'lock-is-directory');
      assert.equal(e.details?.lockFile, lockPath);
      assert.ok(e.message.includes(lockPath));
    });
    assert.throws(() => openLibrary(dir), check);
    assert.throws(() => takeOverLock(dir), check);
    assert.equal(fs.readFileSync(path.join(lockPath, 'keep.txt'), 'utf8'), 'mine');
  });

  test('read-only opens without the lock, and refuses writes', (t) => {
    const dir = tempDir(t);
    const writer = openLibrary(dir);
    t.after(() => writer.close());
    createVolume(writer.db, { title: '卷一' });
    const reader = openLibrary(dir, { readOnly: true });
    t.after(() => reader.close());
    assert.deepEqual(
      listVolumes(reader.db).map((v) => v.title),
      ['卷一'],
    );
    assert.throws(() => createVolume(reader.db, { title: 'x' }), /readonly/);
    assert.throws(() => openLibrary(path.join(dir, 'missing'), { readOnly: true }), isAppError('NOT_FOUND'));
  });

  test('a database from a newer app is DB_TOO_NEW and left untouched', (t) => {
    const dir = tempDir(t);
    const lib = openLibrary(dir);
    writeImport(lib.db, seedImport());
    lib.close();
    const file = path.join(dir, DB_FILE);
    const raw = new DatabaseSync(file);
    raw.exec(`PRAGMA user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    const before = fingerprint(file);
    assert.throws(
      () => openLibrary(dir),
      isAppError('DB_TOO_NEW', (e) => {
        assert.equal(e.details?.file, file);
        assert.equal(e.details?.version, LATEST_VERSION + 5);
        assert.equal(e.details?.supported, LATEST_VERSION);
      }),
    );
    assert.throws(() => openLibrary(dir, { readOnly: true }), isAppError('DB_TOO_NEW'));
    assert.deepEqual(fingerprint(file), before);
    assert.equal(fs.existsSync(path.join(dir, LOCK_FILE)), false, 'a refused open releases the lock');
  });

  test('random bytes are DB_CORRUPT naming the file, and the file is not modified', (t) => {
    const dir = tempDir(t);
    const file = path.join(dir, DB_FILE);
    fs.writeFileSync(file, crypto.randomBytes(16_384));
    const before = fingerprint(file);
    for (const readOnly of [false, true]) {
      assert.throws(
        () => openLibrary(dir, { readOnly }),
        isAppError('DB_CORRUPT', (e) => {
          assert.equal(e.details?.file, file);
          assert.ok(e.message.includes(file));
        }),
      );
    }
    assert.deepEqual(fingerprint(file), before);
    assert.deepEqual(fs.readdirSync(dir).sort(), [DB_FILE], 'no -wal, -shm, lock or scans left behind');
  });

  test("another application's SQLite file is refused and not modified", (t) => {
    for (const setup of ['CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)', 'PRAGMA application_id = 42']) {
      const dir = tempDir(t);
      const file = path.join(dir, DB_FILE);
      const raw = new DatabaseSync(file);
      raw.exec(setup);
      raw.close();
      const before = fingerprint(file);
      assert.throws(
        () => openLibrary(dir),
        isAppError('DB_CORRUPT', (e) => assert.equal(e.details?.file, file)),
        setup,
      );
      assert.deepEqual(fingerprint(file), before);
    }
  });

  const damages: [string, (b: Buffer) => Buffer][] = [
    ['truncated mid-file', (b) => b.subarray(0, Math.floor(b.length / 2) + 100)],
    ['a zeroed page', (b) => Buffer.from(b).fill(0, 4096 * 5, 4096 * 6)],
    [
      'a scribbled b-tree page',
      (b) => {
        const c = Buffer.from(b);
        for (let i = 4096; i < 8192; i++) c[i] = (i * 7) & 0xff;
        return c;
      },
    ],
  ];
  for (const [label, damage] of damages) {
    test(`a real library with ${label} is DB_CORRUPT and not modified`, (t) => {
      const dir = tempDir(t);
      const lib = openLibrary(dir);
      // Enough cases that the file spans many pages.
      for (let i = 0; i < 4; i++)
        writeImport(lib.db, seedImport({ volume: { title: `卷${i}`, sourceName: null, sourceHash: null, scan: null } }));
      lib.close();
      const file = path.join(dir, DB_FILE);
      const original = fs.readFileSync(file);
      assert.ok(original.length > 4096 * 12, `file too small for the test: ${original.length}`);
      fs.writeFileSync(file, damage(original));
      const before = fingerprint(file);
      assert.throws(
        () => openLibrary(dir),
        isAppError('DB_CORRUPT', (e) => assert.equal(e.details?.file, file)),
      );
      assert.deepEqual(fingerprint(file), before);
    });
  }
});
