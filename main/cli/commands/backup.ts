import type { RestoredBackup } from '../../../shared/model/backup.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import { formatBytes } from '../../../shared/text/bytes.ts';
import { listBackups, restoreBackup } from '../../store/backups.ts';
import { call, printTable, resolveLibraryDir, withLibrary, type GlobalOptions } from '../context.ts';
import { usageError } from '../usage.ts';

/** `backup`: a manual copy of the library, through the same channel as "back up now" in Settings. */
export async function backupCommand(args: string[], opts: GlobalOptions): Promise<void> {
  if (args.length > 0) throw usageError('usage: backup [--library DIR]');
  const info = await withLibrary(opts, (app) => call(app, 'backups:create', {}));
  console.log(opts.json ? JSON.stringify(info, null, 2) : `${info.name}\t${formatBytes(info.size)}`);
}

/**
 * `restore`: lists the backups, or puts one back (`NAME` or `--latest`, the newest that is not a
 * pre-restore copy). Never opens the library, so it works where start-up refuses a damaged file;
 * restoreBackup takes the writer lock, so a running app is refused rather than overwritten.
 */
export async function restoreCommand(args: string[], opts: GlobalOptions & { latest: boolean }): Promise<void> {
  if (args.length > 1 || (args.length === 1 && opts.latest)) throw usageError('usage: restore [NAME | --latest] [--library DIR]');
  const dir = await resolveLibraryDir(opts);
  const backups = listBackups(dir);
  let name = args[0];
  if (!name && !opts.latest) {
    if (opts.json) console.log(JSON.stringify(backups, null, 2));
    else if (backups.length === 0) console.log(`No backups in ${dir}`);
    else
      printTable(
        backups.map((b) => ({ ...b, size: formatBytes(b.size) })),
        ['name', 'kind', 'createdAt', 'size', 'reason'],
      );
    return;
  }
  if (!name) {
    name = backups.find((b) => b.kind !== 'pre-restore')?.name;
    if (!name) throw new AppError('NOT_FOUND', `No backups to restore in ${dir}`, { library: dir });
  }
  const restored: RestoredBackup = restoreBackup(dir, name);
  if (opts.json) {
    console.log(JSON.stringify(restored, null, 2));
    return;
  }
  console.log(`restored ${restored.name} (${restored.createdAt}, ${formatBytes(restored.size)})`);
  if (restored.kept) console.log(`the replaced database was kept as ${restored.kept.name}`);
}
