import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError, inFile, zodIssues } from '../../../../shared/ipc/errors.ts';
import { z } from 'zod';

test("inFile names the user's file in details and message, once", () => {
  const named = inFile(new AppError('IMPORT_BINARY', 'The file is not text', { encoding: 'utf-8' }), '第一卷.txt') as AppError;
  assert.equal(named.code, 'IMPORT_BINARY');
  assert.equal(named.message, '第一卷.txt: The file is not text');
  assert.deepEqual(named.details, { encoding: 'utf-8', file: '第一卷.txt' });
  assert.equal(inFile(named, 'other.txt'), named, 'an error already naming a file keeps it');
  const cancelled = new AppError('CANCELLED', 'Cancelled');
  assert.equal(inFile(cancelled, 'x.txt'), cancelled, 'a cancel is about the job, not the file');
  const plain = new Error('boom');
  assert.equal(inFile(plain, 'x.txt'), plain);
});

test('zodIssues gives path and message only', () => {
  const res = z.object({ a: z.object({ b: z.number() }) }).safeParse({ a: { b: 'x' } });
  assert.equal(res.success, false);
  if (!res.success)
    assert.deepEqual(
      zodIssues(res.error).map((i) => i.path),
      ['a.b'],
    );
});
