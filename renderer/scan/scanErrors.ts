import { AppError, type ErrorCode } from '../../shared/ipc/errors.ts';

function codeForStatus(status: number): ErrorCode {
  return status === 404 ? 'NOT_FOUND' : status === 401 || status === 403 ? 'UNAUTHORIZED' : 'INTERNAL';
}

/** An HTTP answer refusing a scan file. (The file is named in the message only: it is a content hash, not the user's name for it.) */
export function scanHttpError(status: number, file: string): AppError {
  return new AppError(codeForStatus(status), `Scan file ${file}: HTTP ${status}`, { status });
}

/**
 * A scan that cannot be shown, as the contract's AppError, so the pane describes it by code like
 * every other error (a damaged PDF, a missing file, an image the browser cannot decode) instead
 * of printing pdf.js's English message.
 */
export function scanError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const name = typeof err === 'object' && err !== null ? String((err as { name?: unknown }).name) : '';
  const message = err instanceof Error ? err.message : String(err);
  switch (name) {
    case 'InvalidPDFException':
    case 'UnknownErrorException':
      return new AppError('IMPORT_PDF_BROKEN', message);
    case 'PasswordException':
      return new AppError('IMPORT_PDF_ENCRYPTED', message);
    case 'ResponseException': {
      const { status, missing } = err as { status?: unknown; missing?: unknown };
      const code = missing === true ? 'NOT_FOUND' : codeForStatus(Number(status));
      return new AppError(code, message, typeof status === 'number' ? { status } : undefined);
    }
    // HTMLImageElement.decode() rejects with an EncodingError for a file it cannot read as an image.
    case 'EncodingError':
      return new AppError('IMPORT_SCAN_UNSUPPORTED', message);
    default:
      return new AppError('INTERNAL', message);
  }
}
