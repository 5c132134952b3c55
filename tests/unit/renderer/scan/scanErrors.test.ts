import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../../../shared/ipc/errors.ts';
import { scanError, scanHttpError } from '../../../../renderer/scan/scanErrors.ts';

/** pdf.js's exceptions are told apart by name (its BaseException sets it). */
function named(name: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { name }, extra);
}

test('a scan that cannot be shown gets an error code the UI translates', () => {
  assert.equal(scanError(named('InvalidPDFException', 'Invalid PDF structure.')).code, 'IMPORT_PDF_BROKEN');
  assert.equal(scanError(named('PasswordException', 'No password given')).code, 'IMPORT_PDF_ENCRYPTED');
  assert.equal(
    scanError(named('ResponseException', 'Unexpected server response (404)', { status: 404, missing: true })).code,
    'NOT_FOUND',
  );
  assert.equal(
    scanError(named('ResponseException', 'Unexpected server response (401)', { status: 401, missing: false })).code,
    'UNAUTHORIZED',
  );
  assert.equal(scanError(named('EncodingError', 'The source image cannot be decoded.')).code, 'IMPORT_SCAN_UNSUPPORTED');
  const other = scanError(new TypeError('boom'));
  assert.equal(other.code, 'INTERNAL');
  assert.equal(other.message, 'boom', 'the original message stays as the detail line');
});

test('an AppError passes through; an HTTP refusal names the status, not the file, in its details', () => {
  const e = new AppError('NOT_FOUND', 'gone');
  assert.equal(scanError(e), e);
  const http = scanHttpError(403, 'ab12.pdf');
  assert.equal(http.code, 'UNAUTHORIZED');
  assert.deepEqual(http.details, { status: 403 });
  assert.match(http.message, /ab12\.pdf/);
  assert.equal(scanHttpError(500, 'x.png').code, 'INTERNAL');
});
