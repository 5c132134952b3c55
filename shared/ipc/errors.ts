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
  'CANCELLED',
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
}

/** Turns anything thrown into the boundary shape, without leaking stack traces. */
export function toErrorShape(err: unknown): AppErrorShape {
  if (err instanceof AppError) return err.toShape();
  const parsed = AppErrorShape.safeParse(err);
  if (parsed.success) return parsed.data;
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message };
}
