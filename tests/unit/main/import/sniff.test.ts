import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sniffBytes, sniffFile } from '../../../../main/import/sniff.ts';

const SEED = path.resolve(import.meta.dirname, '..', '..', '..', 'fixtures', 'seed');

test('recognises scans and PDFs by content, not by name', () => {
  assert.equal(sniffFile(path.join(SEED, 'scan', 'page-001.jpg')), 'jpg');
  assert.equal(sniffFile(path.join(SEED, 'excerpt-scan.pdf')), 'pdf');
  assert.equal(sniffFile(path.join(SEED, 'excerpt.txt')), null);
  assert.equal(sniffBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])), 'png');
  assert.equal(sniffBytes(new Uint8Array([0x49, 0x49, 0x2a, 0x00])), 'tif');
  assert.equal(sniffBytes(new Uint8Array([0x4d, 0x4d, 0x00, 0x2a])), 'tif');
  assert.equal(sniffBytes(new TextEncoder().encode('junk before %PDF-1.7\n')), 'pdf');
  assert.equal(sniffBytes(new Uint8Array()), null);
  assert.ok(fs.existsSync(SEED));
});
