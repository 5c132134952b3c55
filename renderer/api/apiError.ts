import { AppError, ERROR_CODES, type ErrorCode } from '../../shared/ipc/errors.ts';

/**
 * An error returned by a contract call, as the UI sees it: the one `AppError` class of the contract
 * (translated by `code`; `message` is the server's English). The renderer's name for it.
 */
export { AppError as ApiError };

/** Anything caught in the UI, as an AppError (non-API failures become INTERNAL). */
export function toApiError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (typeof err === 'object' && err !== null && 'code' in err && 'message' in err) {
    const { code, message, details } = err as { code: unknown; message: unknown; details?: unknown };
    if (typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)) {
      const extra = typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : undefined;
      return new AppError(code as ErrorCode, String(message), extra);
    }
  }
  return new AppError('INTERNAL', err instanceof Error ? err.message : String(err));
}
