import assert from 'node:assert/strict';
import { AppError } from '../../../../shared/ipc/errors.ts';

/** An `assert.throws` validator: an AppError with this code, then any further checks on it. */
export function isAppError(code: string, check?: (e: AppError) => void) {
  return (err: unknown) => {
    assert.ok(err instanceof AppError, `expected AppError, got ${String(err)}`);
    assert.equal(err.code, code);
    check?.(err);
    return true;
  };
}
