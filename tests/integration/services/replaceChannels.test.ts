// Volume-wide replace through the contract, as the UI calls it, and over HTTP (statuses of its refusals).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { AppErrorShape } from '../../../shared/ipc/errors.ts';
import type { Case, CaseSummary, Volume } from '../../../shared/model/entities.ts';
import type { ReplaceApplyResult, ReplaceBatch, ReplacePreview } from '../../../shared/model/replace.ts';
import { REASON_MAX } from '../../../shared/workflow/schemas.ts';
import { startWebServer, type WebServer } from '../../../main/web/server.ts';
import { bootTemp, call } from './helpers.ts';

type Booted = Awaited<ReturnType<typeof bootTemp>>;

describe('replace channels', () => {
  let app: Booted;
  let server: WebServer;
  let volume: Volume;
  let cases: CaseSummary[];

  async function post(channel: string, body: unknown): Promise<{ status: number; error?: AppErrorShape; value?: unknown }> {
    const res = await fetch(`${server.url}/api/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const envelope = (await res.json()) as { value?: unknown; error?: AppErrorShape };
    return { status: res.status, ...envelope };
  }

  const query = (pattern = '社区') => ({ volumeId: volume.id, pattern, replacement: '小区', regex: false, caseSensitive: true });

  before(async () => {
    app = await bootTemp();
    const staticDir = fs.mkdirSync(path.join(app.dir, 'static'), { recursive: true })!;
    server = await startWebServer({ dispatch: app.dispatch, staticDir, scansDir: app.scansDir });
    await call(app, 'prefs:set', { userName: '编辑甲' });
    volume = await call<Volume>(app, 'sample:install');
    cases = await call<CaseSummary[]>(app, 'cases:list', { volumeId: volume.id });
  });
  after(async () => {
    await server.close();
    await app.done();
  });

  test('preview, apply the chosen hits with a reason (signed by the user name), list the batch, undo it', async () => {
    const preview = await call<ReplacePreview>(app, 'replace:preview', query());
    assert.ok(preview.total >= 3, `sample has ${preview.total} hits`);
    // Every hit but the first.
    const chosen = preview.cases.flatMap((c) => c.hits.map((h) => ({ caseId: c.id, version: c.version, id: h.id }))).slice(1);
    const picks = [...new Set(chosen.map((h) => h.caseId))].map((caseId) => ({
      caseId,
      version: chosen.find((h) => h.caseId === caseId)!.version,
      hitIds: chosen.filter((h) => h.caseId === caseId).map((h) => h.id),
    }));
    const applied = await call<ReplaceApplyResult>(app, 'replace:apply', { ...query(), reason: '统一称谓', picks });
    assert.equal(applied.batch.who, '编辑甲');
    assert.equal(applied.batch.hits, chosen.length);
    const batches = await call<ReplaceBatch[]>(app, 'replace:batches', { volumeId: volume.id });
    assert.equal(batches[0]!.id, applied.batch.id);
    const touched = await call<Case>(app, 'cases:get', { id: picks[0]!.caseId });
    assert.ok(touched.text.includes('小区'));

    const undone = await call<ReplaceBatch>(app, 'replace:undo', { id: applied.batch.id });
    assert.equal(undone.undoneBy, '编辑甲');
    const again = await post('replace:undo', { id: applied.batch.id });
    assert.equal(again.status, 409);
    assert.equal(again.error?.code, 'BATCH_ALREADY_UNDONE');
  });

  test('undo refused over HTTP (409) with the list of cases edited after the batch', async () => {
    const preview = await call<ReplacePreview>(app, 'replace:preview', query());
    const target = preview.cases[0]!;
    const applied = await call<ReplaceApplyResult>(app, 'replace:apply', {
      ...query(),
      reason: '再试一次',
      picks: [{ caseId: target.id, version: target.version, hitIds: target.hits.map((h) => h.id) }],
    });
    const edited = await call<Case>(app, 'cases:get', { id: target.id });
    await call(app, 'cases:save', { id: edited.id, version: edited.version, doc: edited.doc });
    const refused = await post('replace:undo', { id: applied.batch.id });
    assert.equal(refused.status, 409);
    assert.equal(refused.error?.code, 'BATCH_UNDO_REFUSED');
    assert.equal(refused.error?.details?.count, 1);
    assert.deepEqual(
      (refused.error?.details?.list as Array<{ id: number }>).map((c) => c.id),
      [target.id],
    );
  });

  test('bad input: a reason over the limit or blank, an invalid regex, an unknown volume or case', async () => {
    const preview = await call<ReplacePreview>(app, 'replace:preview', query('党'));
    const c = preview.cases[0]!;
    const apply = (reason: string) => ({
      ...query('党'),
      reason,
      picks: [{ caseId: c.id, version: c.version, hitIds: [c.hits[0]!.id] }],
    });
    const long = await post('replace:apply', apply('因'.repeat(REASON_MAX + 1)));
    assert.equal(long.status, 400);
    assert.equal(long.error?.code, 'VALIDATION');
    assert.ok(JSON.stringify(long.error?.details).includes('reason'));
    assert.equal((await post('replace:apply', apply('   '))).error?.code, 'VALIDATION');
    assert.equal((await call<Case>(app, 'cases:get', { id: c.id })).version, c.version, 'nothing written');

    const invalid = await post('replace:preview', { ...query(), pattern: '([社区', regex: true });
    assert.equal(invalid.status, 422);
    assert.equal(invalid.error?.code, 'REGEX_INVALID');
    assert.equal(typeof invalid.error?.details?.reason, 'string');

    const unknown = await post('replace:preview', { ...query(), volumeId: 99_999 });
    assert.equal(unknown.status, 404);
    const notInVolume = await post('replace:preview', { ...query(), caseIds: [cases[0]!.id, 99_999] });
    assert.equal(notInVolume.error?.code, 'NOT_FOUND');
    const empty = await post('replace:preview', { ...query(), pattern: '' });
    assert.equal(empty.error?.code, 'VALIDATION');
  });
});
