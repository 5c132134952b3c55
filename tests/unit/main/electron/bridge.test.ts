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
  const subscribed: string[] = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  const subscribe = (event: 'app:menu', listener: (payload: unknown) => void) => {
    subscribed.push(event);
    listeners.set(event, listener);
    return () => listeners.delete(event);
  };
  return { calls, invoke, subscribe, subscribed, listeners };
}

test('exposes exactly platform, invoke and on', () => {
  const bridge = createBridge(recorder().invoke, recorder().subscribe);
  assert.deepEqual(Object.keys(bridge).sort(), ['invoke', 'on', 'platform']);
  assert.equal(bridge.platform, 'electron');
  assert.equal(typeof bridge.invoke, 'function');
  assert.ok(Object.isFrozen(bridge));
});

test('refuses channels outside the contract without calling invoke', async () => {
  const { calls, invoke, subscribe } = recorder();
  const bridge = createBridge(invoke, subscribe);
  for (const channel of ['app:quit', '__proto__', 'toString', 'constructor', '', 42 as unknown as string]) {
    const env = await bridge.invoke(channel, {});
    assert.equal(env.ok, false);
    assert.equal(env.ok === false && env.error.code, 'UNKNOWN_CHANNEL');
  }
  assert.deepEqual(calls, []);
});

test('forwards contract channels with their input untouched', async () => {
  const { calls, invoke, subscribe } = recorder();
  const bridge = createBridge(invoke, subscribe);
  const bytes = new Uint8Array([1, 2, 3]);
  const env = await bridge.invoke('files:stage', { name: '卷一.pdf', bytes });
  assert.deepEqual(env, { ok: true, value: { echoed: 'files:stage' } });
  assert.equal(calls.length, 1);
  assert.equal(calls[0]![0], 'files:stage');
  assert.equal((calls[0]![1] as { bytes: Uint8Array }).bytes, bytes);
});

test('forwards known app events only, and unsubscribes', () => {
  const rec = recorder();
  const bridge = createBridge(rec.invoke, rec.subscribe);
  const got: unknown[] = [];
  const off = bridge.on('app:menu', (p) => got.push(p));
  rec.listeners.get('app:menu')?.('import');
  assert.deepEqual(got, ['import']);
  off();
  assert.equal(rec.listeners.size, 0);
  const offUnknown = bridge.on('contract' as never, () => assert.fail('must not subscribe'));
  assert.deepEqual(rec.subscribed, ['app:menu']);
  offUnknown();
});
