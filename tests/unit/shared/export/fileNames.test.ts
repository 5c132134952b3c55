import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_FILE_NAME_PATTERN,
  exportFileName,
  fillPattern,
  numberWidth,
  safeFileStem,
  truncateUtf8,
  uniqueNames,
  utf8Length,
} from '../../../../shared/export/fileNames.ts';

// eslint-disable-next-line no-control-regex
const WINDOWS_FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f]/;

describe('export file names', () => {
  test('the default pattern is {number}-{title}, numbers padded so names sort', () => {
    assert.equal(
      exportFileName(DEFAULT_FILE_NAME_PATTERN, { number: 7, title: '开设“民情论坛” 打造和谐家园' }, 'docx'),
      '007-开设“民情论坛” 打造和谐家园.docx',
    );
    assert.equal(
      exportFileName(DEFAULT_FILE_NAME_PATTERN, { number: 12, title: '甲', numberWidth: numberWidth([1, 1234]) }, 'md'),
      '0012-甲.md',
    );
    assert.equal(
      exportFileName(DEFAULT_FILE_NAME_PATTERN, { number: null, title: '序言' }, 'md'),
      '序言.md',
      'no number, no dangling dash',
    );
  });

  test('a title full of /:*?"<>|\\ keeps its meaning with full-width look-alikes and is safe on Windows and macOS', () => {
    const name = exportFileName('{title}', { number: 1, title: '问答/经验: 做法*与?"案例"<一>|二\\三' }, 'txt');
    assert.doesNotMatch(name, WINDOWS_FORBIDDEN);
    assert.equal(name, '问答／经验： 做法＊与？＂案例＂＜一＞｜二＼三.txt');
  });

  test('control characters go, trailing dots and spaces go, leading dots go', () => {
    assert.equal(safeFileStem('标题\u0007\n续 . . '), '标题 续');
    assert.equal(safeFileStem('..隐藏'), '隐藏');
    assert.equal(safeFileStem('...'), 'untitled');
    assert.equal(exportFileName('{title}', { number: null, title: '   ', id: 9 }, 'md'), 'case-9.md');
  });

  test('reserved device names are escaped, with or without an extension', () => {
    for (const reserved of ['CON', 'con', 'NUL', 'com1', 'LPT9', 'aux.tar']) {
      assert.match(safeFileStem(reserved), /^_/, reserved);
    }
    assert.equal(safeFileStem('CONTROL'), 'CONTROL');
    assert.equal(exportFileName('{title}', { number: null, title: 'PRN' }, 'docx'), '_PRN.docx');
  });

  test('the length is capped in UTF-8 bytes, the extension kept and no character split', () => {
    const title = '创'.repeat(200) + '𠮷'.repeat(10);
    const name = exportFileName('{number}-{title}', { number: 1, title }, 'docx', 100);
    assert.ok(utf8Length(name) <= 100, `${utf8Length(name)} bytes`);
    assert.ok(name.endsWith('.docx'));
    assert.ok(name.startsWith('001-创'));
    assert.doesNotMatch(name, /\ufffd/);
    assert.equal(truncateUtf8('a𠮷b', 4), 'a', 'a 4-byte character is not cut in half');
  });

  test('unknown fields stay visible; other fields fill in', () => {
    assert.equal(fillPattern('{volume}_{number}_{titel}', { number: 3, title: 'x', volume: '卷一' }), '卷一_003_{titel}');
    assert.equal(fillPattern('{organization}-{id}', { number: 3, title: 'x', organization: '某社区', id: 42 }), '某社区-42');
  });

  test('repeated names get (2), (3) before the extension, case-insensitively', () => {
    assert.deepEqual(uniqueNames(['a.md', 'A.md', 'a.md', 'b']), ['a.md', 'A (2).md', 'a (3).md', 'b']);
  });
});
