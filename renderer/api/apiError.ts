import { ERROR_CODES, type AppErrorShape, type ErrorCode } from '../../shared/ipc/errors.ts';

/** An error returned by a contract call, as the UI sees it: translated by `code`, `message` is the server's English. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }

  static fromShape(shape: AppErrorShape): ApiError {
    return new ApiError(shape.code, shape.message, shape.details);
  }
}

/** Anything caught in the UI, as an ApiError (non-API failures become INTERNAL). */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (typeof err === 'object' && err !== null && 'code' in err && 'message' in err) {
    const { code, message } = err as { code: unknown; message: unknown };
    if (typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)) {
      return new ApiError(code as ErrorCode, String(message));
    }
  }
  return new ApiError('INTERNAL', err instanceof Error ? err.message : String(err));
}
