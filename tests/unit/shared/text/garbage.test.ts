import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  curlyQuotes,
  fullwidthPunct,
  stripFffd,
  stripLeaders,
  stripOrphanSeparators,
  stripStrayQuotes,
  unbalancedTitleQuotes,
} from '../../../../shared/text/garbage.ts';

describe('garbage rules', () => {
  test('U+FFFD goes', () => {
    assert.equal(stripFffd('\uFFFD\uFFFD———兰州').text, '———兰州');
  });

  test('! leaders go, and the word they split is joined again', () => {
    const repaired: string[] = [];
    const r = stripLeaders('———甘肃中医学院针灸推拿系党总 !!!!!!!!!!支 313', {
      repair: true,
      repairSink: (b, a) => repaired.push(`${b}→${a}`),
    });
    assert.equal(r.text, '———甘肃中医学院针灸推拿系党总支 313');
    assert.equal(r.repaired, 1);
    assert.deepEqual(repaired, ['总 支→总支']);
    assert.equal(stripLeaders('———平凉市总工会党支 !!!!!!!!!!!!!!!部 349', { repair: false }).text, '———平凉市总工会党支 部 349');
  });

  test('a line of leaders becomes empty; an exclamation after a word stays', () => {
    assert.equal(stripLeaders('!!!!!!!!!!!', { repair: true }).text, '');
    assert.equal(stripLeaders('!', { repair: true }).text, '');
    assert.equal(stripLeaders('Hello!', { repair: true }).text, 'Hello!');
  });

  test('ellipsis leaders before a page number go; an ellipsis in text stays', () => {
    assert.equal(
      stripLeaders('———陇东学院教育学院党总支 ………………………… 317', { repair: true }).text,
      '———陇东学院教育学院党总支 317',
    );
    assert.equal(stripLeaders('———装配分厂党总支 … 334', { repair: true }).text, '———装配分厂党总支 334');
    assert.equal(stripLeaders('们对我们的帮助与关怀……”', { repair: true }).text, '们对我们的帮助与关怀……”');
  });

  test('separator glyphs go; between a TOC number and its title one becomes a slash', () => {
    assert.equal(stripOrphanSeparators('091%%/%%创先争优促发展').text, '091 / 创先争优促发展');
    assert.equal(stripOrphanSeparators('%%/%%').text, '');
    assert.equal(stripOrphanSeparators('社区%%建设').text, '社区建设');
  });

  test('OCR ASCII punctuation after an ideograph becomes full-width', () => {
    assert.equal(fullwidthPunct('即: 建立').text, '即： 建立');
    assert.equal(fullwidthPunct('Windows XP, Office').text, 'Windows XP, Office');
  });

  test('straight quotes become curly by balance', () => {
    assert.equal(curlyQuotes('社区“民情论坛"，通过').text, '社区“民情论坛”，通过');
    assert.equal(curlyQuotes('建设靠大家"。仅').text, '建设靠大家”。仅');
  });

  test('a stray quote in the gap of a short line goes', () => {
    assert.equal(stripStrayQuotes('中共甘肃省委书记 “王三运').text, '中共甘肃省委书记 王三运');
    assert.equal(stripStrayQuotes('开设“民情论坛” 打造和谐家园 ”001').text, '开设“民情论坛” 打造和谐家园 001');
    assert.equal(stripStrayQuotes('开设“民情论坛” 打造和谐家园').count, 0);
  });

  test('an unmatched quote between two words of a title is a phrase gap', () => {
    assert.equal(unbalancedTitleQuotes('明确主题 制定目标“落实责任 开展活动').text, '明确主题 制定目标 落实责任 开展活动');
    assert.equal(unbalancedTitleQuotes('让“创先争优”成为一种习惯').count, 0);
  });
});
