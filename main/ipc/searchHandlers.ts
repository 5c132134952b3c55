import type { Handlers } from '../../shared/ipc/contract.ts';
import { getVolume, searchCases } from '../store/index.ts';
import type { AppContext } from '../services/context.ts';

export function searchHandlers(ctx: AppContext): Pick<Handlers, 'search:cases'> {
  const db = ctx.lib.db;
  return {
    'search:cases': ({ query, volumeId, limit }) => {
      if (volumeId !== undefined) getVolume(db, volumeId);
      return searchCases(db, query, { limit, ...(volumeId === undefined ? {} : { volumeId }) });
    },
  };
}
