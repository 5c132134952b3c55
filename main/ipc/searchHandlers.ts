import type { Handlers } from '../../shared/ipc/contract.ts';
import { searchLibrary } from '../store/index.ts';
import type { AppContext } from '../services/context.ts';

/** Search only reads (it is listed in writeGated.ts). */
export function searchHandlers(ctx: AppContext): Pick<Handlers, 'search:cases'> {
  const db = ctx.lib.db;
  return {
    'search:cases': ({ query, ...opts }) => searchLibrary(db, query, opts),
  };
}
