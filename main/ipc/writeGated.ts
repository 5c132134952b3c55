import type { Channel, Handlers } from '../../shared/ipc/contract.ts';
import type { WriteGate } from '../services/writeGate.ts';

/**
 * Channels that never write the library from the main thread. Every other channel awaits the write
 * gate first, so a channel missing here only waits when it need not; it never blocks the event loop.
 */
const NO_MAIN_THREAD_WRITES = new Set<Channel>([
  'app:info',
  'prefs:get',
  'prefs:set',
  'library:status',
  'volumes:list',
  'volumes:get',
  'cases:list',
  'cases:get',
  'cases:events',
  'cases:workflow',
  'workflow:get',
  'cases:revisions',
  'revisions:get',
  'pages:list',
  'pages:ocr',
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
  'files:stage',
  'files:bundle',
  'import:start',
  'import:preview',
  'import:previewPages',
  'import:previewCases',
  'import:previewToc',
  'import:previewFront',
  'import:previewChanges',
  'export:preview',
  'export:start',
  'export:result',
  'jobs:get',
  'jobs:cancel',
  'backups:list',
  'backups:create',
  'words:list',
  'words:export',
  'dashboard:volume',
  'notes:list',
  'sync:probe',
]);

/** The handler table with every writing channel waiting (asynchronously) for long writes elsewhere. */
export function writeGated(handlers: Handlers, gate: WriteGate): Handlers {
  const gated: Record<string, (input: unknown) => unknown> = {};
  for (const [channel, handler] of Object.entries(handlers) as Array<[Channel, (input: unknown) => unknown]>) {
    gated[channel] = NO_MAIN_THREAD_WRITES.has(channel)
      ? handler
      : async (input) => {
          await gate.idle();
          return handler(input);
        };
  }
  return gated as unknown as Handlers;
}
