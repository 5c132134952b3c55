import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Prefs, PrefsPatch } from '../../shared/model/prefs.ts';
import { api } from '../api/client.ts';

interface PrefsApi {
  prefs: Prefs;
  /** Saves through `prefs:set` and adopts what main stored. */
  update(patch: PrefsPatch): Promise<void>;
}

const PrefsContext = createContext<PrefsApi | null>(null);

export function PrefsProvider({ initial, children }: { initial: Prefs; children: ReactNode }) {
  const [prefs, setPrefs] = useState(initial);
  const update = useCallback(async (patch: PrefsPatch) => {
    // Apply at once so a language switch is instant, then adopt the stored value.
    setPrefs((p) => ({ ...p, ...patch }));
    try {
      setPrefs(await api.prefs.set(patch));
    } catch (err) {
      // Re-read what is really stored rather than guessing what to roll back to.
      await api.prefs.get().then(setPrefs, () => undefined);
      throw err;
    }
  }, []);
  const value = useMemo(() => ({ prefs, update }), [prefs, update]);
  return <PrefsContext.Provider value={value}>{children}</PrefsContext.Provider>;
}

export function usePrefs(): PrefsApi {
  const ctx = useContext(PrefsContext);
  if (!ctx) throw new Error('usePrefs outside PrefsProvider');
  return ctx;
}
