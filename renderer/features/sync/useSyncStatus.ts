import { useEffect, useState } from 'react';
import type { SyncView } from '../../../shared/model/sync.ts';
import { api } from '../../api/client.ts';

const POLL_MS = 2000;

/**
 * How the library stands with the team's server, asked every two seconds (browser mode has no push
 * from main; the answer is a few fields). Null until the first answer, and while main cannot say.
 */
export function useSyncStatus(): SyncView | null {
  const [view, setView] = useState<SyncView | null>(null);
  useEffect(() => {
    let alive = true;
    const ask = () =>
      api.sync.status().then(
        (v) => alive && setView(v),
        () => alive && setView(null),
      );
    void ask();
    const timer = setInterval(() => void ask(), POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);
  return view;
}

/** The translation key of a refusal code (`sync.badToken` → `sync.reason.badToken`), if it is one. */
export function reasonKey(reason: string | null): string | null {
  const code = (reason ?? '').split(':', 1)[0]!.trim();
  return /^sync\.[a-zA-Z]+$/.test(code) ? `sync.reason.${code.slice(5)}` : null;
}
