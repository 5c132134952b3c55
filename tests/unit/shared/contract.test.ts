import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contract, CHANNELS, isChannel } from '../../../shared/ipc/contract.ts';

test('every channel is named domain:verb and has input and output schemas', () => {
  for (const ch of CHANNELS) {
    assert.match(ch, /^[a-z]+:[a-zA-Z]+$/);
    assert.ok(contract[ch].input, ch);
    assert.ok(contract[ch].output, ch);
  }
  assert.equal(isChannel('volumes:list'), true);
  assert.equal(isChannel('__proto__'), false);
  assert.equal(isChannel('toString'), false);
});
