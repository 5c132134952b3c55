import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { collapseSame, diffText } from '../../../../shared/proof/diff.ts';
import { countChars } from '../../../../shared/proof/counts.ts';

describe('diffText', () => {
  test('character diff of Chinese text rebuilds both sides', () => {
    const a = '社区共有居民1412户，总人口4012人。';
    const b = '社区共有居民1413户，人口4012人！';
    const d = diffText(a, b);
    assert.equal(d.coarse, false);
    assert.equal(
      d.parts
        .filter((p) => p.kind !== 'ins')
        .map((p) => p.text)
        .join(''),
      a,
    );
    assert.equal(
      d.parts
        .filter((p) => p.kind !== 'del')
        .map((p) => p.text)
        .join(''),
      b,
    );
    assert.deepEqual([d.inserted, d.deleted], [2, 3]);
  });

  test('identical texts give one unchanged part', () => {
    assert.deepEqual(diffText('同', '同').parts, [{ kind: 'same', text: '同' }]);
  });

  test('collapseSame shortens long unchanged runs but keeps changes', () => {
    const long = '甲'.repeat(100);
    const parts = collapseSame(diffText(long + '乙' + long, long + '丙' + long).parts, 5);
    assert.ok(parts.every((p) => [...p.text].length < 20));
    assert.deepEqual(
      parts
        .filter((p) => p.kind !== 'same')
        .map((p) => p.text)
        .sort(),
      ['丙', '乙'],
    );
  });
});

describe('countChars', () => {
  test('counts non-whitespace code points, Han characters and paragraphs', () => {
    assert.deepEqual(countChars('社区 共有1412户。\n\n𠀀好'), { chars: 12, han: 7, paragraphs: 2 });
  });
});
