import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_EXPORT_SETTINGS } from '../../../../../shared/model/export.ts';
import type { ApiError } from '../../../../../renderer/api/client.ts';
import { jobBackend as fakeJobBackend, type FakeJob } from '../../api/fakeJobs.ts';
import { initialSettings, requestOf, runExport } from '../../../../../renderer/features/exportDialog/exportFlow.ts';

const SUMMARY = {
  jobId: 'j1',
  volumeId: 1,
  volumeTitle: '卷',
  fileName: '卷.docx',
  format: 'docx',
  included: [{ id: 2, number: 1, title: '案例', stage: 'final' }],
  excluded: [{ id: 1, number: null, title: '序言', stage: 'imported' }],
  files: 1,
  bytes: 1234,
  delivery: 'download',
  path: null,
};

/** A backend export job that runs for `steps` polls, then ends as `end`. */
const jobBackend = (steps: number, end: FakeJob['end']) =>
  fakeJobBackend({
    kind: 'export',
    steps,
    end,
    error: {
      code: 'EXPORT_NO_CHROMIUM',
      message: 'no chromium',
      details: { command: 'apt-get install -y chromium fonts-noto-cjk' },
    },
    phase: () => 'render',
    answers: { 'export:start': { jobId: 'j1', fileName: '卷.docx' }, 'export:result': SUMMARY },
  });

const req = requestOf(DEFAULT_EXPORT_SETTINGS, 1, null);

describe('export flow', () => {
  test('start, poll with progress, then the summary', async () => {
    const { client, calls } = jobBackend(2, 'done');
    const seen: number[] = [];
    const summary = await runExport(client, req, { onStatus: (s) => seen.push(s.done) }, new AbortController().signal, 1);
    assert.deepEqual(
      summary.excluded.map((c) => c.title),
      ['序言'],
    );
    assert.deepEqual(seen, [1, 2, 2]);
    assert.deepEqual(calls, ['export:start', 'jobs:get', 'jobs:get', 'jobs:get', 'export:result']);
  });

  test("a failed job throws the job's own error, translated by code", async () => {
    const { client } = jobBackend(1, 'failed');
    await assert.rejects(runExport(client, req, {}, new AbortController().signal, 1), (err: ApiError) => {
      assert.equal(err.code, 'EXPORT_NO_CHROMIUM');
      assert.equal(err.details?.command, 'apt-get install -y chromium fonts-noto-cjk');
      return true;
    });
  });

  test('aborting asks main to cancel and throws CANCELLED', async () => {
    const { client, calls } = jobBackend(100, 'done');
    const controller = new AbortController();
    const running = runExport(client, req, { onStatus: (s) => s.done >= 2 && controller.abort() }, controller.signal, 1);
    await assert.rejects(running, { code: 'CANCELLED' });
    assert.ok(calls.includes('jobs:cancel'));
  });

  test('requests: 定稿 by default, this case from the case page, 公文 always A4, no split for unsplittable formats', () => {
    assert.deepEqual(req.scope, { kind: 'stage', stage: 'final' });
    assert.deepEqual(requestOf({ ...DEFAULT_EXPORT_SETTINGS, scopeKind: 'cases' }, 1, 7).scope, { kind: 'cases', caseIds: [7] });
    assert.deepEqual(requestOf({ ...DEFAULT_EXPORT_SETTINGS, scopeKind: 'cases' }, 1, null).scope, {
      kind: 'stage',
      stage: 'final',
    });
    assert.equal(requestOf({ ...DEFAULT_EXPORT_SETTINGS, preset: 'gongwen', pageSize: 'a5' }, 1, null).pageSize, 'a4');
    assert.equal(requestOf({ ...DEFAULT_EXPORT_SETTINGS, format: 'epub', split: 'case' }, 1, null).split, 'volume');
    assert.equal(requestOf({ ...DEFAULT_EXPORT_SETTINGS, fileNamePattern: '  ' }, 1, null).fileNamePattern, '{number}-{title}');
  });

  test('remembered settings are used when they parse, the defaults otherwise', () => {
    assert.deepEqual(initialSettings(null), DEFAULT_EXPORT_SETTINGS);
    assert.deepEqual(initialSettings({ format: 'rtf' }), DEFAULT_EXPORT_SETTINGS);
    const mine = { ...DEFAULT_EXPORT_SETTINGS, format: 'pdf' as const, preset: 'gongwen' as const };
    assert.deepEqual(initialSettings(mine), mine);
  });
});
