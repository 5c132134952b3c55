import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../../../shared/ipc/errors.ts';
import { ApiError, toApiError } from '../../../../renderer/api/apiError.ts';

test('the renderer’s ApiError is the contract’s AppError: one error class on both sides', () => {
  assert.equal(ApiError, AppError);
  const shape = { code: 'CONFLICT' as const, message: 'case 3 was saved elsewhere', details: { id: 3 } };
  const err = ApiError.fromShape(shape);
  assert.ok(err instanceof AppError);
  assert.deepEqual(err.toShape(), shape);
});

test('anything caught becomes an AppError, keeping a known code and its details', () => {
  const e = new AppError('NOT_FOUND', 'gone');
  assert.equal(toApiError(e), e);
  const plain = toApiError({ code: 'IMPORT_BINARY', message: 'not text', details: { file: 'a.pdf' } });
  assert.equal(plain.code, 'IMPORT_BINARY');
  assert.deepEqual(plain.details, { file: 'a.pdf' });
  assert.equal(toApiError({ code: 'NO_SUCH_CODE', message: 'x' }).code, 'INTERNAL');
  assert.equal(toApiError(new Error('boom')).message, 'boom');
});
