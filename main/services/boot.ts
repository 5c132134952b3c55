import { createDispatcher, type Dispatch } from '../ipc/dispatch.ts';
import { createHandlers } from '../ipc/handlers.ts';
import { openLibrary } from '../store/index.ts';
import type { AppContext } from './context.ts';
import { JobRegistry } from './jobs.ts';
import type { PrefsService } from './prefs.ts';
import { StagingArea } from './staging.ts';

export interface BootOptions {
  libraryDir: string;
  mode: AppContext['mode'];
  prefs: PrefsService;
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
  };
  const recent = opts.prefs.get().recentLibraries.filter((d) => d !== lib.dir);
  opts.prefs.set({ recentLibraries: [lib.dir, ...recent].slice(0, 10) });
  const dispatch = createDispatcher(createHandlers(ctx), (channel, err) => {
    console.error(`[${channel}]`, err);
  });
  let closed = false;
  return {
    ctx,
    dispatch,
    scansDir: () => lib.scansDir,
    async shutdown() {
      if (closed) return;
      closed = true;
      ctx.jobs.cancelAll();
      ctx.staging.clear();
      lib.close();
    },
  };
}
