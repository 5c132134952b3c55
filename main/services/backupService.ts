import { libraryIsEmpty, type Library } from '../store/index.ts';
import {
  listBackups,
  pruneBackups,
  restoreBackup,
  takeBackup,
  type BackupInfo,
  type BackupKind,
  type RestoredBackup,
} from '../store/backups.ts';
import { AppError } from '../../shared/ipc/errors.ts';
import type { AppContext } from './context.ts';

/** Every copy is followed by pruning, so the folder never holds more than the retention policy keeps. */
async function takePruned(lib: Library, kind: BackupKind, reason: string, at?: Date): Promise<BackupInfo> {
  const info = await takeBackup(lib.db, lib.dir, kind, reason, at);
  pruneBackups(lib.dir);
  return info;
}

/**
 * A copy of the library before an operation that rewrites a lot at once (an import or replace into an
 * existing volume). An empty library has nothing to lose and is skipped. Old copies are pruned.
 */
export async function backupBeforeOperation(ctx: AppContext, reason: string): Promise<BackupInfo | null> {
  if (libraryIsEmpty(ctx.lib)) return null;
  return takePruned(ctx.lib, 'operation', reason);
}

/** A copy the user asked for ("back up now"). */
export function backupNow(ctx: AppContext): Promise<BackupInfo> {
  return takePruned(ctx.lib, 'manual', 'manual');
}

export function listLibraryBackups(ctx: AppContext): BackupInfo[] {
  return listBackups(ctx.lib.dir);
}

/**
 * Restores a backup while the app runs: the host closes the library (stopping the schedule and jobs),
 * the backup goes in (the current file kept as a pre-restore copy), and the library opens again. A
 * bad backup is refused before anything is replaced, and the library reopens as it was.
 */
export async function restoreWhileRunning(ctx: AppContext, name: string): Promise<RestoredBackup> {
  const dir = ctx.lib.dir;
  if (!listBackups(dir).some((b) => b.name === name)) {
    throw new AppError('NOT_FOUND', `No backup named ${name}`, { library: dir, name });
  }
  if (!ctx.reopen) {
    throw new AppError(
      'CONFLICT',
      `Restoring needs the library closed; quit the app and run: npm run -s cli -- restore ${name}`,
      {
        library: dir,
        name,
      },
    );
  }
  return restoreAndReopen(ctx.reopen, name);
}

/** Puts backup `name` in place while `reopen` holds the library closed (open or in recovery), then opens it. */
export async function restoreAndReopen(reopen: NonNullable<AppContext['reopen']>, name: string): Promise<RestoredBackup> {
  let restored: RestoredBackup | null = null;
  await reopen((libraryDir) => {
    restored = restoreBackup(libraryDir, name);
  });
  return restored!;
}

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** Timers and time, injectable so the schedule is tested without waiting. */
export interface SchedulerClock {
  now(): Date;
  every(ms: number, fn: () => void): () => void;
}

const realClock: SchedulerClock = {
  now: () => new Date(),
  every(ms, fn) {
    const timer = setInterval(fn, ms);
    // The schedule must never keep the process alive on its own.
    timer.unref();
    return () => clearInterval(timer);
  },
};

/**
 * What the daily schedule should take now, if anything: nothing while the newest daily or weekly copy
 * (ignoring any dated in the future by a clock change) is under 24 h old; else the first copy of an
 * ISO week (UTC) is 'weekly' and the others 'daily'. A weekly copy also counts as that day's daily.
 */
export function scheduledBackupDue(backups: readonly BackupInfo[], now: Date): 'daily' | 'weekly' | null {
  const t = now.getTime();
  const past = backups.filter((b) => (b.kind === 'daily' || b.kind === 'weekly') && Date.parse(b.createdAt) <= t);
  const newest = Math.max(-Infinity, ...past.map((b) => Date.parse(b.createdAt)));
  if (t - newest < DAY_MS) return null;
  const week = isoWeek(now);
  const hasWeekly = past.some((b) => b.kind === 'weekly' && isoWeek(new Date(b.createdAt)) === week);
  return hasWeekly ? 'daily' : 'weekly';
}

/** `2025-W09`: the ISO 8601 week (UTC) a moment falls in. */
export function isoWeek(d: Date): string {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dow = day.getUTCDay() || 7;
  // The Thursday of this week decides the week-numbering year.
  day.setUTCDate(day.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export interface BackupScheduler {
  /** Takes the scheduled copy if one is due; resolves to it, or null. Never runs two at once. */
  check(): Promise<BackupInfo | null>;
  /** Stops the timer and waits for a copy in progress (call before closing the library). */
  stop(): Promise<void>;
}

/**
 * The daily schedule while the app runs: checked at start and then hourly. Reads `ctx.lib` at each
 * check, so a reopened library is followed. Failures are reported through `onError`, never thrown.
 */
export function startBackupScheduler(
  ctx: AppContext,
  opts: { clock?: SchedulerClock; onError?: (err: unknown) => void } = {},
): BackupScheduler {
  const clock = opts.clock ?? realClock;
  const onError = opts.onError ?? ((err: unknown) => console.error('[backups]', err));
  let running: Promise<BackupInfo | null> | null = null;
  let stopped = false;

  const run = async (): Promise<BackupInfo | null> => {
    const lib = ctx.lib;
    if (lib.readOnly || libraryIsEmpty(lib)) return null;
    const kind = scheduledBackupDue(listBackups(lib.dir), clock.now());
    if (!kind) return null;
    return takePruned(lib, kind, kind, clock.now());
  };
  const check = (): Promise<BackupInfo | null> => {
    if (stopped) return Promise.resolve(null);
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  };
  const tick = () => {
    check().catch(onError);
  };
  const cancel = clock.every(HOUR_MS, tick);
  tick();
  return {
    check,
    async stop() {
      stopped = true;
      cancel();
      await running?.catch(() => undefined);
    },
  };
}
