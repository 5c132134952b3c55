const pending = new Map<string, Promise<unknown>>();

/**
 * Joins an identical request that is already on its way instead of sending it twice (the case
 * page and its proofreading view both need the volume at the same moment). Answers are never
 * kept: once settled, the next call asks again.
 */
export function joinInFlight<T>(key: string, load: () => Promise<T>): Promise<T> {
  const existing = pending.get(key) as Promise<T> | undefined;
  if (existing) return existing;
  const p = load();
  pending.set(key, p);
  const forget = () => {
    if (pending.get(key) === p) pending.delete(key);
  };
  p.then(forget, forget);
  return p;
}
