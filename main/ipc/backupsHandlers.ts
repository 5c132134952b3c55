import type { Handlers } from '../../shared/ipc/contract.ts';
import { backupNow, listLibraryBackups, restoreWhileRunning } from '../services/backupService.ts';
import type { AppContext } from '../services/context.ts';

export function backupsHandlers(ctx: AppContext): Pick<Handlers, 'backups:list' | 'backups:create' | 'backups:restore'> {
  return {
    'backups:list': () => listLibraryBackups(ctx),
    'backups:create': () => backupNow(ctx),
    'backups:restore': ({ name }) => restoreWhileRunning(ctx, name),
  };
}
