import { isChannel, type Envelope } from '../../shared/ipc/contract.ts';
import { isAppEvent, type AppEvent, type Bridge } from '../../shared/ipc/transport.ts';

/** The single ipcMain.handle channel that carries every contract call (`channel` and `input` are its arguments). */
export const IPC_CHANNEL = 'contract';

export type Invoke = (channel: string, input: unknown) => Promise<Envelope<unknown>>;
export type Subscribe = (event: AppEvent, listener: (payload: unknown) => void) => () => void;

const noop = () => undefined;

/**
 * The one object the preload exposes to the page. It forwards contract channels only (and app events
 * from main, by name, listeners only ever seeing the payload — never the IPC event); anything else
 * is answered here with UNKNOWN_CHANNEL and never reaches IPC, so a compromised page cannot use the
 * bridge to probe main for other handlers.
 */
export function createBridge(invoke: Invoke, subscribe: Subscribe): Bridge {
  return Object.freeze({
    platform: 'electron' as const,
    invoke(channel: string, input: unknown): Promise<Envelope<unknown>> {
      if (typeof channel !== 'string' || !isChannel(channel)) {
        return Promise.resolve({
          ok: false,
          error: {
            code: 'UNKNOWN_CHANNEL',
            message: `Unknown channel: ${String(channel)}`,
            details: { channel: String(channel) },
          },
        });
      }
      return invoke(channel, input);
    },
    on(event: AppEvent, listener: (payload: unknown) => void): () => void {
      if (!isAppEvent(event) || typeof listener !== 'function') return noop;
      return subscribe(event, listener);
    },
  });
}
