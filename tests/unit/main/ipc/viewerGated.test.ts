import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHANNELS, type Channel, type Handlers } from '../../../../shared/ipc/contract.ts';
import { AppError } from '../../../../shared/ipc/errors.ts';
import { createDispatcher } from '../../../../main/ipc/dispatch.ts';
import { VIEWER_MAY_CALL, viewerGated } from '../../../../main/ipc/viewerGated.ts';

/**
 * The channels a viewer may not call, as reviewed: each writes the library or leads only to such a
 * write. With VIEWER_MAY_CALL it must name every contract channel once, so that a new channel fails
 * here until someone decides which side it is on (for a viewer it is refused meanwhile).
 */
const VIEWER_REFUSED: readonly Channel[] = [
  'volumes:create',
  'volumes:rename',
  'volumes:delete',
  'volumes:attachScan',
  'volumes:setScanOffset',
  'cases:save',
  'cases:act',
  'workflow:set',
  'cases:restore',
  'pages:setStatus',
  'pages:setOcr',
  'cases:setAssignee',
  'cases:tag',
  'cases:untag',
  'tags:rename',
  'tags:delete',
  'tags:setColor',
  'cases:bulkTag',
  'cases:bulkUntag',
  'cases:bulkAssign',
  // Staging and parsing lead only to an import (or a scan attached, a word list merged).
  'files:stage',
  'files:bundle',
  'import:start',
  'import:commit',
  'sample:install',
  'import:json',
  'backups:restore',
  'sync:clearReview',
  'replace:apply',
  'replace:undo',
  'words:set',
  'words:remove',
  'words:import',
  'notes:add',
  'notes:reply',
  'notes:resolve',
  'notes:reopen',
];

test('every contract channel is classified for a viewer: allowed or refused, never both, nothing stale', () => {
  const refused = new Set(VIEWER_REFUSED);
  assert.equal(refused.size, VIEWER_REFUSED.length, 'no channel listed twice');
  for (const ch of VIEWER_MAY_CALL) assert.ok(CHANNELS.includes(ch), `${ch} (allowed) is not in the contract`);
  for (const ch of refused) assert.ok(CHANNELS.includes(ch), `${ch} (refused) is not in the contract`);
  for (const ch of VIEWER_MAY_CALL) assert.ok(!refused.has(ch), `${ch} is both allowed and refused`);
  const unclassified = CHANNELS.filter((ch) => !VIEWER_MAY_CALL.has(ch) && !refused.has(ch));
  assert.deepEqual(unclassified, [], 'classify these in main/ipc/viewerGated.ts (allow) or here (refuse)');
});

test('what a viewer must keep: reading, searching, exporting, and leaving the connection', () => {
  for (const ch of [
    'cases:get',
    'cases:list',
    'search:cases',
    'export:preview',
    'export:start',
    'export:result',
    'jobs:get',
    'backups:list',
    'prefs:set',
    'sync:status',
    'sync:connect',
    'sync:disconnect',
    'sync:collab',
  ] as const) {
    assert.ok(VIEWER_MAY_CALL.has(ch), ch);
  }
  for (const ch of [
    'cases:save',
    'cases:act',
    'import:start',
    'import:commit',
    'replace:apply',
    'notes:add',
    'cases:tag',
  ] as const) {
    assert.ok(!VIEWER_MAY_CALL.has(ch), ch);
  }
});

/** A handler table that records which channels ran. */
function recordingHandlers(): { handlers: Handlers; ran: string[] } {
  const ran: string[] = [];
  const handlers = Object.fromEntries(
    CHANNELS.map((ch) => [
      ch,
      () => {
        ran.push(ch);
        return { ok: true };
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, ran };
}

test('for a viewer, a refused channel throws SYNC_VIEWER_READ_ONLY without running; allowed ones run', async () => {
  const { handlers, ran } = recordingHandlers();
  let viewer = true;
  const gated = viewerGated(handlers, () => viewer) as unknown as Record<Channel, (input: unknown) => Promise<unknown>>;
  for (const ch of CHANNELS) {
    if (VIEWER_MAY_CALL.has(ch)) {
      await gated[ch]({});
      continue;
    }
    await assert.rejects(gated[ch]({}), (err: unknown) => {
      assert.ok(err instanceof AppError);
      assert.equal(err.code, 'SYNC_VIEWER_READ_ONLY');
      assert.equal(err.details?.channel, ch);
      return true;
    });
  }
  assert.deepEqual([...ran].sort(), [...VIEWER_MAY_CALL].sort());
  // Asked at each call: once the user is no viewer (disconnected, or given the editor role) all run.
  viewer = false;
  ran.length = 0;
  for (const ch of CHANNELS) await gated[ch]({});
  assert.deepEqual(ran, [...CHANNELS]);
});

test('through the dispatcher the refusal is an error envelope with its code, not INTERNAL', async () => {
  const { handlers, ran } = recordingHandlers();
  const errors: string[] = [];
  const dispatch = createDispatcher(
    viewerGated(handlers, () => true),
    (ch) => errors.push(ch),
  );
  const res = await dispatch('volumes:rename', { id: 1, title: '新卷名' });
  assert.equal(res.ok, false);
  if (!res.ok) {
    assert.equal(res.error.code, 'SYNC_VIEWER_READ_ONLY');
    assert.equal(res.error.details?.channel, 'volumes:rename');
  }
  assert.deepEqual(ran, []);
  assert.deepEqual(errors, [], 'a refusal is not logged as an internal error');
  // Validation still comes first: a malformed call says so, whoever makes it.
  const bad = await dispatch('volumes:rename', { id: 'x' });
  assert.equal(bad.ok ? 'ok' : bad.error.code, 'VALIDATION');
});
