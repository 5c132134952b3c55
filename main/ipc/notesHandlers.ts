import type { Handlers } from '../../shared/ipc/contract.ts';
import { listNotes } from '../store/index.ts';
import { addCaseNote, replyToNote, setNoteState } from '../services/notesService.ts';
import type { AppContext } from '../services/context.ts';

type NoteChannels = 'notes:list' | 'notes:add' | 'notes:reply' | 'notes:resolve' | 'notes:reopen';

export function notesHandlers(ctx: AppContext): Pick<Handlers, NoteChannels> {
  return {
    'notes:list': ({ caseId }) => listNotes(ctx.lib.db, caseId),
    'notes:add': (input) => addCaseNote(ctx, input),
    'notes:reply': (input) => replyToNote(ctx, input),
    'notes:resolve': ({ noteId }) => setNoteState(ctx, noteId, true),
    'notes:reopen': ({ noteId }) => setNoteState(ctx, noteId, false),
  };
}
