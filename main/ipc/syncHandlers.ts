import type { Handlers } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/errors.ts';
import type { AppContext } from '../services/context.ts';
import type { SyncService } from '../services/syncService.ts';

export function syncHandlers(
  ctx: AppContext,
): Pick<
  Handlers,
  'sync:status' | 'sync:probe' | 'sync:connect' | 'sync:disconnect' | 'sync:collab' | 'sync:review' | 'sync:clearReview'
> {
  const sync = (): SyncService => {
    if (!ctx.sync) throw new AppError('INTERNAL', 'Team sync does not run here');
    return ctx.sync;
  };
  return {
    'sync:status': () => sync().view(),
    'sync:probe': ({ url }) => sync().probe(url),
    'sync:connect': (input) => sync().connect(input),
    'sync:disconnect': () => sync().disconnect(),
    'sync:collab': ({ caseId }) => sync().collab(caseId),
    'sync:review': ({ caseId }) => sync().review(caseId),
    'sync:clearReview': ({ caseId }) => {
      sync().clearReview(caseId);
      return { ok: true as const };
    },
  };
}
