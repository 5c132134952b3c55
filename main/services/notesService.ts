import type { CaseNote } from '../../shared/model/notes.ts';
import { addNote, addReply, listNotes, setNoteResolved, withTransaction } from '../store/index.ts';
import type { AppContext } from './context.ts';
import { signer } from './workflowService.ts';

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
