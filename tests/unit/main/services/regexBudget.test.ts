import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseDoc } from '../../../../shared/model/caseDoc.ts';
import { AppError } from '../../../../shared/ipc/errors.ts';
import { compileReplaceQuery, findHits } from '../../../../shared/proof/volumeReplace.ts';
import { withRegexBudget } from '../../../../main/services/regexBudget.ts';
import { isAppError } from '../../../integration/store/helpers/appError.ts';

const REGEX = { regex: true, caseSensitive: true };

test('a catastrophic regex is stopped at its budget as REGEX_TIMEOUT {ms}', () => {
  // `(a+)+$` on 'aaaa…b' backtracks 2^n times: without the budget this one would run for ages.
  const doc: CaseDoc = { version: 1, blocks: [{ kind: 'body', text: `${'a'.repeat(40)}b`, page: 0, breaks: [] }] };
  const re = compileReplaceQuery('(a+)+$', REGEX);
  assert.throws(
    () => withRegexBudget(() => findHits(doc, re, '', REGEX), 100),
    isAppError('REGEX_TIMEOUT', (e) => assert.equal(e.details?.ms, 100)),
  );
});

test('the matching after a timeout works again, and results and errors come through unchanged', () => {
  assert.throws(() => withRegexBudget(() => /(x+x+)+y/.test('x'.repeat(50)), 50), isAppError('REGEX_TIMEOUT'));
  assert.deepEqual(
    withRegexBudget(() => [...'党建党建'.matchAll(/党/gu)].map((m) => m.index)),
    [0, 2],
  );
  const thrown = new AppError('VALIDATION', 'inside');
  assert.throws(
    () =>
      withRegexBudget(() => {
        throw thrown;
      }),
    (err) => err === thrown,
  );
  assert.equal(
    withRegexBudget(() => undefined),
    undefined,
  );
});
