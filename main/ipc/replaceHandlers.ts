import type { Handlers } from '../../shared/ipc/contract.ts';
import { applyReplace, listReplaceBatches, previewReplace, undoReplaceBatch } from '../services/replaceService.ts';
import { currentUser, type AppContext } from '../services/context.ts';

type ReplaceChannels = 'replace:preview' | 'replace:apply' | 'replace:batches' | 'replace:undo';

export function replaceHandlers(ctx: AppContext): Pick<Handlers, ReplaceChannels> {
  const db = ctx.lib.db;
  return {
    'replace:preview': (input) => previewReplace(db, input),
    'replace:apply': (input) => applyReplace(db, input, currentUser(ctx)),
    'replace:batches': ({ volumeId }) => listReplaceBatches(db, volumeId),
    'replace:undo': ({ id }) => undoReplaceBatch(db, id, currentUser(ctx)),
  };
}
