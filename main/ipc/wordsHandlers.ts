import type { Handlers } from '../../shared/ipc/contract.ts';
import { listWords, removeWord, setWord } from '../store/index.ts';
import { currentUser, type AppContext } from '../services/context.ts';
import { exportWordList, importStagedWordList, importWordList } from '../services/wordsService.ts';

type WordChannels = 'words:list' | 'words:set' | 'words:remove' | 'words:import' | 'words:export';

export function wordsHandlers(ctx: AppContext): Pick<Handlers, WordChannels> {
  const db = ctx.lib.db;
  return {
    'words:list': () => listWords(db),
    'words:set': (spec) => setWord(db, spec, currentUser(ctx)),
    'words:remove': ({ id }) => {
      removeWord(db, id);
      return { ok: true };
    },
    'words:import': (input) => ('fileId' in input ? importStagedWordList(ctx, input.fileId) : importWordList(ctx, input.text)),
    'words:export': () => exportWordList(ctx),
  };
}
