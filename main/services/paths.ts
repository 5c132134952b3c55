import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'casebook-workbench';

/**
 * Where Electron would keep userData on this OS, so browser mode and the CLI find the same library
 * and preferences as the desktop app.
 */
export function defaultUserDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME);
}

export interface DataDirs {
  /** Preferences live here. */
  configDir: string;
  /** The default library folder (a preference or --library overrides it). */
  defaultLibraryDir: string;
}

/** `--data-dir DIR` puts everything (prefs and default library) under DIR: used by tests to isolate runs. */
export function dataDirs(dataDir?: string): DataDirs {
  const base = dataDir ? path.resolve(dataDir) : defaultUserDataDir();
  return { configDir: base, defaultLibraryDir: path.join(base, 'library') };
}
