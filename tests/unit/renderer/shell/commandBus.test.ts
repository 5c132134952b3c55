import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CommandBus } from '../../../../renderer/shell/commandBus.ts';

test('a command goes to the screen that registered last, and back when it unmounts', () => {
  const bus = new CommandBus();
  const got: string[] = [];
  const offPage = bus.register('import', () => got.push('page'));
  const offDialog = bus.register('import', () => got.push('dialog'));
  assert.equal(bus.dispatch('import'), true);
  offDialog();
  assert.equal(bus.dispatch('import'), true);
  offPage();
  assert.equal(bus.dispatch('import'), false, 'nobody left to carry it out');
  assert.deepEqual(got, ['dialog', 'page']);
});

test('a parked command is delivered once, to the next screen that registers for it', () => {
  const bus = new CommandBus();
  const got: string[] = [];
  bus.park('newVolume');
  bus.register('import', () => got.push('import'));
  assert.equal(got.length, 0, 'another command does not take it');
  bus.register('newVolume', () => got.push('first'));
  bus.register('newVolume', () => got.push('second'));
  assert.deepEqual(got, ['first']);
});
