import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sha256File, StagingArea } from '../../../../main/services/staging.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-staging-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
const area = (limits = { maxBytes: 1000, maxFiles: 3, idleMs: 60_000 }) => new StagingArea(path.join(root, `lib${++n}`), limits);
const bytes = (size: number) => new Uint8Array(size).fill(7);
const staged = (dir: StagingArea) => dir.usage().count;

describe('StagingArea', () => {
  test('a file stays while a job holds it and is deleted when the last job lets go', () => {
    const s = area();
    const f = s.stage('a.txt', bytes(10));
    s.retain([f.fileId]);
    s.retain([f.fileId]);
    s.release([f.fileId]);
    assert.ok(fs.existsSync(f.path));
    s.release([f.fileId]);
    assert.ok(!fs.existsSync(f.path));
    assert.throws(() => s.get(f.fileId), { code: 'NOT_FOUND' });
    assert.deepEqual(s.usage(), { count: 0, bytes: 0 });
  });

  test('past the total size or count, uploads are refused with STAGING_FULL; space freed is usable again', () => {
    const s = area();
    const a = s.stage('a', bytes(600));
    assert.throws(
      () => s.stage('b', bytes(500)),
      (e: { code?: string; details?: Record<string, unknown> }) => {
        assert.equal(e.code, 'STAGING_FULL');
        assert.equal(e.details?.count, 1);
        return true;
      },
    );
    s.stage('c', bytes(100));
    s.stage('d', bytes(100));
    assert.throws(() => s.stage('e', bytes(1)), { code: 'STAGING_FULL' });
    s.discard(a.fileId);
    assert.ok(!fs.existsSync(a.path));
    s.stage('b', bytes(500));
    assert.equal(staged(s), 3);
  });

  test('files no job took up are deleted after the idle time; files held by a job are not', () => {
    const s = area({ maxBytes: 1000, maxFiles: 10, idleMs: 1000 });
    const idle = s.stage('idle', bytes(1), 0);
    const held = s.stage('held', bytes(1), 0);
    s.retain([held.fileId]);
    s.stage('new', bytes(1), 5000);
    assert.ok(!fs.existsSync(idle.path));
    assert.ok(fs.existsSync(held.path));
    assert.equal(staged(s), 2);
  });

  test('a file used outside a job (attached as a scan) is discarded at once, unless a job holds it', () => {
    const s = area();
    const loose = s.stage('scan.pdf', bytes(5));
    const held = s.stage('text.txt', bytes(5));
    s.retain([held.fileId]);
    s.discard(loose.fileId);
    s.discard(held.fileId);
    assert.ok(!fs.existsSync(loose.path));
    assert.ok(fs.existsSync(held.path));
  });

  test('retaining an unknown file holds nothing', () => {
    const s = area();
    const f = s.stage('a', bytes(1));
    assert.throws(() => s.retain([f.fileId, 'nope']), { code: 'NOT_FOUND' });
    s.release([f.fileId]);
    assert.ok(!fs.existsSync(f.path), 'the known file was not retained either');
  });

  test('sha256File hashes a file in chunks', () => {
    const file = path.join(root, 'big.bin');
    const data = Buffer.alloc(3 * 1024 * 1024 + 5, 3);
    fs.writeFileSync(file, data);
    assert.equal(sha256File(file), createHash('sha256').update(data).digest('hex'));
  });
});
