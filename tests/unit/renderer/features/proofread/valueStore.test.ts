import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createValueStore } from '../../../../../renderer/features/proofread/valueStore.ts';

test('a value store notifies its subscribers of changes only, until they unsubscribe', () => {
  const store = createValueStore(1);
  const seen: number[] = [];
  const stop = store.subscribe(() => seen.push(store.get()));
  store.set(2);
  store.set(2);
  store.set(3);
  stop();
  store.set(4);
  assert.deepEqual(seen, [2, 3]);
  assert.equal(store.get(), 4);
});
