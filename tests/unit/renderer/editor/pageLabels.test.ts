import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makePageLabeler, padPrinted } from '../../../../renderer/editor/pageLabels.ts';

test('page labels use the printed number, padded, else the page’s place in the volume; the wording is the caller’s', () => {
  const label = makePageLabeler(
    new Map([
      [4, '1'],
      [5, '12'],
      [6, 'iv'],
      [7, null],
    ]),
    {
      printed: (l) => `第 ${l} 页`,
      unnumbered: (n) => `第 ${n} 面`,
    },
  );
  assert.equal(label(4), '第 001 页');
  assert.equal(label(5), '第 012 页');
  assert.equal(label(6), '第 iv 页');
  assert.equal(label(7), '第 8 面');
  assert.equal(label(99), '第 100 面');
  assert.equal(padPrinted('123'), '123');
});
