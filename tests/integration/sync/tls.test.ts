import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import tls from 'node:tls';
import { getCase } from '../../../main/store/index.ts';
import {
  certificateFromFiles,
  fingerprintOf,
  libraryCertificate,
  makeSelfSignedCertificate,
  probeCertificate,
  type ServerCertificate,
} from '../../../main/sync/tls.ts';
import {
  caseRows,
  cloneLibrary,
  converge,
  edit,
  makeLibraryWithCases,
  startApp,
  startTestServer,
  sleep,
  tempRoot,
  waitFor,
  within,
  type TestApp,
  type TestServer,
} from './helpers.ts';

const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

describe('the server certificate', () => {
  let root = '';
  before(() => {
    root = tempRoot('casebook-tls-');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  test('is made once per library, kept private, and reused (users pinned it)', async () => {
    const dir = path.join(root, 'lib');
    fs.mkdirSync(dir);
    const first = await libraryCertificate(dir, ['192.168.1.10', 'office-pc']);
    const again = await libraryCertificate(dir);
    assert.equal(again.cert, first.cert);
    assert.match(fingerprintOf(first.cert), FINGERPRINT);
    const keyMode = fs.statSync(path.join(dir, 'sync-tls', 'key.pem')).mode & 0o777;
    assert.equal(keyMode & 0o077, 0, 'the key is readable by its owner only');
    const names = new (await import('node:crypto')).X509Certificate(first.cert).subjectAltName ?? '';
    for (const n of ['localhost', '127.0.0.1', '192.168.1.10', 'office-pc']) assert.ok(names.includes(n), `${n} in ${names}`);
  });

  test('files given by the office are checked to belong together', async () => {
    const a = await makeSelfSignedCertificate();
    const b = await makeSelfSignedCertificate();
    const certFile = path.join(root, 'a.pem');
    const keyFile = path.join(root, 'b.key');
    fs.writeFileSync(certFile, a.cert);
    fs.writeFileSync(keyFile, b.key);
    assert.throws(() => certificateFromFiles(certFile, keyFile));
    fs.writeFileSync(keyFile, a.key);
    assert.equal(certificateFromFiles(certFile, keyFile).cert, a.cert);
  });
});

describe('team sync over wss:// with a pinned certificate', () => {
  let root = '';
  let cert: ServerCertificate;
  let server: TestServer;
  let caseId = 0;
  const apps: TestApp[] = [];

  before(async () => {
    root = tempRoot('casebook-tls-');
    const seedDir = path.join(root, 'seed');
    ({ pagedCaseId: caseId } = makeLibraryWithCases(seedDir));
    for (const who of ['server', 'a', 'b']) cloneLibrary(seedDir, path.join(root, who));
    cert = await makeSelfSignedCertificate();
    server = await startTestServer(path.join(root, 'server'), ['甲', '乙'], 0, { tls: cert });
    await server.start();
  });
  after(async () => {
    for (const app of apps) await app.close();
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('the server speaks wss:// and a probe shows the fingerprint the server prints', async () => {
    assert.match(server.url, /^wss:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(server.server!.fingerprint, fingerprintOf(cert.cert));
    const info = await probeCertificate(server.url);
    assert.equal(info.fingerprint, server.server!.fingerprint);
    assert.equal(fingerprintOf(info.pem), info.fingerprint);
    assert.equal(info.trusted, false, 'a self-signed certificate is not vouched for by the system');
    assert.ok(Date.parse(info.validTo) > Date.now());
  });

  test('two apps pinned to the certificate merge their edits', async () => {
    const a = startApp(path.join(root, 'a'), server.url, server.tokens.get('甲')!, '甲', { certificate: cert.cert });
    const b = startApp(path.join(root, 'b'), server.url, server.tokens.get('乙')!, '乙', { certificate: cert.cert });
    apps.push(a, b);
    await within('A synced', a.client.whenSynced());
    await within('B synced', b.client.whenSynced());
    edit(a, caseId, (doc) => {
      doc.blocks[0]!.text += '（甲）';
      return doc;
    });
    edit(b, caseId, (doc) => {
      doc.blocks[4]!.text += '（乙）';
      return doc;
    });
    const merged = await converge(a, b, caseId);
    assert.ok(merged.blocks[0]!.text.endsWith('（甲）'));
    assert.ok(merged.blocks[4]!.text.endsWith('（乙）'));
    assert.equal(getCase(a.lib.db, caseId).text, getCase(b.lib.db, caseId).text);
  });

  test('a new machine gets the library over https:// with the same pin', async () => {
    const dir = path.join(root, 'fresh');
    fs.mkdirSync(dir);
    const c = startApp(dir, server.url, server.tokens.get('乙')!, '乙', { certificate: cert.cert });
    apps.push(c);
    await within('discovered', c.client.discover());
    await waitFor('every row as on the server', () => {
      c.client.flushVolumes();
      c.client.flushRebuilds();
      return JSON.stringify(caseRows(c.lib)) === JSON.stringify(caseRows(apps[0]!.lib));
    });
  });

  test('a server showing another certificate is refused before the token is sent', async () => {
    const other = await makeSelfSignedCertificate();
    const dir = path.join(root, 'pinned-elsewhere');
    cloneLibrary(path.join(root, 'seed'), dir);
    const refusalsBefore = server.log.length;
    const d = startApp(dir, server.url, server.tokens.get('甲')!, '甲', { certificate: other.cert });
    apps.push(d);
    await waitFor('refused for its certificate', () => d.client.status().state === 'refused');
    assert.match(d.client.status().reason ?? '', /^sync\.certChanged: /);
    assert.equal(server.log.length, refusalsBefore, 'the server never saw a request to refuse');
    // It stays refused: no retry until the user confirms the new certificate.
    await sleep(600);
    assert.equal(d.client.status().state, 'refused');
  });

  test('without a pin, the system’s authorities decide: a self-signed server is not reached', async () => {
    const dir = path.join(root, 'unpinned');
    cloneLibrary(path.join(root, 'seed'), dir);
    const e = startApp(dir, server.url, server.tokens.get('甲')!, '甲');
    apps.push(e);
    await waitFor('refused', () => e.client.status().state === 'refused');
    assert.match(e.client.status().reason ?? '', /^sync\.certUntrusted: /);
  });

  test('the pinned options refuse a server whose certificate differs, in the handshake', async () => {
    const other = await makeSelfSignedCertificate();
    const { pinnedTlsOptions } = await import('../../../main/sync/tls.ts');
    const url = new URL(server.url);
    const err = await new Promise<Error | null>((resolve) => {
      const s = tls.connect({ host: url.hostname, port: Number(url.port), ...pinnedTlsOptions(other.cert) });
      s.once('secureConnect', () => {
        s.end();
        resolve(null);
      });
      s.once('error', resolve);
    });
    assert.ok(err, 'the handshake failed');
  });
});
