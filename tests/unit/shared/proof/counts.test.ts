import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { countChars } from '../../../../shared/proof/counts.ts';

/** The definition, character by character (what countChars must equal, only faster). */
function reference(text: string) {
  let chars = 0;
  let han = 0;
  for (const ch of text) {
    if (/\s/u.test(ch)) continue;
    chars++;
    if (/\p{Script=Han}/u.test(ch)) han++;
  }
  return { chars, han, paragraphs: text.split('\n').filter((l) => l.trim() !== '').length };
}

describe('countChars', () => {
  test('equals the per-character definition on the seed text', () => {
    const text = readFileSync(new URL('../../../fixtures/seed/excerpt.txt', import.meta.url), 'utf8');
    assert.deepEqual(countChars(text), reference(text));
  });

  test('surrogate pairs count once, lone surrogates and full-width spaces as the definition says', () => {
    for (const text of ['𠀀𠀁 甲', '\ud840甲\udc00', '甲\u3000乙\t丙\n\n丁', '', '\n \n', 'a\ud840']) {
      assert.deepEqual(countChars(text), reference(text), JSON.stringify(text));
    }
  });
});
