import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lockPrompt, TAKE_OVER_BUTTON } from '../../../../main/electron/lockPrompt.ts';

const foreign = {
  code: 'LIBRARY_LOCKED' as const,
  message: 'locked',
  details: {
    library: '/data/lib',
    lockFile: '/data/lib/library.lock',
    pid: 4242,
    hostname: 'office-pc',
    startedAt: '2024-05-01T08:30:00.000Z',
    sameHost: false,
  },
};

test("another computer's lock asks: take over or quit (quit by default), naming host, pid and lock file", () => {
  const p = lockPrompt(foreign, 'T');
  assert.ok(p);
  assert.match(p.box.buttons[TAKE_OVER_BUTTON]!, /接管/);
  assert.match(p.box.buttons[p.box.cancelId]!, /退出/);
  assert.equal(p.box.defaultId, p.box.cancelId);
  for (const part of ['office-pc', '4242', '/data/lib/library.lock']) assert.ok(p.box.detail.includes(part), part);
  assert.deepEqual(p.lock, { pid: 4242, hostname: 'office-pc', startedAt: '2024-05-01T08:30:00.000Z' });
});

test('nothing to offer for a live instance here, a lock path that is a folder, or another error', () => {
  assert.equal(lockPrompt({ ...foreign, details: { ...foreign.details, sameHost: true, alive: true } }, 'T'), null);
  assert.equal(
    lockPrompt(
      { ...foreign, details: { library: '/l', lockFile: '/l/library.lock', pid: null, reason: 'lock-is-directory' } },
      'T',
    ),
    null,
  );
  assert.equal(lockPrompt({ code: 'DB_CORRUPT', message: 'bad' }, 'T'), null);
  assert.equal(lockPrompt(null, 'T'), null);
});
