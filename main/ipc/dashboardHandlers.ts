import type { Handlers } from '../../shared/ipc/contract.ts';
import { volumeDashboard } from '../services/dashboardService.ts';
import type { AppContext } from '../services/context.ts';

export function dashboardHandlers(ctx: AppContext): Pick<Handlers, 'dashboard:volume'> {
  return {
    'dashboard:volume': ({ volumeId }) => volumeDashboard(ctx, volumeId),
  };
}
