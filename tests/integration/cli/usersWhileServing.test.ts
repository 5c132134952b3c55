import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { DB_FILE, LOCK_FILE, openLibrary, writeImport } from '../../../main/store/index.ts';
import { MIGRATIONS, migrate } from '../../../main/store/migrations/index.ts';
import { SYNC_SCHEMA_VERSION } from '../../../shared/sync/docNames.ts';
import { newSharedDoc } from '../../../shared/sync/yDoc.ts';
import { seedImport } from '../store/helpers/fixtures.ts';
import { waitFor } from '../sync/helpers.ts';
import { runCli, startServe, type Serving } from './helpers.ts';

// `users add|list|revoke` while `serve` holds the library, and the server cutting a user revoked
// while connected (see main/sync/revocation.ts).

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-cli-users-serving-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const cliOn = (library: string, ...args: string[]) => runCli(tmp, [...args, '--library', library]);

/** A provider on its own socket, recording what the server tells it. */
function connect(url: string, name: string, token: string) {
  const seen = { synced: false, closeReasons: [] as string[], authFailures: [] as string[] };
  const provider = new HocuspocusProvider({ url: `${url}?schema=${SYNC_SCHEMA_VERSION}`, name, token, document: newSharedDoc() });
  provider.on('synced', () => (seen.synced = true));
  provider.on('close', ({ event }: { event?: { reason?: string } }) => seen.closeReasons.push(event?.reason ?? ''));
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => seen.authFailures.push(reason));
  return { provider, seen };
}

function makeLibrary(dir: string): string {
  const lib = openLibrary(dir);
  try {
    writeImport(lib.db, seedImport());
    return String(lib.db.prepare('SELECT uuid FROM volumes LIMIT 1').get()!.uuid);
  } finally {
    lib.close();
  }
}

describe('users while the office server runs', () => {
  const library = path.join(tmp, 'served');
  let volumeUuid = '';
  let serving: Serving;

  before(async () => {
    volumeUuid = makeLibrary(library);
    serving = await startServe(tmp, library);
  });

  after(async () => {
    serving?.kill('SIGTERM');
    if (serving) assert.equal(await serving.exited, 0, serving.stderr());
  });

  test('users add prints a token that connects; list shows the user; revoke cuts the open connection', async () => {
    assert.throws(() => openLibrary(library), { code: 'LIBRARY_LOCKED' }, 'the server holds the writer lock');

    const added = cliOn(library, 'users', 'add', '王编辑', '--role', 'editor');
    assert.equal(added.code, 0, added.stderr);
    const token = added.stdout.trim();
    assert.match(token, /^cbw_[A-Za-z0-9_-]{43}$/);
    const other = cliOn(library, 'users', 'add', '赵编辑', '--role', 'viewer');
    assert.equal(other.code, 0, other.stderr);

    const wang = connect(serving.url, `vol:${volumeUuid}`, token);
    const zhao = connect(serving.url, `vol:${volumeUuid}`, other.stdout.trim());
    try {
      await waitFor('both users synced', () => wang.seen.synced && zhao.seen.synced);
      assert.deepEqual(wang.seen.authFailures, []);

      const listed = cliOn(library, 'users', 'list');
      assert.equal(listed.code, 0, listed.stderr);
      assert.match(listed.stdout, /王编辑\teditor\tactive/);
      assert.match(listed.stdout, /赵编辑\tviewer\tactive/);
      assert.equal(cliOn(library, 'users', 'add', '王编辑', '--role', 'viewer').code, 1, 'a taken name is still a conflict');

      const revoked = cliOn(library, 'users', 'revoke', '王编辑');
      assert.equal(revoked.code, 0, revoked.stderr);
      assert.match(revoked.stdout, /^revoked 王编辑/);
      const revokedAt = Date.now();

      // The server tells the open document why it is closed, then refuses the provider's reconnection.
      await waitFor('the revoked user cut', () => wang.seen.closeReasons.some((r) => r.startsWith('sync.revoked: ')), 5000);
      await waitFor('the reconnection refused', () => wang.seen.authFailures.some((r) => r.startsWith('sync.revoked: ')), 5000);
      assert.ok(Date.now() - revokedAt < 5000);
      assert.ok(!zhao.seen.closeReasons.some((r) => r.startsWith('sync.')), 'the other user is not cut');
      assert.equal(zhao.provider.synced, true, 'the other user is still synced');
      assert.match(serving.stderr(), /sync: cut 1 connection\(s\) of 王编辑: sync\.revoked/);

      const json = JSON.parse(cliOn(library, 'users', 'list', '--json').stdout) as { name: string; status: string }[];
      assert.deepEqual(
        json.map((u) => [u.name, u.status]),
        [
          ['王编辑', 'revoked'],
          ['赵编辑', 'active'],
        ],
      );
    } finally {
      wang.provider.destroy();
      zhao.provider.destroy();
    }
  });
});

describe('users beside a library held open on this machine', () => {
  test('a library held by this process: users add and list work on the file; the holder sees the user', () => {
    const library = path.join(tmp, 'held');
    makeLibrary(library);
    const lib = openLibrary(library);
    try {
      const added = cliOn(library, 'users', 'add', '钱编辑', '--role', 'editor', '--expires', '2999-01-01');
      assert.equal(added.code, 0, added.stderr);
      const row = lib.db.prepare('SELECT role, expires_at FROM sync_users WHERE name = ?').get('钱编辑');
      assert.deepEqual({ ...row }, { role: 'editor', expires_at: '2999-01-01T00:00:00.000Z' });
      assert.match(cliOn(library, 'users', 'list').stdout, /钱编辑\teditor\tactive/);
    } finally {
      lib.close();
    }
    // Without a holder, the command takes the lock itself as before (and leaves none behind).
    assert.equal(cliOn(library, 'users', 'revoke', '钱编辑').code, 0);
    assert.ok(!fs.existsSync(path.join(library, LOCK_FILE)));
  });

  test('a held library older than the users table is refused, untouched', () => {
    const library = path.join(tmp, 'old');
    fs.mkdirSync(library);
    const raw = new DatabaseSync(path.join(library, DB_FILE));
    migrate(raw, MIGRATIONS.slice(0, 7));
    raw.close();
    // Held by this (running) process on this machine.
    const lock = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString() };
    fs.writeFileSync(path.join(library, LOCK_FILE), JSON.stringify(lock));
    const before = fs.readFileSync(path.join(library, DB_FILE));
    const res = cliOn(library, 'users', 'list');
    assert.equal(res.code, 1);
    assert.match(res.stderr, /CONFLICT/);
    assert.match(res.stderr, /older than its users table/);
    assert.deepEqual(fs.readFileSync(path.join(library, DB_FILE)), before);
  });

  test('a library held by another machine is refused (no SQLite writes across a network share)', () => {
    const library = path.join(tmp, 'foreign');
    makeLibrary(library);
    const lock = { pid: 4242, hostname: 'another-machine.invalid', startedAt: new Date().toISOString() };
    fs.writeFileSync(path.join(library, LOCK_FILE), JSON.stringify(lock));
    const res = cliOn(library, 'users', 'add', '孙编辑', '--role', 'editor');
    assert.equal(res.code, 1);
    assert.match(res.stderr, /locked by pid 4242 on host another-machine\.invalid/);
    fs.rmSync(path.join(library, LOCK_FILE));
    assert.doesNotMatch(cliOn(library, 'users', 'list').stdout, /孙编辑/);
  });
});
