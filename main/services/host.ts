import path from 'node:path';
import { AppError, toErrorShape, type AppErrorShape } from '../../shared/ipc/errors.ts';
import type { LibraryStatus } from '../../shared/ipc/library.ts';
import { createDispatcher, type Dispatch } from '../ipc/dispatch.ts';
import { recoveryHandlers } from '../ipc/recoveryHandlers.ts';
import { inspectLock, SCANS_DIR } from '../store/index.ts';
import { boot, type BootOptions, type Booted } from './boot.ts';

export interface LibraryHost {
  /** Stable: routes to the open library's handlers, or, while the library cannot be opened, answers recovery channels and refuses the rest with the boot error. */
  dispatch: Dispatch;
  scansDir(): string;
  current(): Booted | null;
  /** Why the library is not open (LIBRARY_LOCKED, DB_CORRUPT, DB_TOO_NEW …), or null when open. */
  bootError(): AppErrorShape | null;
  status(): LibraryStatus;
  /**
   * Closes the library if open, runs `action` while nothing holds it, then opens it again (recording a
   * new bootError on failure). An error from `action` is rethrown after the reopen attempt. `action`
   * must not call `dispatch` (it would wait for this reopen).
   */
  reopen(action?: (libraryDir: string) => Promise<void> | void): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * Keeps one library for Electron, browser mode and the CLI, and survives failing to open it: instead
 * of exiting, the app stays up in recovery mode, where the UI can say why and offer a way out (take
 * over a lock, retry). Opening, closing and reopening run one at a time.
 */
export async function startLibraryHost(opts: BootOptions): Promise<LibraryHost> {
  const libraryDir = path.resolve(opts.libraryDir);
  let booted: Booted | null = null;
  let error: AppErrorShape | null = null;
  let closed = false;
  let queue: Promise<void> = Promise.resolve();

  const serialize = (fn: () => Promise<void>): Promise<void> => {
    const run = queue.then(fn);
    queue = run.catch(() => undefined);
    return run;
  };

  const open = async () => {
    try {
      booted = await boot({ ...opts, libraryDir, reopen });
      error = null;
    } catch (err) {
      booted = null;
      error = toErrorShape(err);
      if (error.code === 'INTERNAL') console.error('[library] could not open', libraryDir, err);
    }
  };

  const close = async () => {
    const b = booted;
    booted = null;
    await b?.shutdown();
  };

  const status = (): LibraryStatus => {
    let lock = null;
    try {
      lock = inspectLock(libraryDir);
    } catch {
      // An unreadable folder: the boot error already says so.
    }
    return { libraryPath: libraryDir, state: booted ? 'open' : 'unavailable', error: booted ? null : error, lock };
  };

  const reopen: LibraryHost['reopen'] = (action) =>
    serialize(async () => {
      if (closed) throw new AppError('CONFLICT', 'The app is shutting down');
      await close();
      let failure: unknown = null;
      try {
        await action?.(libraryDir);
      } catch (err) {
        failure = err;
      }
      await open();
      if (failure) throw failure;
    });

  const recovery = createDispatcher(
    recoveryHandlers({ prefs: opts.prefs, bootError: () => error, status, reopen }),
    (channel, err) => {
      console.error(`[${channel}]`, err);
    },
  );

  await serialize(open);

  return {
    async dispatch(channel, input) {
      // A reopen in progress finishes first, so a call never meets a half-open library.
      await queue;
      return booted ? booted.dispatch(channel, input) : recovery(channel, input);
    },
    scansDir: () => booted?.scansDir() ?? path.join(libraryDir, SCANS_DIR),
    current: () => booted,
    bootError: () => (booted ? null : error),
    status,
    reopen,
    shutdown: () =>
      serialize(async () => {
        if (closed) return;
        closed = true;
        await close();
        error = { code: 'CONFLICT', message: 'The app is shutting down' };
      }),
  };
}
