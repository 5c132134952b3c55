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

export type DirtyKind = 'case' | 'vol';

/** Forgets a pending local change: the row was written by sync itself (it must not go back out). */
export function clearDirty(db: DatabaseSync, kind: DirtyKind, id: number): void {
  db.prepare('DELETE FROM sync_dirty WHERE kind = ? AND id = ?').run(kind, id);
}

/** Whether a local change of this row is waiting to be taken into its shared document. */
export function isDirty(db: DatabaseSync, kind: DirtyKind, id: number): boolean {
  return db.prepare('SELECT 1 FROM sync_dirty WHERE kind = ? AND id = ?').get(kind, id) !== undefined;
}

/** Puts local changes back in the list (drained, but not taken in yet: tried again later). */
export function markDirty(db: DatabaseSync, kind: DirtyKind, ids: readonly number[]): void {
  const put = db.prepare('INSERT OR IGNORE INTO sync_dirty (kind, id) VALUES (?, ?)');
  for (const id of ids) put.run(kind, id);
}
