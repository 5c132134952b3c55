import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ERROR_CODES } from '../../../../shared/ipc/errors.ts';
import { httpStatusFor, STATUS_BY_CODE } from '../../../../main/web/api.ts';

test('envelope → HTTP status: every error code has its own, only INTERNAL is a 500', () => {
  assert.equal(httpStatusFor({ ok: true, value: null }), 200);
  assert.deepEqual(new Set(Object.keys(STATUS_BY_CODE)), new Set(ERROR_CODES), 'the table names exactly the error codes');
  for (const code of ERROR_CODES) {
    const status = httpStatusFor({ ok: false, error: { code, message: '' } });
    if (code === 'INTERNAL') assert.equal(status, 500);
    else assert.ok(status >= 400 && status < 600 && status !== 500, `${code} → ${status}`);
  }
});

test('user mistakes in imports are client errors', () => {
  for (const code of [
    'IMPORT_BINARY',
    'IMPORT_EMPTY',
    'IMPORT_PDF_BROKEN',
    'IMPORT_TOO_LARGE',
    'IMPORT_SCAN_UNSUPPORTED',
    'CANCELLED',
  ] as const) {
    const status = httpStatusFor({ ok: false, error: { code, message: '' } });
    assert.ok(status >= 400 && status < 500, `${code} → ${status}`);
  }
});
