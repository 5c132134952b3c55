import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../../../shared/ipc/errors.ts';
import { charLength, countOccurrences, foldAscii, nextHit, queryTerms } from '../../../../shared/search/query.ts';

const refused = (q: string, exact = false) =>
  assert.throws(
    () => queryTerms(q, exact),
    (e: unknown) => e instanceof AppError && e.code === 'SEARCH_EMPTY_QUERY',
  );

describe('search query terms', () => {
  test('whitespace-separated terms, deduplicated; the exact phrase keeps its inner spaces', () => {
    assert.deepEqual(queryTerms('  社区  党建\u3000服务 社区 ', false), ['社区', '党建', '服务']);
    assert.deepEqual(queryTerms('  社区  党建 ', true), ['社区  党建']);
    assert.deepEqual(queryTerms('“民情论坛”', false), ['“民情论坛”'], 'punctuation inside a term is kept');
    assert.deepEqual(queryTerms('党 、 ，', false), ['党'], 'punctuation-only terms are dropped');
    assert.deepEqual(queryTerms('□', false), ['□'], 'symbols (an OCR placeholder) can be searched');
  });

  test('nothing but punctuation or whitespace is refused', () => {
    for (const q of ['', ' ', '\u3000\t\n', '，。', '“”《》……——', '!?.,;', '\u200b']) {
      refused(q);
      refused(q, true);
    }
  });

  test('characters are counted as code points; folding keeps offsets', () => {
    assert.equal(charLength('党'), 1);
    assert.equal(charLength('𠮷野'), 2, 'a character outside the BMP counts once');
    assert.equal(foldAscii('Model 村 ABC'), 'model 村 abc');
    assert.equal(foldAscii('Ä'), 'Ä', 'only ASCII folds: offsets stay aligned');
    const s = '党';
    assert.equal(foldAscii(s), s);
  });

  test('occurrences do not overlap; the earliest hit of any needle, the longest on a tie', () => {
    assert.equal(countOccurrences('党党党', '党党'), 1);
    assert.equal(countOccurrences('村委会村委', '村委'), 2);
    assert.equal(countOccurrences('', '党'), 0);
    assert.deepEqual(nextHit('党员党委', ['党委', '党'], 0), { start: 0, end: 1 });
    assert.deepEqual(nextHit('党委会', ['党', '党委'], 0), { start: 0, end: 2 });
    assert.deepEqual(nextHit('党员党委', ['党委'], 1), { start: 2, end: 4 });
    assert.equal(nextHit('党员', ['团'], 0), null);
  });
});
