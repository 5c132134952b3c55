// Accountable sign-off over the contract, on a real library: the rules, the lock enforced by main,
// the log the stage is derived from, and the library's own stage list.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Case, CaseSummary, Volume } from '../../../shared/model/entities.ts';
import type { CaseEvent } from '../../../shared/workflow/events.ts';
import { deriveCaseState } from '../../../shared/workflow/events.ts';
import type { CaseWorkflow } from '../../../shared/workflow/schemas.ts';
import type { WorkflowSettings } from '../../../shared/workflow/settings.ts';
import { REASON_MAX } from '../../../shared/workflow/schemas.ts';
import { bootTemp, call } from './helpers.ts';

type Booted = Awaited<ReturnType<typeof bootTemp>>;

async function failure(
  app: Booted,
  channel: string,
  input: unknown,
): Promise<{ code: string; details?: Record<string, unknown> }> {
  const res = await app.dispatch(channel, input);
  assert.equal(res.ok, false, `${channel} should fail`);
  return res.ok ? { code: 'none' } : res.error;
}

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('sign-off, send-back, flags and the 定稿 lock', () => {
  let app: Booted;
  let volume: Volume;
  let kase: CaseSummary;
  const as = (userName: string) => call(app, 'prefs:set', { userName });
  const act = (action: unknown) => call<{ case: CaseSummary; event: CaseEvent }>(app, 'cases:act', { id: kase.id, action });
  const actFails = (action: unknown) => failure(app, 'cases:act', { id: kase.id, action });

  before(async () => {
    app = await bootTemp();
    volume = await call<Volume>(app, 'sample:install');
    kase = (await call<CaseSummary[]>(app, 'cases:list', { volumeId: volume.id }))[1]!;
  });
  after(() => app.done());

  test('without a user name, signing is refused (no blank signer, not the OS account)', async () => {
    await as('');
    assert.equal((await actFails({ kind: 'signoff', to: 'review1' })).code, 'SIGNER_REQUIRED');
    assert.equal((await actFails({ kind: 'flag', reason: '出处？' })).code, 'SIGNER_REQUIRED');
  });

  test('a sign-off moves one stage forward; skipping and unknown stages are refused', async () => {
    await as('甲');
    const skip = await actFails({ kind: 'signoff', to: 'review2' });
    assert.equal(skip.code, 'STAGE_SKIP');
    assert.equal(skip.details?.next, '初审');
    assert.equal((await actFails({ kind: 'signoff', to: 'nowhere' })).code, 'STAGE_UNKNOWN');
    assert.equal((await actFails({ kind: 'signoff', to: 'Not A Key' })).code, 'VALIDATION');
    const { case: moved, event } = await act({ kind: 'signoff', to: 'review1', note: '初审通过' });
    assert.equal(moved.stage, 'review1');
    assert.equal(event.kind, 'signoff');
    assert.equal(event.who, '甲');
    assert.equal(event.note, '初审通过');
    assert.match(event.uuid, UUID_V7);
    assert.equal(event.relaxed, false);
  });

  test('the signer of a pass cannot sign the next one, unless the library relaxes it (and the log says so)', async () => {
    const same = await actFails({ kind: 'signoff', to: 'review2' });
    assert.equal(same.code, 'SAME_SIGNER');
    assert.equal(same.details?.who, '甲');
    const settings = await call<WorkflowSettings>(app, 'workflow:get');
    await call(app, 'workflow:set', { ...settings, allowSameSigner: true });
    const { event } = await act({ kind: 'signoff', to: 'review2' });
    assert.equal(event.relaxed, true);
    await call(app, 'workflow:set', { ...settings, allowSameSigner: false });
    await as('乙');
    assert.equal((await act({ kind: 'signoff', to: 'review3' })).event.relaxed, false);
  });

  test('sending back needs a reason, goes to any earlier stage, and frees the next signer', async () => {
    assert.equal((await actFails({ kind: 'sendback', to: 'review1', reason: '  ' })).code, 'REASON_REQUIRED');
    assert.equal((await actFails({ kind: 'sendback', to: 'proof1', reason: '向前？' })).code, 'VALIDATION');
    const long = await actFails({ kind: 'sendback', to: 'review1', reason: '长'.repeat(REASON_MAX + 1) });
    assert.equal(long.code, 'VALIDATION');
    const { case: back } = await act({ kind: 'sendback', to: 'review1', reason: '标题有误' });
    assert.equal(back.stage, 'review1');
    // After a send-back nobody "signed the previous pass": 乙, who sent it back, may sign again.
    await act({ kind: 'signoff', to: 'review2' });
    await as('甲');
    await act({ kind: 'signoff', to: 'review3' });
  });

  test('an open note blocks signing past 终审; resolving it lets the sign-off through', async () => {
    const db = app.ctx.lib.db;
    db.prepare(
      `INSERT INTO case_notes (uuid, case_id, block_id, author, at, body) VALUES ('n-1', ?, 'b', '丙', ?, '核对数字')`,
    ).run(kase.id, new Date().toISOString());
    await as('乙');
    const blocked = await actFails({ kind: 'signoff', to: 'proof1' });
    assert.equal(blocked.code, 'OPEN_NOTES');
    assert.equal(blocked.details?.count, 1);
    assert.equal((await call<CaseWorkflow>(app, 'cases:workflow', { id: kase.id })).openNotes, 1);
    db.prepare(`UPDATE case_notes SET resolved_at = ?, resolved_by = '乙' WHERE uuid = 'n-1'`).run(new Date().toISOString());
    assert.equal((await act({ kind: 'signoff', to: 'proof1' })).case.stage, 'proof1');
  });

  test('a 有疑问 flag is raised with a reason at any stage, shown on the case, and cleared', async () => {
    assert.equal((await actFails({ kind: 'flag', reason: '' })).code, 'REASON_REQUIRED');
    const { case: flagged } = await act({ kind: 'flag', reason: '单位名称待核' });
    assert.equal(flagged.stage, 'proof1', 'a flag is not a stage');
    assert.equal(flagged.flag, '单位名称待核');
    const wf = await call<CaseWorkflow>(app, 'cases:workflow', { id: kase.id });
    assert.deepEqual([wf.flag?.reason, wf.flag?.who], ['单位名称待核', '乙']);
    const { case: cleared } = await act({ kind: 'unflag', note: '已核实' });
    assert.equal(cleared.flag, null);
  });

  test('定稿 locks the case: saves and restores are refused by main; unlocking is recorded with a reason', async () => {
    for (const [who, to] of [
      ['甲', 'proof2'],
      ['乙', 'proof3'],
      ['甲', 'final'],
    ] as const) {
      await as(who);
      await act({ kind: 'signoff', to });
    }
    const wf = await call<CaseWorkflow>(app, 'cases:workflow', { id: kase.id });
    assert.equal(wf.locked, true);
    const c = await call<Case>(app, 'cases:get', { id: kase.id });
    const save = await failure(app, 'cases:save', { id: c.id, version: c.version, doc: c.doc });
    assert.equal(save.code, 'CASE_LOCKED');
    const revisions = await call<Array<{ id: number }>>(app, 'cases:revisions', { id: kase.id });
    const restore = await failure(app, 'cases:restore', { id: c.id, revisionId: revisions.at(-1)!.id, version: c.version });
    assert.equal(restore.code, 'CASE_LOCKED');
    assert.equal((await call<Case>(app, 'cases:get', { id: kase.id })).version, c.version, 'nothing written');
    assert.equal((await actFails({ kind: 'signoff', to: 'final' })).code, 'CASE_LOCKED');
    assert.equal((await actFails({ kind: 'sendback', to: 'proof3', reason: 'x' })).code, 'CASE_LOCKED');
    assert.equal((await actFails({ kind: 'unlock', to: 'proof3', reason: '' })).code, 'REASON_REQUIRED');

    const { case: unlocked, event } = await act({ kind: 'unlock', to: 'proof3', reason: '作者补充材料' });
    assert.equal(unlocked.stage, 'proof3');
    assert.deepEqual([event.kind, event.fromStage, event.toStage, event.note], ['unlock', 'final', 'proof3', '作者补充材料']);
    const saved = await call<CaseSummary>(app, 'cases:save', { id: c.id, version: c.version, doc: c.doc });
    assert.equal(saved.version, c.version + 1);
    assert.equal((await actFails({ kind: 'unlock', to: 'proof2', reason: 'x' })).code, 'VALIDATION', 'not locked now');
  });

  test('the log is append-only, every event has a UUIDv7, and the stage is what the log derives', async () => {
    const events = await call<CaseEvent[]>(app, 'cases:events', { id: kase.id });
    assert.deepEqual(
      events.map((e) => e.kind),
      [
        'create',
        'signoff',
        'signoff',
        'signoff',
        'sendback',
        'signoff',
        'signoff',
        'signoff',
        'flag',
        'unflag',
        'signoff',
        'signoff',
        'signoff',
        'unlock',
      ],
    );
    assert.equal(new Set(events.map((e) => e.uuid)).size, events.length);
    assert.ok(events.every((e) => UUID_V7.test(e.uuid)));
    const summary = (await call<CaseSummary[]>(app, 'cases:list', { volumeId: volume.id })).find((c) => c.id === kase.id)!;
    assert.equal(summary.stage, deriveCaseState(events)?.stage);
    assert.throws(
      () => app.ctx.lib.db.prepare('UPDATE case_events SET who = ? WHERE case_id = ?').run('改', kase.id),
      /append-only/,
    );
  });
});

describe("the library's stage list", () => {
  let app: Booted;
  let volume: Volume;

  before(async () => {
    app = await bootTemp();
    volume = await call<Volume>(app, 'sample:install');
    await call(app, 'prefs:set', { userName: '甲' });
  });
  after(() => app.done());

  test('defaults to 已导入 → … → 定稿; stages can be renamed and added, and the new order rules sign-offs', async () => {
    const initial = await call<WorkflowSettings>(app, 'workflow:get');
    assert.deepEqual(
      initial.stages.map((s) => s.key),
      ['imported', 'review1', 'review2', 'review3', 'proof1', 'proof2', 'proof3', 'final'],
    );
    const stages = [
      { key: 'imported', name: null },
      { name: '预审' },
      ...initial.stages.slice(1).map((s) => (s.key === 'review1' ? { key: s.key, name: '一审' } : s)),
    ];
    const saved = await call<WorkflowSettings>(app, 'workflow:set', { stages, allowSameSigner: false });
    const added = saved.stages[1]!;
    assert.equal(added.name, '预审');
    assert.match(added.key, /^c-[0-9a-f]{10}$/);
    assert.equal(saved.stages[2]!.name, '一审');
    const kase = (await call<CaseSummary[]>(app, 'cases:list', { volumeId: volume.id }))[0]!;
    const skip = await failure(app, 'cases:act', { id: kase.id, action: { kind: 'signoff', to: 'review1' } });
    assert.equal(skip.code, 'STAGE_SKIP');
    assert.equal(skip.details?.next, '预审');
    const { case: moved } = await call<{ case: CaseSummary }>(app, 'cases:act', {
      id: kase.id,
      action: { kind: 'signoff', to: added.key },
    });
    assert.equal(moved.stage, added.key);
    const counts = await call<Record<string, number>>(app, 'cases:stageCounts', { volumeId: volume.id });
    assert.deepEqual(
      Object.keys(counts),
      saved.stages.map((s) => s.key),
    );
    assert.equal(counts[added.key], 1);
  });

  test('a stage with cases in it cannot be removed; an empty one can', async () => {
    const current = await call<WorkflowSettings>(app, 'workflow:get');
    const without = (key: string) => current.stages.filter((s) => s.key !== key);
    const inUse = await failure(app, 'workflow:set', { stages: without('imported'), allowSameSigner: false });
    assert.equal(inUse.code, 'STAGE_IN_USE');
    assert.equal(inUse.details?.stage, '已导入', 'named as the user reads it');
    assert.ok(Number(inUse.details?.count) > 0);
    assert.deepEqual((await call<WorkflowSettings>(app, 'workflow:get')).stages, current.stages, 'nothing changed');
    const removed = await call<WorkflowSettings>(app, 'workflow:set', { stages: without('review2'), allowSameSigner: false });
    assert.equal(
      removed.stages.find((s) => s.key === 'review2'),
      undefined,
    );
  });

  test('bad lists are refused: one stage, duplicate keys, an over-long name', async () => {
    const bad = [
      { stages: [{ key: 'imported', name: null }], allowSameSigner: false },
      {
        stages: [
          { key: 'imported', name: null },
          { key: 'imported', name: null },
        ],
        allowSameSigner: false,
      },
      {
        stages: [
          { key: 'imported', name: null },
          { key: 'final', name: '定'.repeat(21) },
        ],
        allowSameSigner: false,
      },
    ];
    for (const input of bad) assert.equal((await failure(app, 'workflow:set', input)).code, 'VALIDATION');
  });
});
