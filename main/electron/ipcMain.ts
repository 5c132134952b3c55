import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../../shared/ipc/contract.ts';
import { isAppUrl, type AppOrigin } from './appOrigin.ts';
import { IPC_CHANNEL } from './bridge.ts';
import type { Dispatch } from '../ipc/dispatch.ts';

/**
 * Only our own page may call the contract: a frame that navigated elsewhere (or a frame that is
 * already gone) is refused, whatever the preload let through.
 */
export function isTrustedSender(frame: { url: string } | null | undefined, app: AppOrigin): boolean {
  return frame !== null && frame !== undefined && isAppUrl(frame.url, app);
}

const refused: Envelope<never> = { ok: false, error: { code: 'UNAUTHORIZED', message: 'Caller is not the workbench page' } };

/**
 * Mounts the contract on Electron's IPC. `getDispatch` is read per call because opening another
 * library replaces the dispatcher. Returns a function that unmounts it.
 */
export function mountContractIpc(ipcMain: IpcMain, getDispatch: () => Dispatch, app: AppOrigin): () => void {
  ipcMain.handle(IPC_CHANNEL, (event: IpcMainInvokeEvent, channel: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame, app)) return refused;
    return getDispatch()(typeof channel === 'string' ? channel : String(channel), input);
  });
  return () => ipcMain.removeHandler(IPC_CHANNEL);
}
