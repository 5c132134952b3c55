import type { Channel, Handlers } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/errors.ts';

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
  // The app and this machine's preferences (preferences.json beside the library, never shared).
  'app:info',
  'prefs:get',
  'prefs:set',
  // The library file's lock and opening (this machine's, not the team's data).
  'library:status',
  'library:retry',
  'library:takeOver',
  // Reads.
  'volumes:list',
  'volumes:get',
  'cases:list',
  'cases:get',
  'cases:workflow',
  'workflow:get',
  'cases:events',
  'cases:revisions',
  'revisions:get',
  'pages:list',
  'pages:ocr',
  // Reading a page again writes nothing (only pages:setOcr keeps a reading).
  'pages:reocr',
  'pages:reocrResult',
  'toc:list',
  'cases:stageCounts',
  'cases:tags',
  'tags:list',
  'cases:tagMap',
  'cases:assignees',
  'search:cases',
  'replace:preview',
  'replace:batches',
  'words:list',
  'words:export',
  'notes:list',
  'dashboard:volume',
  // An import's preview reads a parsed job (import:start, which only leads to a write, is refused).
  'import:preview',
  'import:previewPages',
  'import:previewCases',
  'import:previewToc',
  'import:previewFront',
  'import:previewChanges',
  // Exports read the library and write only the chosen file.
  'export:preview',
  'export:start',
  'export:result',
  'jobs:get',
  'jobs:cancel',
  // Copies of the library in its backups/ folder; restoring one (replacing the library) is refused.
  'backups:list',
  'backups:create',
  // The connection itself: a viewer can always see it, leave it or connect as someone else.
  'sync:status',
  // Reads a server's certificate (a handshake, nothing written), to connect again.
  'sync:probe',
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
  const gated: Record<string, (input: unknown) => unknown> = {};
  for (const [channel, handler] of Object.entries(handlers) as Array<[Channel, (input: unknown) => unknown]>) {
    gated[channel] = VIEWER_MAY_CALL.has(channel)
      ? handler
      : async (input) => {
          if (isViewer()) {
            throw new AppError('SYNC_VIEWER_READ_ONLY', `A viewer cannot change a library shared with the team (${channel})`, {
              channel,
            });
          }
          return handler(input);
        };
  }
  return gated as unknown as Handlers;
}
