import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { compact, endsContinuing, endsSentence, isHan, lineWidth } from '../../../../shared/text/cjk.ts';

describe('cjk helpers', () => {
  test('width counts ideographs and full-width punctuation as one em, ASCII as half', () => {
    assert.equal(lineWidth('创先争优'), 4);
    assert.equal(lineWidth('居民1412户，'), 2 + 2 + 1 + 1);
    assert.equal(lineWidth('“民情论坛”'), 6);
  });

  test('spaces an extractor put next to CJK count nothing; spaces between Latin words do', () => {
    assert.equal(lineWidth('社区， 坚持'), lineWidth('社区，坚持'));
    assert.equal(lineWidth('居民 1412 户'), lineWidth('居民1412户'));
    assert.ok(lineWidth('Windows XP') > lineWidth('WindowsXP'));
  });

  test('a sentence ends with 。！？… or a closing quote right after one', () => {
    assert.ok(endsSentence('和谐家园。'));
    assert.ok(endsSentence('关怀……”'));
    assert.ok(endsSentence('值得。”'));
    assert.ok(!endsSentence('“民情论坛”'));
    assert.ok(!endsSentence('将一辆残疾人轮椅，'));
  });

  test('a line ending with a comma or an opening quote goes on', () => {
    assert.ok(endsContinuing('轮椅，'));
    assert.ok(endsContinuing('社区的“'));
    assert.ok(!endsContinuing('和谐家园'));
  });

  test('isHan and compact', () => {
    assert.ok(isHan('〇') && isHan('洮') && !isHan('，') && !isHan('a'));
    assert.equal(compact(' 开设“民情论坛”　打造 和谐家园 '), '开设“民情论坛”打造和谐家园');
  });
});
