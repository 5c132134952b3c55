import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBytes } from '../../../../shared/text/bytes.ts';

test('sizes for people', () => {
  assert.equal(formatBytes(0), '0 B');
  assert.equal(formatBytes(1023), '1023 B');
  assert.equal(formatBytes(1024), '1.0 KB');
  assert.equal(formatBytes(108_544), '106 KB');
  assert.equal(formatBytes(37 * 1024 * 1024), '37 MB');
  assert.equal(formatBytes(2.5 * 1024 ** 3), '2.5 GB');
  assert.equal(formatBytes(5000 * 1024 ** 4), '5000 TB');
});
