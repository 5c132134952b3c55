import { z } from 'zod';

export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'LIBRARY_LOCKED',
  'DB_TOO_NEW',
  'DB_CORRUPT',
  'UNKNOWN_CHANNEL',
  'UNAUTHORIZED',
  'IMPORT_EMPTY',
  'IMPORT_BINARY',
  'IMPORT_ENCODING',
  'IMPORT_TOO_LARGE',
  'IMPORT_PDF_BROKEN',
  'IMPORT_PDF_ENCRYPTED',
  'IMPORT_SCAN_UNSUPPORTED',
  'IMPORT_OUT_OF_MEMORY',
  'IMPORT_CASE_TOO_LONG',
  'OCR_PAGE_FAILED',
  'OCR_IMAGE_SIZE',
  'OCR_NO_SCAN',
  'OCR_NO_SCAN_PAGE',
  'STAGING_FULL',
  'EXPORT_EMPTY_SCOPE',
  'EXPORT_CASE_NOT_IN_VOLUME',
  'EXPORT_NO_CHROMIUM',
  'EXPORT_DESTINATION',
  'CANCELLED',
  'SIGNER_REQUIRED',
  'SAME_SIGNER',
  'STAGE_SKIP',
  'REASON_REQUIRED',
  'CASE_LOCKED',
  'OPEN_NOTES',
  'STAGE_UNKNOWN',
  'STAGE_IN_USE',
  'REGEX_INVALID',
  'REGEX_TIMEOUT',
  'SEARCH_EMPTY_QUERY',
  'BATCH_UNDO_REFUSED',
  'BATCH_ALREADY_UNDONE',
  'WORDLIST_FORMAT',
  'WORDLIST_FULL',
  'SYNC_VIEWER_READ_ONLY',
  'SYNC_UNREACHABLE',
  'SYNC_CERT_UNCONFIRMED',
  'SYNC_CERT_CHANGED',
  'INTERNAL',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The one shape in which errors cross the boundary; the UI translates by `code`, using `details` as parameters. */
export const AppErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorShape>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
  /** The error again on the receiving side of the boundary (renderer, CLI). */
  static fromShape(shape: AppErrorShape): AppError {
    return new AppError(shape.code, shape.message, shape.details);
  }
}

/**
 * The same error, naming the user's file (details.file and the message), so that what the user sees
 * points at the file they chose, never at a staging id. Errors already naming a file are left alone.
 */
export function inFile(err: unknown, file: string): unknown {
  if (!(err instanceof AppError) || err.code === 'CANCELLED' || typeof err.details?.file === 'string') return err;
  return new AppError(err.code, `${file}: ${err.message}`, { ...err.details, file });
}

/** Zod's issues as error details: where and what, without zod's internals. */
export function zodIssues(error: {
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>;
}): Array<{ path: string; message: string }> {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** Turns anything thrown into the boundary shape, without leaking stack traces. */
export function toErrorShape(err: unknown): AppErrorShape {
  if (err instanceof AppError) return err.toShape();
  const parsed = AppErrorShape.safeParse(err);
  if (parsed.success) return parsed.data;
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message };
}
