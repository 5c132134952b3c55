import path from 'node:path';
import type { Channel, Input, Output } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/errors.ts';
import { boot, type Booted } from '../services/boot.ts';
import { dataDirs } from '../services/paths.ts';
import { openConfPrefs } from '../services/prefs.ts';
import { viewerRefusal } from '../ipc/viewerGated.ts';
import { keptSyncRole } from '../services/syncService.ts';

export interface GlobalOptions {
  library?: string | undefined;
  dataDir?: string | undefined;
  json: boolean;
}

/** The library folder a command works on: --library, else the preference, else the default. */
export async function resolveLibraryDir(opts: GlobalOptions): Promise<string> {
  const dirs = dataDirs(opts.dataDir);
  const prefs = await openConfPrefs(dirs.configDir);
  return path.resolve(opts.library ?? prefs.get().libraryPath ?? dirs.defaultLibraryDir);
}

/** Opens the library the way the app would (same lock, same handler table) for one command. */
export async function withLibrary<T>(opts: GlobalOptions, fn: (app: Booted) => Promise<T>): Promise<T> {
  const dirs = dataDirs(opts.dataDir);
  const prefs = await openConfPrefs(dirs.configDir);
  const libraryDir = path.resolve(opts.library ?? prefs.get().libraryPath ?? dirs.defaultLibraryDir);
  const app = await boot({ libraryDir, mode: 'cli', prefs });
  try {
    return await fn(app);
  } finally {
    await app.shutdown();
  }
}

/**
 * For a command that writes through a service rather than a channel (import): the refusal a
 * viewer's channels get (see main/ipc/viewerGated.ts), before anything is written.
 */
export function refuseIfViewer(app: Booted, what: string): void {
  if (keptSyncRole(app.ctx.lib.db) === 'viewer') throw viewerRefusal(what);
}

/**
 * Calls a contract channel through the dispatcher (validated as from the app), turning an error
 * envelope into a throw of the contract's AppError. Typed by channel, like the renderer's client.
 */
export async function call<C extends Channel>(app: Booted, channel: C, input: Input<C>): Promise<Output<C>> {
  const res = await app.dispatch(channel, input);
  if (!res.ok) throw AppError.fromShape(res.error);
  return res.value as Output<C>;
}

export function printTable(rows: Record<string, unknown>[], columns: string[]): void {
  if (rows.length === 0) return;
  const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  console.log(columns.join('\t'));
  for (const r of rows) console.log(columns.map((c) => cell(r[c])).join('\t'));
}
