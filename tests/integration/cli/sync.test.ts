import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { openLibrary, writeImport } from '../../../main/store/index.ts';
import { loadState } from '../../../main/sync/updateLog.ts';
import { hashToken } from '../../../main/sync/users.ts';
import { SYNC_SCHEMA_VERSION } from '../../../shared/sync/docNames.ts';
import { newSharedDoc } from '../../../shared/sync/yDoc.ts';
import { seedImport } from '../store/helpers/fixtures.ts';
import { runCli, startServe, type Serving } from './helpers.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-cli-sync-'));
const library = path.join(tmp, 'library');
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(tmp, [...args, '--library', library]);

/** `serve` on this test's library; its SYNC_URL line must be its only output. */
async function startOwnServe(): Promise<Serving> {
  const serving = await startServe(tmp, library);
  assert.equal(serving.stdout().trim().split('\n').length, 1, 'one line');
  return serving;
}

/** A provider synced with the server (rejects with the refusal reason). */
async function syncedClient(url: string, name: string, token: string): Promise<{ provider: HocuspocusProvider; doc: Y.Doc }> {
  const doc = newSharedDoc();
  const provider = new HocuspocusProvider({ url: `${url}?schema=${SYNC_SCHEMA_VERSION}`, name, token, document: doc });
  try {
    await new Promise<void>((resolve, reject) => {
      provider.on('synced', () => resolve());
      provider.on('authenticationFailed', (e: { reason: string }) => reject(new Error(e.reason)));
    });
  } catch (err) {
    provider.destroy();
    throw err;
  }
  return { provider, doc };
}

/** Resolves once the server has acknowledged every local change of the provider. */
function acknowledged(provider: HocuspocusProvider): Promise<void> {
  return new Promise<void>((resolve) => {
    const check = () => (provider.hasUnsyncedChanges ? setTimeout(check, 10) : resolve());
    check();
  });
}

function storedText(name: string, key: string): string {
  const lib = openLibrary(library);
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, loadState(lib.db, name));
    return doc.getText(key).toString();
  } finally {
    lib.close();
  }
}

describe('users and serve on the command line', () => {
  let volumeUuid = '';
  let token = '';

  before(() => {
    const lib = openLibrary(library);
    try {
      writeImport(lib.db, seedImport());
      volumeUuid = String(lib.db.prepare('SELECT uuid FROM volumes LIMIT 1').get()!.uuid);
    } finally {
      lib.close();
    }
  });

  test('users add prints the token once; only its hash is stored', () => {
    const res = cli('users', 'add', '李编辑', '--role', 'editor');
    assert.equal(res.code, 0, res.stderr);
    token = res.stdout.trim();
    assert.match(token, /^cbw_[A-Za-z0-9_-]{43}$/);
    assert.match(res.stderr, /shown only this once/);
    const lib = openLibrary(library);
    try {
      const row = lib.db.prepare('SELECT role, token_hash FROM sync_users WHERE name = ?').get('李编辑')!;
      assert.equal(row.role, 'editor');
      assert.equal(row.token_hash, hashToken(token));
    } finally {
      lib.close();
    }
    // Closed (WAL checkpointed): the token appears nowhere in the library file.
    const secret = token.slice(4);
    for (const f of fs.readdirSync(library)) {
      const p = path.join(library, f);
      if (fs.statSync(p).isFile()) assert.ok(!fs.readFileSync(p).includes(secret), `${f} does not hold the token`);
    }
  });

  test('users list shows users and their state, never a token; revoke refuses the user', () => {
    assert.equal(cli('users', 'add', 'reader', '--role', 'viewer', '--expires', '2999-01-01').code, 0);
    const listed = cli('users', 'list');
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /^name\trole\tstatus/);
    assert.match(listed.stdout, /李编辑\teditor\tactive/);
    assert.match(listed.stdout, /reader\tviewer\tactive\t[^\t]+\t2999-01-01T00:00:00.000Z/);
    assert.ok(!listed.stdout.includes(token.slice(4)));

    const revoked = cli('users', 'revoke', 'reader');
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.match(revoked.stdout, /^revoked reader/);
    const json = JSON.parse(cli('users', 'list', '--json').stdout) as { name: string; status: string }[];
    assert.deepEqual(
      json.map((u) => [u.name, u.status]),
      [
        ['李编辑', 'active'],
        ['reader', 'revoked'],
      ],
    );
  });

  test('users: usage and refusals', () => {
    const dup = cli('users', 'add', 'reader', '--role', 'editor');
    assert.equal(dup.code, 1);
    assert.match(dup.stderr, /CONFLICT/);
    assert.equal(cli('users', 'add', 'x', '--role', 'admin').code, 2);
    assert.equal(cli('users', 'add', 'x').code, 2);
    assert.equal(cli('users', 'add', 'x', '--role', 'viewer', '--expires', 'soon').code, 2);
    assert.equal(cli('users', 'revoke', 'nobody').code, 1);
    assert.equal(cli('users', 'frobnicate').code, 2);
  });

  test('serve prints SYNC_URL, a client syncs, SIGTERM closes it and releases the lock', async () => {
    const serving = await startOwnServe();
    let provider: HocuspocusProvider | null = null;
    try {
      // The server holds the library: another writer is refused.
      assert.throws(() => openLibrary(library), { code: 'LIBRARY_LOCKED' });
      const client = await syncedClient(serving.url, `vol:${volumeUuid}`, token);
      provider = client.provider;
      client.doc.getText('t').insert(0, '团队');
      await acknowledged(client.provider);
    } finally {
      provider?.destroy();
      serving.kill('SIGTERM');
    }
    assert.equal(await serving.exited, 0, serving.stderr());
    const lib = openLibrary(library);
    try {
      const row = lib.db.prepare('SELECT count(*) AS n FROM sync_docs WHERE name = ?').get(`vol:${volumeUuid}`)!;
      assert.equal(Number(row.n), 1, 'the document was stored on the way out');
      const log = lib.db.prepare('SELECT count(*) AS n FROM sync_updates WHERE doc = ?').get(`vol:${volumeUuid}`)!;
      assert.equal(Number(log.n), 0, 'and its log folded in');
    } finally {
      lib.close();
    }
    assert.equal(storedText(`vol:${volumeUuid}`, 't'), '团队');
  });

  test('an acknowledged edit survives SIGKILL of the server', async () => {
    const serving = await startOwnServe();
    let provider: HocuspocusProvider | null = null;
    try {
      const client = await syncedClient(serving.url, `vol:${volumeUuid}`, token);
      provider = client.provider;
      client.doc.getText('k').insert(0, '断电也在');
      await acknowledged(client.provider);
    } finally {
      serving.kill('SIGKILL');
      provider?.destroy();
    }
    await serving.exited;
    // The lock of the dead server is taken over; the edit is in the log (no store ran).
    const lib = openLibrary(library);
    try {
      const log = lib.db.prepare('SELECT count(*) AS n FROM sync_updates WHERE doc = ?').get(`vol:${volumeUuid}`)!;
      assert.ok(Number(log.n) > 0, 'the edit is in the log');
    } finally {
      lib.close();
    }
    assert.equal(storedText(`vol:${volumeUuid}`, 'k'), '断电也在');
  });

  test('serve: a bad port is a usage error', () => {
    assert.equal(cli('serve', '--port', 'eighty').code, 2);
  });
});
