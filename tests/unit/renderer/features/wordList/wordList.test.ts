import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../../../../shared/ipc/errors.ts';
import { goodWordOf } from '../../../../../renderer/features/wordList/suspectWord.ts';
import { localizeWordListError } from '../../../../../renderer/features/wordList/wordListError.ts';

describe('word list in the renderer', () => {
  test('a suspect offers its text as a good word only when that text can be a word', () => {
    assert.equal(goodWordOf({ kind: 'traditional', text: '發' }), '發');
    assert.equal(goodWordOf({ kind: 'lookalike', text: '2O1O' }), '2O1O');
    assert.equal(goodWordOf({ kind: 'cjk-space', text: ' ' }), null);
    assert.equal(goodWordOf({ kind: 'garbage', text: '!!!' }), null);
    assert.equal(goodWordOf({ kind: 'unbalanced', text: '“' }), null);
    assert.equal(goodWordOf({ kind: 'halfwidth-punct', text: ',' }), null);
    assert.equal(goodWordOf({ kind: 'bad-word', text: '帐号' }), null);
  });

  test("a refused file's reason is put in the user's language; other errors pass unchanged", () => {
    const t = (key: string) => `«${key}»`;
    const err = new AppError('WORDLIST_FORMAT', 'Line 3: …', { line: 3, problem: 'prefix', reason: 'English', file: 'a.txt' });
    const localized = localizeWordListError(err, { t } as never) as AppError;
    assert.equal(localized.code, 'WORDLIST_FORMAT');
    assert.deepEqual(localized.details, { line: 3, problem: 'prefix', reason: '«wordList.problems.prefix»', file: 'a.txt' });
    const unknown = new AppError('WORDLIST_FORMAT', 'x', { line: 1, problem: 'made-up', reason: 'r' });
    assert.equal(localizeWordListError(unknown, { t } as never), unknown);
    const other = new AppError('NOT_FOUND', 'x');
    assert.equal(localizeWordListError(other, { t } as never), other);
  });
});
