import { AppError, zodIssues } from '../../shared/ipc/errors.ts';
import { Prefs, PrefsPatch } from '../../shared/model/prefs.ts';

/** The part of electron-store / conf we use: both expose the whole object as `store`. */
export interface KeyValueStore {
  store: Record<string, unknown>;
}

export interface PrefsService {
  get(): Prefs;
  set(patch: PrefsPatch): Prefs;
}

/**
 * Preferences validated by the shared zod schema on every read and write, over electron-store in
 * Electron and over `conf` elsewhere (electron-store cannot be imported outside Electron).
 */
export function createPrefsService(backing: KeyValueStore): PrefsService {
  const read = (): Prefs => {
    const parsed = Prefs.safeParse(backing.store);
    // A hand-edited or older file falls back to defaults field by field rather than failing the app.
    if (parsed.success) return parsed.data;
    const fixed: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(backing.store)) {
      const field = Prefs.shape[key as keyof Prefs];
      if (field?.safeParse(value).success) fixed[key] = value;
    }
    return Prefs.parse(fixed);
  };
  return {
    get: read,
    set(patch) {
      // Parsed again here (not only at the IPC boundary): in-process callers must not slip defaults or junk in.
      const parsed = PrefsPatch.safeParse(patch);
      if (!parsed.success) throw new AppError('VALIDATION', 'Invalid preferences', { issues: zodIssues(parsed.error) });
      const next = Prefs.parse({ ...read(), ...parsed.data });
      backing.store = next;
      return next;
    },
  };
}

/** Preferences in a folder through `conf` (browser mode, CLI, tests). */
export async function openConfPrefs(configDir: string): Promise<PrefsService> {
  const { default: Conf } = await import('conf');
  const conf = new Conf<Record<string, unknown>>({ cwd: configDir, configName: 'preferences' });
  return createPrefsService(conf);
}
