import type { DatabaseSync } from 'node:sqlite';
import * as Y from 'yjs';
import { withTransaction } from '../store/transaction.ts';
import { newSharedDoc } from '../../shared/sync/yDoc.ts';
import { nowIso } from '../store/rows.ts';

/**
 * The local persistence of shared documents, the same on an app and on the office server: each
 * update is appended to `sync_updates` the moment it exists (a crash loses nothing acknowledged),
 * and compaction folds a document's log into its state row in `sync_docs`.
 */

/** Appends one update of `doc` to the log (its own tiny transaction: durable before it is acknowledged). */
export function appendUpdate(db: DatabaseSync, doc: string, update: Uint8Array): void {
  db.prepare('INSERT INTO sync_updates (doc, data, at) VALUES (?, ?, ?)').run(doc, update, nowIso());
}

/** Whether the library holds anything of `doc` (state or logged updates). */
export function hasDoc(db: DatabaseSync, doc: string): boolean {
  const row = db
    .prepare(
      'SELECT EXISTS (SELECT 1 FROM sync_docs WHERE name = ?) OR EXISTS (SELECT 1 FROM sync_updates WHERE doc = ?) AS present',
    )
    .get(doc, doc);
  return Number(row?.present ?? 0) === 1;
}

/** Applies the stored state and every logged update of `doc` to `ydoc` (as one transaction). */
export function loadInto(db: DatabaseSync, doc: string, ydoc: Y.Doc, origin: unknown = 'store'): void {
  const state = db.prepare('SELECT state FROM sync_docs WHERE name = ?').get(doc);
  const updates = db.prepare('SELECT data FROM sync_updates WHERE doc = ? ORDER BY id').all(doc);
  Y.transact(
    ydoc,
    () => {
      if (state) Y.applyUpdate(ydoc, state.state as Uint8Array);
      for (const u of updates) Y.applyUpdate(ydoc, u.data as Uint8Array);
    },
    origin,
  );
}

/** The full current state of `doc` as one update (empty document when the library has none). */
export function loadState(db: DatabaseSync, doc: string): Uint8Array {
  const ydoc = newSharedDoc();
  try {
    loadInto(db, doc, ydoc);
    return Y.encodeStateAsUpdate(ydoc);
  } finally {
    ydoc.destroy();
  }
}

/** Replaces the stored state of `doc` (and drops the log it folds in, up to `upToId` when given). */
export function storeState(db: DatabaseSync, doc: string, state: Uint8Array, upToId?: number, seeded = false): void {
  withTransaction(db, () => {
    db.prepare(
      `INSERT INTO sync_docs (name, state, seeded, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET state = excluded.state, seeded = max(seeded, excluded.seeded), updated_at = excluded.updated_at`,
    ).run(doc, state, seeded ? 1 : 0, nowIso());
    if (upToId !== undefined) db.prepare('DELETE FROM sync_updates WHERE doc = ? AND id <= ?').run(doc, upToId);
  });
}

/**
 * Folds the log of `doc` into its state: the state and updates are replayed into one document and
 * encoded again (replay, not Y.mergeUpdates: merging keeps every deleted item's structure, replay
 * lets Yjs drop what it can). Updates appended meanwhile stay in the log. Returns bytes before and after.
 */
export function compact(db: DatabaseSync, doc: string): { before: number; after: number } {
  return withTransaction(db, () => {
    const last = db.prepare('SELECT max(id) AS id FROM sync_updates WHERE doc = ?').get(doc);
    const before = logBytes(db, doc);
    if (last?.id === null || last?.id === undefined) return { before, after: before };
    const state = loadState(db, doc);
    storeState(db, doc, state, Number(last.id));
    return { before, after: logBytes(db, doc) };
  });
}

/** Bytes the library holds for `doc`: its stored state plus its log. */
export function logBytes(db: DatabaseSync, doc: string): number {
  const s = db.prepare('SELECT coalesce(sum(length(state)), 0) AS n FROM sync_docs WHERE name = ?').get(doc);
  const u = db.prepare('SELECT coalesce(sum(length(data)), 0) AS n FROM sync_updates WHERE doc = ?').get(doc);
  return Number(s?.n ?? 0) + Number(u?.n ?? 0);
}

/** Whether the server seeded `doc` from the library's stored case (it seeds once, never again). */
export function isSeeded(db: DatabaseSync, doc: string): boolean {
  return Number(db.prepare('SELECT seeded FROM sync_docs WHERE name = ?').get(doc)?.seeded ?? 0) === 1;
}
