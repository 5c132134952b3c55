import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createScanHandler, scanScheme } from '../../../../main/electron/scanProtocol.ts';

describe('scan:// protocol handler', () => {
  let dir: string;
  let scans: string;
  const bytes = randomBytes(4096);
  const name = `${'d'.repeat(64)}.pdf`;
  const link = `${'e'.repeat(64)}.jpg`;
  let handler: (r: Request) => Promise<Response>;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-protocol-'));
    scans = path.join(dir, 'scans');
    fs.mkdirSync(scans);
    fs.writeFileSync(path.join(scans, name), bytes);
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'SECRET');
    fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(scans, link));
    handler = createScanHandler({ scansDir: () => scans, allowedOrigins: ['null', 'file://'] });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('serves a whole file and exact byte ranges', async () => {
    const full = await handler(new Request(`scan://library/${name}`));
    assert.equal(full.status, 200);
    assert.equal(full.headers.get('content-type'), 'application/pdf');
    assert.ok(Buffer.from(await full.arrayBuffer()).equals(bytes));

    const part = await handler(new Request(`scan://library/${name}`, { headers: { Range: 'bytes=1000-1999' } }));
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-range'), `bytes 1000-1999/${bytes.length}`);
    assert.ok(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(1000, 2000)));

    const bad = await handler(new Request(`scan://library/${name}`, { headers: { Range: 'bytes=5000-' } }));
    assert.equal(bad.status, 416);
  });

  test('refuses other hosts, bad names, traversal and symlinks out of the folder', async () => {
    const cases: [string, number][] = [
      [`scan://other/${name}`, 404],
      [`scan://library/sub/${name}`, 400],
      ['scan://library/', 400],
      ['scan://library/secret.txt', 400],
      ['scan://library/..%2fsecret.txt', 400],
      ['scan://library/%2e%2e/secret.txt', 400],
      [`scan://library/${link}`, 404],
    ];
    for (const [url, status] of cases) {
      const r = await handler(new Request(url));
      assert.equal(r.status, status, url);
      assert.ok(!(await r.text()).includes('SECRET'), url);
    }
  });

  test('CORS is granted to the app page only', async () => {
    const ours = await handler(new Request(`scan://library/${name}`, { headers: { Origin: 'null' } }));
    assert.equal(ours.headers.get('access-control-allow-origin'), 'null');
    const theirs = await handler(new Request(`scan://library/${name}`, { headers: { Origin: 'https://evil.example' } }));
    assert.equal(theirs.headers.get('access-control-allow-origin'), null);
  });

  test('scheme privileges: fetchable and streamable, no CSP bypass', () => {
    assert.equal(scanScheme.scheme, 'scan');
    assert.equal(scanScheme.privileges?.supportFetchAPI, true);
    assert.equal(scanScheme.privileges?.stream, true);
    assert.notEqual(scanScheme.privileges?.bypassCSP, true);
    assert.notEqual(scanScheme.privileges?.allowServiceWorkers, true);
  });
});
