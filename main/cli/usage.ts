import { AppError } from '../../shared/ipc/errors.ts';

/** A command line the CLI cannot read: exit 2 with the usage, never a stack trace. */
export function usageError(message: string): AppError {
  return new AppError('VALIDATION', message, { usage: true });
}
