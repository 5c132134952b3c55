import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLibrary } from '../../../main/store/index.ts';
import { startSyncServer, type SyncServer } from '../../../main/sync/server.ts';
import { makeSelfSignedCertificate } from '../../../main/sync/tls.ts';
import { addUser } from '../../../main/sync/users.ts';
import type { SyncCertificate, SyncView } from '../../../shared/model/sync.ts';
import { freePort, waitFor } from '../sync/helpers.ts';
import { bootTemp, call } from './helpers.ts';

/** The error code a channel call fails with (fails the test if it succeeds). */
async function failsWith(p: Promise<unknown>): Promise<{ code: string; details?: Record<string, unknown> }> {
  try {
    await p;
  } catch (err) {
    return (err as { shape: { code: string; details?: Record<string, unknown> } }).shape;
  }
  assert.fail('expected the call to fail');
}

describe('connecting the app to a wss:// server (sync:probe, sync:connect)', () => {
  let root = '';
  let server: SyncServer;
  let token = '';
  let app: Awaited<ReturnType<typeof bootTemp>>;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-sync-connect-'));
    const lib = openLibrary(path.join(root, 'server'));
    token = addUser(lib.db, '甲', 'editor').token;
    lib.close();
    server = await startSyncServer({
      libraryDir: path.join(root, 'server'),
      tls: await makeSelfSignedCertificate(),
      log: () => {},
    });
    app = await bootTemp();
  });
  after(async () => {
    await app.done();
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('the probe shows the fingerprint the server printed, and nothing is connected yet', async () => {
    const cert = await call<SyncCertificate>(app, 'sync:probe', { url: server.url });
    assert.equal(cert.fingerprint, server.fingerprint);
    assert.equal(cert.trusted, false);
    assert.equal((await call<SyncView>(app, 'sync:status')).mode, 'local');
  });

  test('connecting without a confirmed fingerprint, or with another one, is refused and changes nothing', async () => {
    const input = { url: server.url, user: '甲', token };
    assert.equal((await failsWith(call(app, 'sync:connect', input))).code, 'SYNC_CERT_UNCONFIRMED');
    const wrong = '00:' + server.fingerprint!.slice(3);
    const changed = await failsWith(call(app, 'sync:connect', { ...input, fingerprint: wrong }));
    assert.equal(changed.code, 'SYNC_CERT_CHANGED');
    assert.equal(changed.details?.shown, server.fingerprint);
    assert.equal((await call<SyncView>(app, 'sync:status')).mode, 'local');
  });

  test('an address where nothing answers says so', async () => {
    const url = `wss://127.0.0.1:${await freePort()}`;
    const err = await failsWith(call(app, 'sync:probe', { url }));
    assert.equal(err.code, 'SYNC_UNREACHABLE');
    assert.equal(err.details?.url, url);
  });

  test('the confirmed certificate is pinned, kept in the library, and the app syncs', async () => {
    const view = await call<SyncView>(app, 'sync:connect', {
      url: server.url,
      user: '甲',
      token,
      fingerprint: server.fingerprint,
    });
    assert.equal(view.fingerprint, server.fingerprint);
    await waitFor('connected', () => app.ctx.sync!.view().state === 'connected');
    const row = app.ctx.lib.db.prepare('SELECT certificate, fingerprint FROM sync_remote').get()!;
    assert.match(String(row.certificate), /^-----BEGIN CERTIFICATE-----/);
    assert.equal(row.fingerprint, server.fingerprint);
    await call(app, 'sync:disconnect');
    assert.equal(app.ctx.lib.db.prepare('SELECT count(*) AS n FROM sync_remote').get()!.n, 0);
  });
});
