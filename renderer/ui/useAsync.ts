import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../api/apiError.ts';

export interface AsyncState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  /** True while the answer for the current key is outstanding (stale data stays visible meanwhile). */
  loading: boolean;
  reload(): void;
}

interface Settled<T> {
  key: string;
  data: T | undefined;
  error: ApiError | undefined;
}

/**
 * Runs `load` whenever `key` changes (or on reload) and keeps the latest answer. Loading is derived
 * from "settled key ≠ current key", so no state is set synchronously inside the effect, and an answer
 * for an outdated key is dropped.
 */
export function useAsync<T>(key: string | null, load: () => Promise<T>): AsyncState<T> {
  const [tick, setTick] = useState(0);
  const [settled, setSettled] = useState<Settled<T>>({ key: '', data: undefined, error: undefined });
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const fullKey = key === null ? '' : `${key}#${tick}`;

  useEffect(() => {
    if (fullKey === '') return;
    let live = true;
    loadRef.current().then(
      (data) => live && setSettled({ key: fullKey, data, error: undefined }),
      (err: unknown) => live && setSettled((s) => ({ key: fullKey, data: s.data, error: toApiError(err) })),
    );
    return () => {
      live = false;
    };
  }, [fullKey]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const current = settled.key === fullKey;
  return {
    data: key === null ? undefined : settled.data,
    error: current ? settled.error : undefined,
    loading: key !== null && !current,
    reload,
  };
}
