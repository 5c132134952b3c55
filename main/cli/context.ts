import path from 'node:path';
import { boot, type Booted } from '../services/boot.ts';
import { dataDirs } from '../services/paths.ts';
import { openConfPrefs } from '../services/prefs.ts';

export interface GlobalOptions {
  library?: string | undefined;
  dataDir?: string | undefined;
  json: boolean;
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

/** Calls a contract channel through the dispatcher, turning an error envelope into a throw. */
export async function call<T>(app: Booted, channel: string, input: unknown): Promise<T> {
  const res = await app.dispatch(channel, input);
  if (!res.ok) throw Object.assign(new Error(res.error.message), { shape: res.error });
  return res.value as T;
}

export function printTable(rows: Record<string, unknown>[], columns: string[]): void {
  if (rows.length === 0) return;
  const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  console.log(columns.join('\t'));
  for (const r of rows) console.log(columns.map((c) => cell(r[c])).join('\t'));
}
