import { contextBridge, ipcRenderer } from 'electron';
import { PRELOAD_GLOBAL } from '../../shared/ipc/transport.ts';
import { createBridge, IPC_CHANNEL } from './bridge.ts';

contextBridge.exposeInMainWorld(
  PRELOAD_GLOBAL,
  createBridge(
    (channel, input) => ipcRenderer.invoke(IPC_CHANNEL, channel, input),
    (event, listener) => {
      const forward = (_e: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(event, forward);
      return () => ipcRenderer.removeListener(event, forward);
    },
  ),
);
