import type { AppErrorShape } from '../../shared/ipc/errors.ts';
import type { MessageKey } from '../../renderer/i18n/messages.ts';
import { bilingual } from '../i18n/strings.ts';
import { startupErrorLine } from '../launcher/messages.ts';

/** Errors that mean the library itself could not be opened: the launcher's start-up lines say what to do. */
const OPEN_FAILURES = new Set(['LIBRARY_LOCKED', 'DB_TOO_NEW', 'DB_CORRUPT']);

/**
 * One line for the terminal, in both languages from the app's own string table, plus the server's
 * message (which names the file): what failed, not a generic "start-up failed".
 */
export function cliErrorLine(err: AppErrorShape): string {
  if (OPEN_FAILURES.has(err.code)) return startupErrorLine(err);
  if (err.code === 'VALIDATION' && err.details?.usage === true) return err.message;
  // Messages name their subject ({path}, {command}…) from the details, as the UI fills them in.
  const params = Object.fromEntries(
    Object.entries(err.details ?? {}).filter(
      (e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number',
    ),
  );
  const key: MessageKey = `errors.${err.code}`;
  return `错误 / Error [${err.code}]: ${bilingual(key, params)}\n  ${err.message}`;
}
