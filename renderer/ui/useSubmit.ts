import { useCallback, useEffect, useRef, useState } from 'react';

export interface Submit<A extends unknown[]> {
  /** True while an attempt is out. */
  busy: boolean;
  /** What the last attempt threw, shown with ErrorNotice; cleared when a new attempt starts. */
  error: unknown;
  /** Runs the action once at a time: a second press while busy is ignored. */
  run(...args: A): void;
  /** For `<form onSubmit>`: the page is not reloaded, the action runs (with no arguments). */
  onSubmit(event: { preventDefault(): void }): void;
}

/**
 * The busy/error/submit pattern of every form and confirmation in the app: disable while the call
 * is out, show its error in place, and let the user try again.
 */
export function useSubmit<A extends unknown[]>(action: (...args: A) => Promise<unknown>): Submit<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef(false);
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  const run = useCallback((...args: A) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    latest
      .current(...args)
      .catch((err: unknown) => setError(err))
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
  }, []);
  const onSubmit = useCallback(
    (event: { preventDefault(): void }) => {
      event.preventDefault();
      (run as () => void)();
    },
    [run],
  );
  return { busy, error, run, onSubmit };
}
