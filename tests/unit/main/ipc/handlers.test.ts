import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { CHANNELS } from '../../../../shared/ipc/contract.ts';
import { createHandlers } from '../../../../main/ipc/handlers.ts';
import { bootTemp } from '../../../integration/services/helpers.ts';

const app = await bootTemp();
after(() => app.done());

test('every contract channel has exactly one handler, and nothing else is handled', () => {
  const handlers = createHandlers(app.ctx);
  assert.deepEqual(Object.keys(handlers).sort(), [...CHANNELS].sort());
  for (const ch of CHANNELS) assert.equal(typeof handlers[ch], 'function', ch);
});

test('a bad payload on any channel is a VALIDATION error naming the channel, never a crash', async () => {
  for (const ch of CHANNELS) {
    for (const bad of [
      42,
      'x',
      [1, 2],
      { id: 'one', volumeId: -1, jobId: 7, fileId: null, title: '', bytes: 'AAAA', stage: 'done' },
    ]) {
      const res = await app.dispatch(ch, bad);
      // Channels whose input is all-optional accept an object with unknown keys; the rest must refuse.
      if (res.ok) {
        assert.ok(typeof bad === 'object' && !Array.isArray(bad), `${ch} accepted ${JSON.stringify(bad)}`);
        continue;
      }
      assert.equal(res.error.code, 'VALIDATION', `${ch} with ${JSON.stringify(bad)} gave ${res.error.code}`);
      assert.equal(res.error.details?.channel, ch);
    }
  }
});

test('an unknown channel is refused with UNKNOWN_CHANNEL', async () => {
  for (const ch of ['volumes:drop', '__proto__', 'constructor', '']) {
    const res = await app.dispatch(ch, {});
    assert.equal(res.ok, false);
    if (!res.ok) assert.equal(res.error.code, 'UNKNOWN_CHANNEL');
  }
});
