import { useSyncExternalStore } from 'react';
import type { SyncView } from '../../../shared/model/sync.ts';
import { reasonCode } from '../../../shared/sync/docNames.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const POLL_MS = 2000;

// One poll for the whole window, however many components watch it (the header's badge, Settings,
// every control a viewer may not use); it runs while at least one is mounted.
let current: SyncView | null = null;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let round = 0;

function ask(): void {
  const mine = round;
  const set = (v: SyncView | null) => {
    if (mine !== round || v === current) return;
    current = v;
    for (const l of listeners) l();
  };
  api.sync.status().then(set, () => set(null));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    round++;
    ask();
    timer = setInterval(ask, POLL_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
      round++;
    }
  };
}

const snapshot = (): SyncView | null => current;

/**
 * How the library stands with the team's server, asked every two seconds (browser mode has no push
 * from main; the answer is a few fields). Null until the first answer, and while main cannot say.
 */
export function useSyncStatus(): SyncView | null {
  return useSyncExternalStore(subscribe, snapshot);
}

/**
 * The library is connected as a viewer (a user the server lets only read): main refuses every write
 * (SYNC_VIEWER_READ_ONLY), so the UI does not offer them. False while the answer is not known.
 */
export function useViewerReadOnly(): boolean {
  // A boolean snapshot: a component re-renders when it changes, not at every poll.
  return useSyncExternalStore(subscribe, viewerSnapshot);
}

const viewerSnapshot = (): boolean => current?.mode === 'connected' && current.readOnly;

/** The library is known to be this machine's only (not connected to a team server). False while not known. */
export function useLocalOnly(): boolean {
  return useSyncExternalStore(subscribe, localSnapshot);
}

const localSnapshot = (): boolean => current?.mode === 'local';

/** The translation key of a refusal code (`sync.badToken` → `sync.reason.badToken`), if it is one. */
export function reasonKey(reason: string | null): string | null {
  const code = reasonCode(reason);
  return /^sync\.[a-zA-Z]+$/.test(code) ? `sync.reason.${code.slice(5)}` : null;
}

/**
 * Why a write is not offered (the `title` of a disabled control) while the library is connected as
 * a viewer; undefined otherwise. `disabled={… || why !== undefined} title={why}`.
 */
export function useViewerWhy(): string | undefined {
  const viewer = useViewerReadOnly();
  const { t } = useI18n();
  return viewer ? t('sync.viewer.why') : undefined;
}
