import os from 'node:os';
import type { Library } from '../store/index.ts';
import type { JobRegistry } from './jobs.ts';
import type { PrefsService } from './prefs.ts';
import type { StagingArea } from './staging.ts';
import type { SyncService } from './syncService.ts';
import type { WriteGate } from './writeGate.ts';

/** What every handler group gets: the open library and the per-run services. */
export interface AppContext {
  mode: 'electron' | 'web' | 'cli';
  lib: Library;
  prefs: PrefsService;
  jobs: JobRegistry;
  staging: StagingArea;
  /** Held while another connection writes at length (an import's commit); main-thread writes wait on it. */
  writeGate: WriteGate;
  /**
   * Set when a library host runs this library: closes it, runs `action` while nothing holds it, and
   * opens it again (this context is dead afterwards). Absent for a one-shot CLI command.
   */
  reopen?: (action?: (libraryDir: string) => Promise<void> | void) => Promise<void>;
  /** The team's server connection (absent for a one-shot CLI command). */
  sync?: SyncService;
}

/** Who is recorded in events and revisions: the user name in preferences, else the OS account. */
export function currentUser(ctx: AppContext): string {
  const name = ctx.prefs.get().userName.trim();
  if (name) return name;
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
