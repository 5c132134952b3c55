import type { Channel, Handlers } from '../../shared/ipc/contract.ts';

/**
 * Channels that change nothing in the library: reads, search, previews, exports (they write only
 * the chosen file), jobs, backup copies (beside the library), this machine's preferences and the
 * lock's status. Both gates let them through (writeGated.ts, viewerGated.ts); each adds its own.
 */
export const LIBRARY_UNCHANGED: readonly Channel[] = [
  // The app and this machine's preferences (preferences.json beside the library, never shared).
  'app:info',
  'prefs:get',
  'prefs:set',
  'library:status',
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
  // An import's preview reads a parsed job.
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
  // Copies of the library in its backups/ folder (restoring one replaces the library: not here).
  'backups:list',
  'backups:create',
  // Reads a server's certificate (a handshake, nothing written).
  'sync:probe',
];

/**
 * The handler table with `guard` run before every channel not in `pass` (it may wait, or throw to
 * refuse); the channels in `pass` are the handlers themselves.
 */
export function gateChannels(
  handlers: Handlers,
  pass: ReadonlySet<Channel>,
  guard: (channel: Channel) => void | Promise<void>,
): Handlers {
  const gated: Record<string, (input: unknown) => unknown> = {};
  for (const [channel, handler] of Object.entries(handlers) as Array<[Channel, (input: unknown) => unknown]>) {
    gated[channel] = pass.has(channel)
      ? handler
      : async (input) => {
          await guard(channel);
          return handler(input);
        };
  }
  return gated as unknown as Handlers;
}
