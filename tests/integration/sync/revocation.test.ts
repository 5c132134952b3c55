import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { addUser, revokeUser } from '../../../main/sync/users.ts';
import type { SyncState } from '../../../main/sync/client.ts';
import {
  cloneLibrary,
  edit,
  makeLibraryWithCases,
  sleep,
  startApp,
  startTestServer,
  tempRoot,
  waitFor,
  within,
  type TestApp,
  type TestServer,
} from './helpers.ts';

// A user revoked or expired while connected is cut by the server within a couple of seconds (see
// main/sync/revocation.ts); the app ends refused with the server's reason and stops trying.

/** The server checks every second; a cut is expected well within this. */
const CUT_MS = 5000;

/**
 * Waits until `app` is refused for good: cut (its documents closed with `code`) and refused at once
 * with the server's reason, without trying to reconnect (a retry would only be refused again).
 */
async function refusedForGood(server: TestServer, app: TestApp, user: string, code: string): Promise<void> {
  const esc = code.replace('.', '\\.');
  const reason = new RegExp(`^${esc}: `);
  const logged = (re: RegExp) => server.log.some((l) => re.test(l));
  await waitFor(`${user} cut (${code})`, () => logged(new RegExp(`^sync: cut \\d+ connection\\(s\\) of ${user}: ${esc}: `)));
  await waitFor(
    `${user} refused`,
    () => app.client.status().state === 'refused' && reason.test(app.client.status().reason ?? ''),
  );
  // Past the client's reconnection delay (100 ms in these apps): it never came back to be refused.
  await sleep(500);
  assert.ok(!logged(new RegExp(`^sync: refused "[^"]+": ${esc}: `)), `${user} did not reconnect`);
  assert.equal(app.client.status().state, 'refused');
}

describe('sync server: revocation and expiry while connected', () => {
  let root: string;
  let origin: string;
  let server: TestServer;
  let a: TestApp;
  let b: TestApp;
  const seenByB: SyncState[] = [];

  before(async () => {
    root = tempRoot();
    origin = path.join(root, 'origin');
    makeLibraryWithCases(origin);
    for (const name of ['server', 'a', 'b', 'c']) cloneLibrary(origin, path.join(root, name));
    server = await startTestServer(path.join(root, 'server'), ['甲', '乙']);
    await server.start();
    a = startApp(path.join(root, 'a'), server.url, server.tokens.get('甲')!, '甲');
    b = startApp(path.join(root, 'b'), server.url, server.tokens.get('乙')!, '乙');
    b.client.onStatus((s) => seenByB.push(s.state));
    await within('A synced', a.client.whenSynced());
    await within('B synced', b.client.whenSynced());
  });

  after(async () => {
    await a?.close();
    await b?.close();
    await server?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('a user revoked while connected is cut and refused (sync.revoked); another user stays connected', async () => {
    assert.equal(b.client.status().state, 'connected');
    const revokedAt = Date.now();
    revokeUser(server.lib.db, '乙');
    await waitFor(
      'B refused as revoked',
      () => b.client.status().state === 'refused' && /^sync\.revoked: /.test(b.client.status().reason ?? ''),
      CUT_MS,
    );
    const tookMs = Date.now() - revokedAt;
    assert.ok(tookMs < CUT_MS, `cut after ${tookMs} ms`);
    await refusedForGood(server, b, '乙', 'sync.revoked');

    // A's edit still goes through the server while B stays refused (no retry: refused is final).
    const caseId = Number(a.lib.db.prepare('SELECT id FROM cases ORDER BY id LIMIT 1').get()!.id);
    edit(a, caseId, (doc) => {
      doc.blocks[0]!.text = `${doc.blocks[0]!.text}（撤销之后）`;
      return doc;
    });
    await within('A synced after the edit', a.client.whenSynced());
    assert.equal(a.client.status().state, 'connected');
    assert.equal(b.client.status().state, 'refused');
    assert.match(b.client.status().reason ?? '', /^sync\.revoked: /);
    assert.ok(!b.client.readCase(caseId).blocks[0]!.text.endsWith('（撤销之后）'), 'B no longer receives edits');
    assert.equal(seenByB.at(-1), 'refused');
  });

  test('a user whose access expires while connected is cut and refused (sync.expired)', async () => {
    const expiresMs = Date.now() + 4000;
    const { token } = addUser(server.lib.db, '丙', 'editor', { expiresAt: new Date(expiresMs).toISOString() });
    const c = startApp(path.join(root, 'c'), server.url, token, '丙');
    try {
      await within('C synced', c.client.whenSynced());
      assert.ok(Date.now() < expiresMs, 'C synced before its access expired (else this test proves nothing)');
      assert.equal(c.client.status().state, 'connected');
      await waitFor(
        'C refused as expired',
        () => c.client.status().state === 'refused' && /^sync\.expired: /.test(c.client.status().reason ?? ''),
        expiresMs - Date.now() + CUT_MS,
      );
      assert.ok(Date.now() >= expiresMs, 'not cut before its expiry');
      await refusedForGood(server, c, '丙', 'sync.expired');
      assert.equal(a.client.status().state, 'connected', 'A is not affected');
    } finally {
      await c.close();
    }
  });
});
