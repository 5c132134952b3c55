import type { Channel, Handlers } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/errors.ts';
import { LIBRARY_UNCHANGED, gateChannels } from './channelGates.ts';

/**
 * What a viewer (a team member the sync server lets only read) may call: reads, exports, search,
 * this machine's own preferences and lock, local backup copies, jobs, and the sync channels that
 * connect, disconnect and show the shared documents. Every other channel writes the library (or
 * leads only to such a write, as an import's staging and parsing do) and is refused: the server
 * would never accept the change, so it would wait to be sent for ever and the library would drift
 * from the team's. An allow-list, so that a new channel is refused for a viewer until it is
 * reviewed here (tests/unit/main/ipc/viewerGated.test.ts makes every contract channel classified).
 */
export const VIEWER_MAY_CALL: ReadonlySet<Channel> = new Set<Channel>([
  ...LIBRARY_UNCHANGED,
  // The library file's lock and opening (this machine's, not the team's data).
  'library:retry',
  'library:takeOver',
  // The connection itself: a viewer can always see it, leave it or connect as someone else.
  'sync:status',
  'sync:connect',
  'sync:disconnect',
  'sync:collab',
  'sync:review',
]);

/** True when the library is connected to a team server as a user who may only read. */
export type IsViewer = () => boolean;

/**
 * The handler table with every channel a viewer may not call refused (SYNC_VIEWER_READ_ONLY, nothing
 * done) while `isViewer()` says so. Asked at each call: connecting, disconnecting or a change of role
 * takes effect at once.
 */
export function viewerGated(handlers: Handlers, isViewer: IsViewer): Handlers {
  return gateChannels(handlers, VIEWER_MAY_CALL, (channel) => {
    if (isViewer()) throw viewerRefusal(channel);
  });
}

/** The refusal of a change to a viewer's library (`what`: the channel, or the command that writes). */
export function viewerRefusal(what: string): AppError {
  return new AppError('SYNC_VIEWER_READ_ONLY', `A viewer cannot change a library shared with the team (${what})`, {
    channel: what,
  });
}
