import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { checkScanName, openScan, parseRange, scanContentType } from '../../../../main/scans/serve.ts';

test('parseRange', () => {
  const size = 1000;
  assert.deepEqual(parseRange(undefined, size), { kind: 'full' });
  assert.deepEqual(parseRange('', size), { kind: 'full' });
  assert.deepEqual(parseRange('bytes=0-99', size), { kind: 'partial', start: 0, end: 99 });
  assert.deepEqual(parseRange('bytes=900-', size), { kind: 'partial', start: 900, end: 999 });
  assert.deepEqual(parseRange('bytes=900-5000', size), { kind: 'partial', start: 900, end: 999 });
  assert.deepEqual(parseRange('bytes=-100', size), { kind: 'partial', start: 900, end: 999 });
  assert.deepEqual(parseRange('bytes=-5000', size), { kind: 'partial', start: 0, end: 999 });
  assert.deepEqual(parseRange('bytes=0-0', size), { kind: 'partial', start: 0, end: 0 });
  assert.deepEqual(parseRange('items=0-1', size), { kind: 'full' });
  assert.deepEqual(parseRange('bytes=0-1,5-6', size), { kind: 'full' });
  for (const bad of ['bytes=1000-', 'bytes=5-1', 'bytes=-0', 'bytes=-', 'bytes=a-b', 'bytes=1.5-2', 'bytes= -']) {
    assert.deepEqual(parseRange(bad, size), { kind: 'unsatisfiable' }, bad);
  }
  assert.deepEqual(parseRange('bytes=0-', 0), { kind: 'unsatisfiable' });
});

test('scan names: a content hash and a known extension, nothing else', () => {
  const hash = 'f'.repeat(64);
  assert.deepEqual(checkScanName(`${hash}.pdf`), { ok: true, name: `${hash}.pdf` });
  assert.deepEqual(checkScanName(`${hash}%2Epdf`), { ok: true, name: `${hash}.pdf` });
  for (const bad of [
    `../${hash}.pdf`,
    `..%2f${hash}.pdf`,
    `${hash}.exe`,
    `${hash.toUpperCase()}.pdf`,
    `${hash}.pdf%00`,
    '%E0%A4%A',
    `/etc/${hash}.pdf`,
    `${hash}.pdf/`,
  ]) {
    assert.equal(checkScanName(bad).ok, false, bad);
  }
  assert.equal(scanContentType('x.tiff'), 'image/tiff');
  assert.equal(scanContentType('x.png'), 'image/png');
});

describe('openScan', () => {
  let dir: string;
  const name = `${'1'.repeat(64)}.png`;
  const empty = `${'2'.repeat(64)}.pdf`;
  const folder = `${'3'.repeat(64)}.pdf`;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-files-'));
    fs.writeFileSync(path.join(dir, name), '0123456789');
    fs.writeFileSync(path.join(dir, empty), '');
    fs.mkdirSync(path.join(dir, folder));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('range body and headers', async () => {
    const r = await openScan(dir, name, { method: 'GET', range: 'bytes=2-5' });
    assert.equal(r.status, 206);
    assert.equal(r.headers['Content-Range'], 'bytes 2-5/10');
    assert.equal(r.headers['Content-Type'], 'image/png');
    assert.equal(await text(r.body!), '2345');
  });

  test('HEAD has headers and no body; other methods are 405', async () => {
    const head = await openScan(dir, name, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers['Content-Length'], '10');
    assert.equal(head.body, null);
    assert.equal((await openScan(dir, name, { method: 'POST' })).status, 405);
  });

  test('empty files, folders and missing folders', async () => {
    const e = await openScan(dir, empty, { method: 'GET' });
    assert.equal(e.status, 200);
    assert.equal(e.headers['Content-Length'], '0');
    assert.equal((await openScan(dir, folder, { method: 'GET' })).status, 404);
    assert.equal((await openScan(path.join(dir, 'nope'), name, { method: 'GET' })).status, 404);
  });
});
