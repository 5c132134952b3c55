import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  collapseLetterspacing,
  collapseSpaces,
  spaceAfterPunct,
  spaceBeforePunct,
  spaceBeforeQuote,
  spaceBetweenCjk,
  spaceCjkDigit,
} from '../../../../shared/text/spacing.ts';

describe('spacing rules', () => {
  test('no space after full-width punctuation', () => {
    assert.equal(
      spaceAfterPunct('知民声、 知民情， 情况在一线了解。 社区', { keepPhraseGaps: false }).text,
      '知民声、知民情，情况在一线了解。社区',
    );
  });

  test('in titles the gap after a closing quote that ends a phrase stays', () => {
    assert.equal(spaceAfterPunct('开设“民情论坛” 打造和谐家园', { keepPhraseGaps: true }).text, '开设“民情论坛” 打造和谐家园');
    assert.equal(spaceAfterPunct('“民情论坛” 连民心', { keepPhraseGaps: false }).text, '“民情论坛”连民心');
    assert.equal(spaceAfterPunct('党建引领， 服务群众', { keepPhraseGaps: true }).text, '党建引领，服务群众');
  });

  test('no space before closing punctuation, but the rule leaves opening quotes alone', () => {
    assert.equal(spaceBeforePunct('社区 ， 居民 “住房难”').text, '社区， 居民 “住房难”');
  });

  test('no space between ideographs and digits, unless one is to be kept', () => {
    assert.equal(spaceCjkDigit('共有居民 1412 户， 际华 3512皮革', { keepOne: false }).text, '共有居民1412户， 际华3512皮革');
    assert.equal(spaceCjkDigit('共有居民 1412 户', { keepOne: true }).text, '共有居民 1412 户');
    assert.equal(spaceCjkDigit('2012年 1月 4日', { keepOne: false }).text, '2012年1月4日');
  });

  test('no space before an opening quote after CJK text', () => {
    assert.equal(spaceBeforeQuote('困难居民 “住房难” 问').text, '困难居民“住房难” 问');
    assert.equal(spaceBeforeQuote('说： “孙女').text, '说：“孙女');
  });

  test('no space between two ideographs in running text', () => {
    assert.equal(spaceBetweenCjk('中共甘肃 省委').text, '中共甘肃省委');
    assert.equal(spaceBetweenCjk('Office 软件').text, 'Office 软件');
  });

  test('letter-spaced OCR lines close up; a double space stays as a phrase gap', () => {
    assert.equal(collapseLetterspacing('开 设 民 情 论 坛  打 造 和 谐 家 园').text, '开设民情论坛 打造和谐家园');
    assert.equal(collapseLetterspacing('学习先进典型 争创一流业绩').count, 0);
  });

  test('runs of spaces, tabs and ideographic spaces collapse; each change is reported', () => {
    const seen: [string, string][] = [];
    const r = collapseSpaces('目　录  一', (b, a) => seen.push([b, a]));
    assert.equal(r.text, '目 录 一');
    assert.equal(r.count, 2);
    assert.equal(seen.length, 2);
  });
});
