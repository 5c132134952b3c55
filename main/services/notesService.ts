import type { Case } from '../../shared/model/entities.ts';
import type { CaseNote } from '../../shared/model/notes.ts';
import { addNote, addReply, ensureBlockIds, getCase, listNotes, setNoteResolved, withTransaction } from '../store/index.ts';
import type { AppContext } from './context.ts';
import { signer } from './workflowService.ts';

/**
 * A case as the editor loads it: with an id on every block, so notes can anchor to any of them
 * (a document stored before blocks had ids gets them now, written without a new version). While a
 * long write holds the library (an import's commit) the ids are left for the next load, so that
 * opening a case never waits on it.
 */
export function caseWithBlockIds(ctx: AppContext, id: number): Case {
  const db = ctx.lib.db;
  return ctx.writeGate.busy ? getCase(db, id) : ensureBlockIds(db, id);
}

/**
 * Adds a note on a block. The author is the user name from settings (SIGNER_REQUIRED when blank:
 * a note is an accountable remark, like a sign-off). Notes are allowed on a locked (定稿) case: they
 * change no text.
 */
export function addCaseNote(ctx: AppContext, input: { caseId: number; blockId: string; body: string }): CaseNote[] {
  const db = ctx.lib.db;
  const author = signer(ctx);
  return withTransaction(db, () => {
    addNote(db, { ...input, author });
    return listNotes(db, input.caseId);
  });
}

export function replyToNote(ctx: AppContext, input: { noteId: number; body: string }): CaseNote[] {
  const db = ctx.lib.db;
  const author = signer(ctx);
  return withTransaction(db, () => listNotes(db, addReply(db, { ...input, author })));
}

/** Resolves or reopens a note's thread, recording who resolved it. */
export function setNoteState(ctx: AppContext, noteId: number, resolved: boolean): CaseNote[] {
  const db = ctx.lib.db;
  const who = signer(ctx);
  return withTransaction(db, () => listNotes(db, setNoteResolved(db, { noteId, resolved, who })));
}
