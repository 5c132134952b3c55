import type { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../shared/ipc/errors.ts';
import type { CaseDoc } from '../../shared/model/caseDoc.ts';
import { CaseNote, NoteReply, quoteOf } from '../../shared/model/notes.ts';
import { notFound, nowIso, parseStored, readDoc, rowId, type Row } from './rows.ts';
import { newUuid } from './uuid.ts';

const NOTE_COLUMNS = `id, uuid, case_id AS caseId, parent_id AS parentId, block_id AS blockId, quote, author, at, body,
  resolved_at AS resolvedAt, resolved_by AS resolvedBy`;

function currentDoc(db: DatabaseSync, caseId: number): CaseDoc {
  const row = db.prepare('SELECT doc FROM cases WHERE id = ?').get(caseId);
  if (!row) throw notFound('case', caseId);
  return readDoc(row.doc, `case ${caseId} doc`);
}

/**
 * A case's notes with their replies, in document order (by the current index of their block; notes
 * on the same block oldest first). A note with no block to point at — its case lost every block —
 * comes last, with the quote it was written on.
 */
export function listNotes(db: DatabaseSync, caseId: number): CaseNote[] {
  const doc = currentDoc(db, caseId);
  const index = new Map<string, number>();
  for (const [i, b] of doc.blocks.entries()) if (b.id !== undefined) index.set(b.id, i);
  const rows = db.prepare(`SELECT ${NOTE_COLUMNS} FROM case_notes WHERE case_id = ? ORDER BY id`).all(caseId);
  const replies = new Map<number, NoteReply[]>();
  for (const r of rows) {
    if (r.parentId === null) continue;
    const reply = parseStored(NoteReply, r, `note ${String(r.id)}`);
    const parent = Number(r.parentId);
    replies.set(parent, [...(replies.get(parent) ?? []), reply]);
  }
  const notes = rows
    .filter((r) => r.parentId === null)
    .map((r) => {
      const blockIndex = r.blockId === null ? null : (index.get(String(r.blockId)) ?? null);
      const block = blockIndex === null ? undefined : doc.blocks[blockIndex];
      return parseStored(
        CaseNote,
        {
          ...r,
          blockIndex,
          quote: block ? quoteOf(block.text) : r.quote,
          replies: replies.get(Number(r.id)) ?? [],
        },
        `note ${String(r.id)}`,
      );
    });
  const last = Number.MAX_SAFE_INTEGER;
  return notes.sort((a, b) => (a.blockIndex ?? last) - (b.blockIndex ?? last) || a.id - b.id);
}

interface NoteRow {
  id: number;
  caseId: number;
  parentId: number | null;
}

function getNoteRow(db: DatabaseSync, id: number): NoteRow {
  const row: Row | undefined = db
    .prepare('SELECT id, case_id AS caseId, parent_id AS parentId FROM case_notes WHERE id = ?')
    .get(id);
  if (!row) throw notFound('note', id);
  return { id: Number(row.id), caseId: Number(row.caseId), parentId: row.parentId === null ? null : Number(row.parentId) };
}

/** The note a reply belongs to (a note is its own thread). */
function threadOf(db: DatabaseSync, id: number): NoteRow {
  const row = getNoteRow(db, id);
  return row.parentId === null ? row : getNoteRow(db, row.parentId);
}

export interface NewNote {
  caseId: number;
  blockId: string;
  body: string;
  author: string;
  at?: string;
}

/** Adds a note on a block of the case's current document (NOT_FOUND when the block is not there); returns its id. */
export function addNote(db: DatabaseSync, input: NewNote): number {
  const block = currentDoc(db, input.caseId).blocks.find((b) => b.id === input.blockId);
  if (!block) {
    throw new AppError('NOT_FOUND', `Block ${input.blockId} is not in case ${input.caseId}`, {
      entity: 'block',
      id: input.blockId,
    });
  }
  const res = db
    .prepare(
      `INSERT INTO case_notes (uuid, case_id, parent_id, block_id, quote, author, at, body)
       VALUES (?, ?, NULL, ?, ?, ?, ?, ?)`,
    )
    .run(newUuid(), input.caseId, input.blockId, quoteOf(block.text), input.author, input.at ?? nowIso(), input.body);
  return rowId(res.lastInsertRowid);
}

/**
 * Adds a reply to a note's thread (a reply to a reply joins the same thread: threads are one level
 * deep). Replies carry no anchor of their own. Returns the case's id.
 */
export function addReply(db: DatabaseSync, input: { noteId: number; body: string; author: string; at?: string }): number {
  const thread = threadOf(db, input.noteId);
  db.prepare(
    `INSERT INTO case_notes (uuid, case_id, parent_id, block_id, quote, author, at, body)
     VALUES (?, ?, ?, NULL, '', ?, ?, ?)`,
  ).run(newUuid(), thread.caseId, thread.id, input.author, input.at ?? nowIso(), input.body);
  return thread.caseId;
}

/**
 * Resolves (or reopens, with `resolved: false`) a note's thread; on a reply it acts on the note the
 * reply belongs to. Resolving a resolved note keeps who resolved it first. Returns the case's id.
 */
export function setNoteResolved(
  db: DatabaseSync,
  input: { noteId: number; resolved: boolean; who: string; at?: string },
): number {
  const thread = threadOf(db, input.noteId);
  if (input.resolved) {
    db.prepare('UPDATE case_notes SET resolved_at = ?, resolved_by = ? WHERE id = ? AND resolved_at IS NULL').run(
      input.at ?? nowIso(),
      input.who,
      thread.id,
    );
  } else {
    db.prepare('UPDATE case_notes SET resolved_at = NULL, resolved_by = NULL WHERE id = ?').run(thread.id);
  }
  return thread.caseId;
}

/**
 * Keeps notes on blocks that a new document of the case no longer has; call before the case's
 * stored document is replaced by `next`, in the same transaction. A note whose block is gone moves
 * to the nearest block before it (in the stored document) that survives — where a merged block's
 * text went —, else the nearest surviving one after it; when no block survives (a restore of a
 * document from before block ids), to the block now at the same index, clamped.
 */
export function reanchorNotes(db: DatabaseSync, caseId: number, next: CaseDoc): void {
  const anchors = db
    .prepare('SELECT DISTINCT block_id AS blockId FROM case_notes WHERE case_id = ? AND parent_id IS NULL')
    .all(caseId)
    .map((r) => (r.blockId === null ? null : String(r.blockId)));
  if (anchors.length === 0) return;
  const nextIds = new Set<string>();
  for (const b of next.blocks) if (b.id !== undefined) nextIds.add(b.id);
  const first = next.blocks[0]?.id ?? null;
  // Notes left without a block (their case was emptied) take the first block once there is one again.
  if (anchors.includes(null) && first !== null) {
    db.prepare('UPDATE case_notes SET block_id = ? WHERE case_id = ? AND parent_id IS NULL AND block_id IS NULL').run(
      first,
      caseId,
    );
  }
  const gone = anchors.filter((id): id is string => id !== null && !nextIds.has(id));
  if (gone.length === 0) return;
  const before = currentDoc(db, caseId).blocks.map((b) => b.id);
  const move = db.prepare('UPDATE case_notes SET block_id = ? WHERE case_id = ? AND block_id = ?');
  for (const id of gone) move.run(newAnchor(before, next, nextIds, id), caseId, id);
}

function newAnchor(
  before: ReadonlyArray<string | undefined>,
  next: CaseDoc,
  nextIds: ReadonlySet<string>,
  id: string,
): string | null {
  const at = before.indexOf(id);
  const survives = (i: number) => {
    const b = before[i];
    return b !== undefined && nextIds.has(b);
  };
  if (at >= 0) {
    for (let i = at - 1; i >= 0; i--) if (survives(i)) return before[i]!;
    for (let i = at + 1; i < before.length; i++) if (survives(i)) return before[i]!;
  }
  if (next.blocks.length === 0) return null;
  // The block was already missing from the stored document (an id the note kept from elsewhere): it
  // has no position, so the note goes to the first block rather than nowhere.
  const same = at >= 0 ? Math.min(at, next.blocks.length - 1) : 0;
  return next.blocks[same]?.id ?? null;
}
