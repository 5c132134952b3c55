import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { locateHit } from '../../../../../renderer/features/search/locateHit.ts';

describe('locating a search hit in the editor', () => {
  const blocks = ['党建引领', '村委会带领党员群众修路。', 'Model village'];

  test('a plain-text offset becomes a block and an offset in it', () => {
    assert.deepEqual(locateHit(blocks, { at: 0, length: 1, text: '党' }), { block: 0, start: 0, end: 1 });
    assert.deepEqual(locateHit(blocks, { at: 10, length: 2, text: '党员' }), { block: 1, start: 5, end: 7 });
    assert.deepEqual(locateHit(blocks, { at: 18, length: 5, text: 'Model' }), { block: 2, start: 0, end: 5 });
  });

  test('after an edit the nearest occurrence is taken; a vanished hit is none', () => {
    const edited = ['党建引领（新）', '村委会带领党员群众修路。'];
    assert.deepEqual(locateHit(edited, { at: 10, length: 2, text: '党员' }), { block: 1, start: 5, end: 7 });
    assert.deepEqual(locateHit(['党员甲', '乙', '党员丙'], { at: 5, length: 2, text: '党员' }), { block: 2, start: 0, end: 2 });
    assert.deepEqual(locateHit(['党员甲', '乙乙乙乙乙乙', '党员丙'], { at: 5, length: 2, text: '党员' }), {
      block: 0,
      start: 0,
      end: 2,
    });
    assert.equal(locateHit(edited, { at: 10, length: 2, text: '团员' }), null);
    assert.equal(locateHit([], { at: 0, length: 1, text: '党' }), null);
  });

  test('ASCII case does not matter, as in the search', () => {
    assert.deepEqual(locateHit(blocks, { at: 18, length: 5, text: 'MODEL' }), { block: 2, start: 0, end: 5 });
  });
});
