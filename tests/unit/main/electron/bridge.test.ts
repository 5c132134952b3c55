import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Envelope } from '../../../../shared/ipc/contract.ts';
import { createBridge } from '../../../../main/electron/bridge.ts';

function recorder() {
  const calls: [string, unknown][] = [];
  const invoke = async (channel: string, input: unknown): Promise<Envelope<unknown>> => {
    calls.push([channel, input]);
    return { ok: true, value: { echoed: channel } };
  };
  return { calls, invoke };
}

test('exposes exactly platform and invoke', () => {
  const bridge = createBridge(recorder().invoke);
  assert.deepEqual(Object.keys(bridge).sort(), ['invoke', 'platform']);
  assert.equal(bridge.platform, 'electron');
  assert.equal(typeof bridge.invoke, 'function');
  assert.ok(Object.isFrozen(bridge));
});

test('refuses channels outside the contract without calling invoke', async () => {
  const { calls, invoke } = recorder();
  const bridge = createBridge(invoke);
  for (const channel of ['app:quit', '__proto__', 'toString', 'constructor', '', 42 as unknown as string]) {
    const env = await bridge.invoke(channel, {});
    assert.equal(env.ok, false);
    assert.equal(env.ok === false && env.error.code, 'UNKNOWN_CHANNEL');
  }
  assert.deepEqual(calls, []);
});

test('forwards contract channels with their input untouched', async () => {
  const { calls, invoke } = recorder();
  const bridge = createBridge(invoke);
  const bytes = new Uint8Array([1, 2, 3]);
  const env = await bridge.invoke('files:stage', { name: '卷一.pdf', bytes });
  assert.deepEqual(env, { ok: true, value: { echoed: 'files:stage' } });
  assert.equal(calls.length, 1);
  assert.equal(calls[0]![0], 'files:stage');
  assert.equal((calls[0]![1] as { bytes: Uint8Array }).bytes, bytes);
});
