import type { DatabaseSync } from 'node:sqlite';
import { docToPlainText, type Block, type CaseDoc } from '../../shared/model/caseDoc.ts';
import { insertRevision, thinRevisions } from '../store/casesRepo.ts';
import { clearDirty } from './dirty.ts';
import { reanchorNotes } from '../store/notesRepo.ts';
import { nowIso, readDoc } from '../store/rows.ts';
import { withTransaction } from '../store/transaction.ts';

/** A document in a canonical form (keys in one order, optional keys absent), to tell whether it changed. */
export function canonicalDoc(doc: CaseDoc): string {
  return JSON.stringify(
    doc.blocks.map((b: Block) => [
      b.id ?? null,
      b.kind,
      b.text,
      b.page,
      b.breaks.map((br) => [br.at, br.page]),
      b.source ? [b.source.page, b.source.lineStart, b.source.lineEnd, b.source.raw] : null,
    ]),
  );
}

/** The case's stored document, or null when the case is gone. */
export function storedDoc(db: DatabaseSync, caseId: number): CaseDoc | null {
  const row = db.prepare('SELECT doc FROM cases WHERE id = ?').get(caseId);
  return row ? readDoc(row.doc, `case ${caseId} doc`) : null;
}

/**
 * Writes a case's row from its shared document (app and office server alike): document, text (the
 * search index follows by trigger), a new version and a revision ('merge' by sync for the team's
 * changes, 'save' by the user for their own typing in the collaborative editor). Not saveCase: a merge the
 * server accepted reaches a locked case too, whatever version an editor had. Returns false when the
 * row already holds that document.
 */
export function writeCaseFromShared(
  db: DatabaseSync,
  caseId: number,
  doc: CaseDoc,
  by: { kind: 'merge' | 'save'; who: string } = { kind: 'merge', who: 'sync' },
): boolean {
  const row = db.prepare('SELECT doc, version FROM cases WHERE id = ?').get(caseId);
  if (!row) return false;
  if (canonicalDoc(readDoc(row.doc, `case ${caseId} doc`)) === canonicalDoc(doc)) return false;
  const at = nowIso();
  const docJson = JSON.stringify(doc);
  const text = docToPlainText(doc);
  withTransaction(db, () => {
    const version = Number(row.version) + 1;
    reanchorNotes(db, caseId, doc);
    db.prepare('UPDATE cases SET doc = ?, text = ?, version = ?, updated_at = ? WHERE id = ?').run(
      docJson,
      text,
      version,
      at,
      caseId,
    );
    insertRevision(db, { caseId, version, kind: by.kind, who: by.who, at, docJson, text });
    // As a save does: typing in the shared editor writes a revision at every pause.
    thinRevisions(db, caseId);
    // This write is the team's, not a local one: it must not come back as a local change.
    clearDirty(db, 'case', caseId);
    setSyncBase(db, caseId);
  });
  return true;
}

/** Records that the case's shared document holds its row as it is now (its current version). */
export function setSyncBase(db: DatabaseSync, caseId: number): void {
  db.prepare(
    'INSERT INTO sync_bases (case_id, version) SELECT id, version FROM cases WHERE id = ? ON CONFLICT (case_id) DO UPDATE SET version = excluded.version WHERE sync_bases.version IS NOT excluded.version',
  ).run(caseId);
}

/**
 * The row version the case's shared document last took in, with that version's document when the
 * revision history still has it; null for a case never shared.
 */
export function syncBase(db: DatabaseSync, caseId: number): { version: number; doc: CaseDoc | null } | null {
  const row = db
    .prepare(
      `SELECT b.version, r.doc FROM sync_bases b
       LEFT JOIN case_revisions r ON r.case_id = b.case_id AND r.version = b.version WHERE b.case_id = ?`,
    )
    .get(caseId);
  if (!row) return null;
  return { version: Number(row.version), doc: row.doc === null ? null : readDoc(row.doc, `case ${caseId} revision`) };
}

/**
 * A library's first connection: its rows are what the server's copy of the library holds too, so
 * every row counts as taken in, and nothing written before counts as a local change.
 */
export function initSyncBases(db: DatabaseSync): void {
  withTransaction(db, () => {
    if (db.prepare('SELECT 1 FROM sync_bases LIMIT 1').get()) return;
    db.exec(
      "INSERT INTO sync_bases (case_id, version) SELECT id, version FROM cases; DELETE FROM sync_dirty WHERE kind = 'case';",
    );
  });
}
