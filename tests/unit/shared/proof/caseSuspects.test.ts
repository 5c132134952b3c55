import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Block } from '../../../../shared/model/caseDoc.ts';
import { countDocSuspects } from '../../../../shared/proof/caseSuspects.ts';
import { compileWordList } from '../../../../shared/proof/wordList.ts';

const block = (kind: Block['kind'], text: string): Block => ({ kind, text, page: 0, breaks: [] });

test('a case counts its suspects block by block, as the editor does: phrase gaps allowed in titles only', () => {
  const doc = {
    version: 1 as const,
    blocks: [block('title', '开设“民情论坛” 打造和谐家园'), block('body', '开设“民情论坛” 打造和谐家园')],
  };
  assert.equal(countDocSuspects(doc), 1);
});

test('the word list and the traditional-character check take part when given', () => {
  const doc = { version: 1 as const, blocks: [block('body', '登录帐号后填寫表格')] };
  assert.equal(countDocSuspects(doc), 0);
  const words = compileWordList([{ word: '帐号', kind: 'bad', replacement: '账号' }]);
  assert.equal(countDocSuspects(doc, undefined, words), 1);
  const simplify = (text: string) => text.replace('寫', '写');
  assert.equal(countDocSuspects(doc, simplify, words), 2);
});
