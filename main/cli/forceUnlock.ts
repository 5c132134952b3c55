import { inspectLock, takeOverLock } from '../store/index.ts';
import { resolveLibraryDir, type GlobalOptions } from './context.ts';

/**
 * `--force-unlock`: the flag is the user's confirmation. Removes a lock left by another computer or by
 * a process that is gone, saying whose it was; a running instance on this computer is refused (CONFLICT).
 */
export async function forceUnlock(opts: GlobalOptions): Promise<void> {
  const dir = await resolveLibraryDir(opts);
  const lock = inspectLock(dir);
  takeOverLock(dir, lock ?? undefined);
  if (!lock) return;
  const who =
    lock.pid === null ? 'an unreadable lock' : `pid ${lock.pid} on ${lock.hostname ?? '?'} since ${lock.startedAt ?? '?'}`;
  process.stderr.write(`已接管资料库的锁 / Took over the library's lock (${who}): ${lock.file}\n`);
}
