import type { DatabaseSync } from 'node:sqlite';
import type * as Y from 'yjs';
import { withTransaction } from '../store/transaction.ts';
import { markDirty } from './dirty.ts';
import type { TeamChanged } from './volumeExtras.ts';
import { readVolume, setExtra } from '../../shared/sync/volumeDoc.ts';

/**
 * Review marks: a signed case a merge changed is marked for review on every machine of the team,
 * until someone who reviewed it clears it. The office server sees the merge (mergeWatch.ts) and
 * writes the mark into the case's volume document; each app keeps it in `sync_reviews`.
 *
 * In the volume document a mark is the flat entry `r:<case uuid>`: the time it was marked, or null
 * once cleared (an entry is never removed, so a clear and a later mark merge like any field).
 */

export const reviewKey = (caseUuid: string): string => `r:${caseUuid}`;

const REVIEW_KEY = /^r:([^:]+)$/;

/** The volume's review marks as the library holds them (`r:<case uuid>` → when marked). */
export function reviewMarksFromLibrary(db: DatabaseSync, volumeId: number): Map<string, string> {
  const rows = db
    .prepare('SELECT c.uuid, r.marked_at FROM sync_reviews r JOIN cases c ON c.id = r.case_id WHERE c.volume_id = ?')
    .all(volumeId);
  return new Map(rows.map((r) => [reviewKey(String(r.uuid)), String(r.marked_at)]));
}

/** Marks the document's rows lack (cleared here): each is sent as null. */
export function clearedReviews(rows: ReadonlyMap<string, unknown>, doc: ReadonlyMap<string, unknown>): string[] {
  return [...doc.keys()].filter((k) => REVIEW_KEY.test(k) && typeof doc.get(k) === 'string' && !rows.has(k));
}

/**
 * Writes the document's marks into `sync_reviews` (only those `changed` says the team changed),
 * each against the case's latest sign-off. Run after the events are in. Returns the touched cases.
 */
export function applyReviewMarks(
  db: DatabaseSync,
  volumeId: number,
  extras: ReadonlyMap<string, unknown>,
  changed: TeamChanged,
): Set<number> {
  const touched = new Set<number>();
  const rows = reviewMarksFromLibrary(db, volumeId);
  const caseOf = db.prepare('SELECT id FROM cases WHERE uuid = ? AND volume_id = ?');
  const mark = db.prepare('INSERT OR REPLACE INTO sync_reviews (case_id, event_uuid, marked_at) VALUES (?, ?, ?)');
  const clear = db.prepare('DELETE FROM sync_reviews WHERE case_id = ?');
  for (const [key, value] of extras) {
    const m = REVIEW_KEY.exec(key);
    if (!m) continue;
    const docValue = typeof value === 'string' ? value : null;
    if (!changed(key, docValue, rows.get(key) ?? null)) continue;
    const row = caseOf.get(m[1]!, volumeId);
    if (!row) continue;
    const id = Number(row.id);
    if (docValue === null) clear.run(id);
    else mark.run(id, latestSignoff(db, id), docValue);
    touched.add(id);
  }
  return touched;
}

/** The case's latest sign-off the server did not refuse (the signed text a review compares with). */
export function latestSignoff(db: DatabaseSync, caseId: number): string | null {
  const row = db
    .prepare(
      `SELECT uuid FROM case_events WHERE case_id = ? AND kind = 'signoff' AND rejected IS NULL
       ORDER BY at DESC, coalesce(hlc, '') DESC LIMIT 1`,
    )
    .get(caseId);
  return row ? String(row.uuid) : null;
}

/**
 * On the office server: marks a merged case in its volume's document, when the volume's log holds a
 * sign-off of it the server did not refuse. Returns whether it marked.
 */
export function markMergedCase(volumeDoc: Y.Doc, caseUuid: string, at: string): boolean {
  const state = readVolume(volumeDoc);
  const signed = state.events.some((e) => e.caseUuid === caseUuid && e.kind === 'signoff' && !state.rejected[e.uuid]);
  if (signed) setExtra(volumeDoc, reviewKey(caseUuid), at);
  return signed;
}

/** Clears a case's mark here (someone reviewed the merge); the volume's document takes it to the team. */
export function clearReviewMark(db: DatabaseSync, caseId: number): void {
  const row = db.prepare('SELECT volume_id FROM cases WHERE id = ?').get(caseId);
  if (!row) return;
  withTransaction(db, () => {
    db.prepare('DELETE FROM sync_reviews WHERE case_id = ?').run(caseId);
    markDirty(db, 'vol', [Number(row.volume_id)]);
  });
}
