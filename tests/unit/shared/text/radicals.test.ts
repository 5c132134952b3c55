import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hasRadicals, normalizeRadicals } from '../../../../shared/text/radicals.ts';

describe('normalizeRadicals', () => {
  test('folds Kangxi radicals (U+2F00–U+2FDF) by NFKC', () => {
    assert.equal(normalizeRadicals('\u2F00\u2F06\u2F08\u2F47\u2FD5'), '一二人日龠');
    assert.equal(normalizeRadicals('创先争优活动\u2F00年'), '创先争优活动一年');
  });

  test('folds the simplified CJK radical supplements the brief names', () => {
    assert.equal(normalizeRadicals('\u2EDA\u2ED3\u2ED4\u2EC4'), '页长门西');
    assert.equal(normalizeRadicals('首\u2EDA·\u2ED3期·出\u2ED4'), '首页·长期·出门');
  });

  test('covers every C-/simplified form of the supplement with a standalone ideograph', () => {
    const simplified: Record<string, string> = {
      '\u2EA6': '丬',
      '\u2EB0': '纟',
      '\u2EC5': '见',
      '\u2EC6': '角',
      '\u2EC8': '讠',
      '\u2EC9': '贝',
      '\u2ECB': '车',
      '\u2ECC': '辶',
      '\u2ED0': '钅',
      '\u2ED9': '韦',
      '\u2EDB': '风',
      '\u2EDC': '飞',
      '\u2EE0': '饣',
      '\u2EE2': '马',
      '\u2EE5': '鱼',
      '\u2EE6': '鸟',
      '\u2EE7': '卤',
      '\u2EE8': '麦',
      '\u2EE9': '黄',
      '\u2EEA': '黾',
      '\u2EEC': '齐',
      '\u2EEE': '齿',
      '\u2EF0': '龙',
      '\u2EF3': '龟',
    };
    for (const [radical, ideograph] of Object.entries(simplified)) {
      assert.equal(normalizeRadicals(radical), ideograph, `U+${radical.charCodeAt(0).toString(16)}`);
    }
  });

  test('every folded supplement radical becomes a CJK ideograph', () => {
    for (let c = 0x2e80; c <= 0x2eff; c++) {
      const out = normalizeRadicals(String.fromCodePoint(c));
      if (out !== String.fromCodePoint(c)) assert.match(out, /^\p{Script=Han}$/u, `U+${c.toString(16)}`);
    }
  });

  test('leaves full-width punctuation, quotes and other text untouched', () => {
    const text = '“民情论坛”连民心：一是，二是（试行）；《党员手册》……１２３ＡＢＣ　全角空格! ASCII 1.5%';
    assert.equal(normalizeRadicals(text), text);
  });

  test('radicals with no standalone ideograph pass through unchanged', () => {
    assert.equal(normalizeRadicals('\u2E8C\u2E91\u2EB5\u2EB8'), '\u2E8C\u2E91\u2EB5\u2EB8');
  });

  test('⼾ becomes the simplified 户 that SC fonts draw for it, not NFKC’s 戶', () => {
    assert.equal(normalizeRadicals('居民1412\u2F3E'), '居民1412户');
  });

  test('hasRadicals tells whether folding would apply', () => {
    assert.equal(hasRadicals('首\u2EDA'), true);
    assert.equal(hasRadicals('\u2F00'), true);
    assert.equal(hasRadicals('首页，：'), false);
  });
});
