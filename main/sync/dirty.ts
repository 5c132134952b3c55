import type { DatabaseSync } from 'node:sqlite';

/** What local writes changed since the last drain (filled by the triggers of migration 0008). */
export interface LocalChanges {
  cases: number[];
  volumes: number[];
}

/** Takes the list of locally changed cases and volumes, emptying it (one transaction). */
export function drainLocalChanges(db: DatabaseSync): LocalChanges {
  const rows = db.prepare('DELETE FROM sync_dirty RETURNING kind, id').all();
  const cases: number[] = [];
  const volumes: number[] = [];
  for (const r of rows) (r.kind === 'case' ? cases : volumes).push(Number(r.id));
  return { cases: cases.sort((a, b) => a - b), volumes: volumes.sort((a, b) => a - b) };
}
