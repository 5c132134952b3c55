import { CHANNELS, type Handlers } from '../../shared/ipc/contract.ts';
import { AppError, type AppErrorShape } from '../../shared/ipc/errors.ts';
import type { LibraryStatus } from '../../shared/ipc/library.ts';
import { takeOverLock } from '../store/index.ts';
import { listBackups } from '../store/backups.ts';
import { restoreAndReopen } from '../services/backupService.ts';
import type { PrefsService } from '../services/prefs.ts';

export interface RecoveryDeps {
  prefs: PrefsService;
  /** Why the library is not open. */
  bootError(): AppErrorShape | null;
  status(): LibraryStatus;
  /** Runs `action` while nothing holds the library, then tries to open it again. */
  reopen(action?: (libraryDir: string) => Promise<void> | void): Promise<void>;
}

/**
 * The handler table while the library cannot be opened: preferences (the language switch) and the
 * library channels work; every other call is refused with the error that kept the library shut, so
 * the UI can show why. Recovery actions for other errors (restoring a backup) belong here too.
 */
export function recoveryHandlers(deps: RecoveryDeps): Handlers {
  const refuse = () => {
    const e = deps.bootError();
    throw e ? new AppError(e.code, e.message, e.details) : new AppError('CONFLICT', 'The library is closed');
  };
  const table: Record<string, unknown> = Object.fromEntries(CHANNELS.map((c) => [c, refuse]));
  const served: Partial<Handlers> = {
    'prefs:get': () => deps.prefs.get(),
    'prefs:set': (patch) => deps.prefs.set(patch),
    'library:status': () => deps.status(),
    'library:retry': async () => {
      await deps.reopen();
      return deps.status();
    },
    'library:takeOver': async ({ lock }) => {
      await deps.reopen((dir) => takeOverLock(dir, lock));
      return deps.status();
    },
    // A damaged library: its backups can be listed and one put back (which needs no open library).
    'backups:list': () => listBackups(deps.status().libraryPath),
    'backups:restore': ({ name }) => restoreAndReopen(deps.reopen, name),
  };
  return Object.assign(table, served) as Handlers;
}
