import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ERROR_CODES } from '../../../../shared/ipc/errors.ts';
import { httpStatusFor } from '../../../../main/web/api.ts';

test('envelope → HTTP status', () => {
  assert.equal(httpStatusFor({ ok: true, value: null }), 200);
  const expected: Record<string, number> = {
    VALIDATION: 400,
    UNAUTHORIZED: 401,
    NOT_FOUND: 404,
    UNKNOWN_CHANNEL: 404,
    CONFLICT: 409,
    LIBRARY_LOCKED: 423,
  };
  for (const code of ERROR_CODES) {
    assert.equal(httpStatusFor({ ok: false, error: { code, message: '' } }), expected[code] ?? 500, code);
  }
});
