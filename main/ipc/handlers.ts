import type { Handlers } from '../../shared/ipc/contract.ts';
import type { AppContext } from '../services/context.ts';
import { appHandlers } from './appHandlers.ts';
import { casesHandlers } from './casesHandlers.ts';
import { importHandlers } from './importHandlers.ts';
import { volumesHandlers } from './volumesHandlers.ts';

/** The one handler table, mounted on ipcMain in Electron and on HTTP in browser mode. */
export function createHandlers(ctx: AppContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...volumesHandlers(ctx),
    ...casesHandlers(ctx),
    ...importHandlers(ctx),
  };
}
