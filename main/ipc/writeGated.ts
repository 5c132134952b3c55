import type { Channel, Handlers } from '../../shared/ipc/contract.ts';
import type { WriteGate } from '../services/writeGate.ts';
import { LIBRARY_UNCHANGED, gateChannels } from './channelGates.ts';

/**
 * Channels that never write the library from the main thread. Every other channel awaits the write
 * gate first, so a channel missing here only waits when it need not; it never blocks the event loop.
 */
const NO_MAIN_THREAD_WRITES = new Set<Channel>([
  ...LIBRARY_UNCHANGED,
  // Staging and parsing an import run off the main thread (the commit is what writes).
  'files:stage',
  'files:bundle',
  'import:start',
]);

/** The handler table with every writing channel waiting (asynchronously) for long writes elsewhere. */
export function writeGated(handlers: Handlers, gate: WriteGate): Handlers {
  return gateChannels(handlers, NO_MAIN_THREAD_WRITES, () => gate.idle());
}
