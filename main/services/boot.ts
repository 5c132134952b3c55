import { createDispatcher, type Dispatch } from '../ipc/dispatch.ts';
import { createHandlers } from '../ipc/handlers.ts';
import { viewerGated } from '../ipc/viewerGated.ts';
import { writeGated } from '../ipc/writeGated.ts';
import { openLibrary } from '../store/index.ts';
import { startBackupScheduler } from './backupService.ts';
import { keptSyncRole, startSyncService } from './syncService.ts';
import type { AppContext } from './context.ts';
import { JobRegistry } from './jobs.ts';
import type { PrefsService } from './prefs.ts';
import { StagingArea } from './staging.ts';
import { WriteGate } from './writeGate.ts';

export interface BootOptions {
  libraryDir: string;
  mode: AppContext['mode'];
  prefs: PrefsService;
  /** The host's reopen, handed to handlers that must close the library (restoring a backup). */
  reopen?: AppContext['reopen'];
}

export interface Booted {
  ctx: AppContext;
  dispatch: Dispatch;
  scansDir: () => string;
  shutdown(): Promise<void>;
}

/**
 * Opens the library (taking its writer lock) and wires the handler table; the one start-up path
 * for Electron, browser mode and the CLI. Throws LIBRARY_LOCKED / DB_TOO_NEW / DB_CORRUPT as AppError.
 */
export async function boot(opts: BootOptions): Promise<Booted> {
  const lib = openLibrary(opts.libraryDir);
  const ctx: AppContext = {
    mode: opts.mode,
    lib,
    prefs: opts.prefs,
    jobs: new JobRegistry(),
    staging: new StagingArea(lib.dir),
    writeGate: new WriteGate(),
    ...(opts.reopen ? { reopen: opts.reopen } : {}),
  };
  const recent = opts.prefs.get().recentLibraries.filter((d) => d !== lib.dir);
  opts.prefs.set({ recentLibraries: [lib.dir, ...recent].slice(0, 10) });
  // A viewer's writes are refused before they wait for the write gate (see viewerGated.ts).
  const handlers = viewerGated(writeGated(createHandlers(ctx), ctx.writeGate), () => isViewer(ctx));
  const dispatch = createDispatcher(handlers, (channel, err) => {
    console.error(`[${channel}]`, err);
  });
  // The daily copies run while the app runs; a one-shot CLI command does not start them.
  const backups = opts.mode === 'cli' ? null : startBackupScheduler(ctx);
  // So does the team's sync (a library that was never connected just reads an empty row).
  if (opts.mode !== 'cli') ctx.sync = startSyncService(ctx);
  let closed = false;
  return {
    ctx,
    dispatch,
    scansDir: () => lib.scansDir,
    async shutdown() {
      if (closed) return;
      closed = true;
      ctx.jobs.cancelAll();
      await backups?.stop();
      await ctx.sync?.close();
      ctx.staging.clear();
      lib.close();
    },
  };
}

/**
 * The library is connected to a team server as a user the server lets only read. A command-line
 * run starts no sync: it goes by the role kept in the library, as an app started offline does.
 */
function isViewer(ctx: AppContext): boolean {
  return ctx.sync ? ctx.sync.readOnly() : keptSyncRole(ctx.lib.db) === 'viewer';
}
