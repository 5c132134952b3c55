import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startupErrorLine } from '../../../../main/launcher/messages.ts';

const base = {
  library: '/data/lib',
  lockFile: '/data/lib/library.lock',
  pid: 4242,
  hostname: 'office-pc',
  startedAt: '2024-05-01T08:30:00.000Z',
};
const locked = (details: Record<string, unknown>) => startupErrorLine({ code: 'LIBRARY_LOCKED', message: 'locked', details });

test("another computer's lock names host, pid, since and lock file, in both languages, and how to take over", () => {
  const line = locked({ ...base, sameHost: false });
  for (const part of [
    'office-pc',
    '4242',
    '2024-05-01',
    '/data/lib/library.lock',
    '/data/lib',
    '--force-unlock',
    '接管',
    'take over',
  ]) {
    assert.ok(line.includes(part), part);
  }
  assert.doesNotMatch(line, /no sign of life/);
  assert.match(
    locked({ ...base, sameHost: false, quiet: true, heartbeatAt: '2024-05-02T09:00:00.000Z' }),
    /no sign of life since 2024-05-0[23]/,
  );
});

test('a running instance on this computer is to be closed, not taken over', () => {
  const line = locked({ ...base, sameHost: true, alive: true });
  assert.ok(line.includes('4242') && line.includes('/data/lib/library.lock'));
  assert.match(line, /本机另一个运行中的编校台/);
  assert.match(line, /Close it/);
  assert.doesNotMatch(line, /--force-unlock/);
});

test('a lock path that is a folder says so and names it; no EISDIR', () => {
  const line = locked({ library: '/data/lib', lockFile: '/data/lib/library.lock', pid: null, reason: 'lock-is-directory' });
  assert.match(line, /文件夹/);
  assert.match(line, /is a folder/);
  assert.ok(line.includes('/data/lib/library.lock'));
});
