import type { Handlers } from '../../shared/ipc/contract.ts';
import type { AppContext } from '../services/context.ts';
import { appHandlers } from './appHandlers.ts';
import { backupsHandlers } from './backupsHandlers.ts';
import { syncHandlers } from './syncHandlers.ts';
import { casesHandlers } from './casesHandlers.ts';
import { dashboardHandlers } from './dashboardHandlers.ts';
import { exportHandlers } from './exportHandlers.ts';
import { importHandlers } from './importHandlers.ts';
import { libraryHandlers } from './libraryHandlers.ts';
import { notesHandlers } from './notesHandlers.ts';
import { ocrHandlers } from './ocrHandlers.ts';
import { replaceHandlers } from './replaceHandlers.ts';
import { searchHandlers } from './searchHandlers.ts';
import { tagsHandlers } from './tagsHandlers.ts';
import { volumesHandlers } from './volumesHandlers.ts';
import { wordsHandlers } from './wordsHandlers.ts';

/** The one handler table, mounted on ipcMain in Electron and on HTTP in browser mode. */
export function createHandlers(ctx: AppContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...libraryHandlers(ctx),
    ...volumesHandlers(ctx),
    ...casesHandlers(ctx),
    ...tagsHandlers(ctx),
    ...searchHandlers(ctx),
    ...importHandlers(ctx),
    ...backupsHandlers(ctx),
    ...exportHandlers(ctx),
    ...replaceHandlers(ctx),
    ...wordsHandlers(ctx),
    ...dashboardHandlers(ctx),
    ...notesHandlers(ctx),
    ...ocrHandlers(ctx),
    ...syncHandlers(ctx),
  };
}
