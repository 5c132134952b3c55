import type { ParsedInput } from '../../shared/ipc/contract.ts';
import type { CaseSummary } from '../../shared/model/entities.ts';
import { saveCase, thinRevisions, withTransaction } from '../store/index.ts';
import { currentUser, type AppContext } from './context.ts';

/**
 * Saves an edit as a new version and thins the autosave history, in one transaction: a crash
 * between the two can leave neither half done.
 */
export function saveCaseEdit(ctx: AppContext, input: ParsedInput<'cases:save'>): CaseSummary {
  const db = ctx.lib.db;
  const who = currentUser(ctx);
  return withTransaction(db, () => {
    const saved = saveCase(db, { ...input, who });
    // Autosave writes a revision a second while typing; thinning keeps history readable and the file small.
    thinRevisions(db, input.id);
    return saved;
  });
}
