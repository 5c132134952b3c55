import { contextBridge, ipcRenderer } from 'electron';
import { PRELOAD_GLOBAL } from '../../shared/ipc/transport.ts';
import { createBridge, IPC_CHANNEL } from './bridge.ts';

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, createBridge((channel, input) => ipcRenderer.invoke(IPC_CHANNEL, channel, input)));
