import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Envelope } from '../../../../../shared/ipc/contract.ts';
import type { RuleReport } from '../../../../../shared/model/importResult.ts';
import { createClient, ApiError } from '../../../../../renderer/api/client.ts';
import type { Transport } from '../../../../../renderer/api/transport.ts';
import {
  defaultTitle,
  isPageImage,
  mergeRuleReports,
  pageRangeLabel,
  runCommit,
  runParse,
  sameOptions,
  sortScanFiles,
  stageSource,
} from '../../../../../renderer/features/importDialog/importFlow.ts';
import { jobBackend as fakeJobBackend, type FakeJob } from '../../api/fakeJobs.ts';

/** A backend import job that runs for `steps` polls, then ends as `end`. */
const jobBackend = (steps: number, end: FakeJob['end']) =>
  fakeJobBackend({
    kind: 'import',
    steps,
    end,
    error: { code: 'IMPORT_ENCODING', message: 'Cannot decode' },
    phase: (finished) => (finished ? 'segment' : 'decode'),
    answers: {
      'import:start': { jobId: 'j1' },
      'import:preview': {
        jobId: 'j1',
        sha256: 'a'.repeat(64),
        sourceName: 'x.txt',
        encoding: 'utf-8',
        counts: { pages: 0, toc: 0, cases: 0, frontMatter: 0 },
        warnings: [],
        changes: [],
        scanPageCount: 0,
        suggestedOffset: 0,
        existingVolume: null,
        memory: { peakMb: 20, budgetMb: 128 },
      },
    },
  });

const req = { fileId: 'f1', scanFileIds: [], options: { disabledRules: [], cjkDigitSpace: false } };

describe('runParse', () => {
  test('polls until done, reporting each status, then reads the preview', async () => {
    const { client, calls } = jobBackend(3, 'done');
    const phases: string[] = [];
    let job = '';
    const preview = await runParse(
      client,
      req,
      { onJob: (id) => (job = id), onStatus: (s) => phases.push(s.state) },
      new AbortController().signal,
      1,
    );
    assert.equal(job, 'j1');
    assert.equal(preview.jobId, 'j1');
    assert.deepEqual(phases, ['running', 'running', 'running', 'done']);
    assert.equal(calls.at(-1), 'import:preview');
  });

  test("a failed job throws the job's own error", async () => {
    const { client } = jobBackend(1, 'failed');
    await assert.rejects(runParse(client, req, {}, new AbortController().signal, 1), (err: unknown) => {
      assert.ok(err instanceof ApiError);
      assert.equal(err.code, 'IMPORT_ENCODING');
      return true;
    });
  });

  test('a job cancelled in main ends as CANCELLED', async () => {
    const { client } = jobBackend(0, 'cancelled');
    await assert.rejects(runParse(client, req, {}, new AbortController().signal, 1), { code: 'CANCELLED' });
  });

  test('aborting (dialog closed) cancels the job in main', async () => {
    const { client, calls } = jobBackend(1000, 'done');
    const ctrl = new AbortController();
    const run = runParse(client, req, { onStatus: (s) => s.done >= 2 && ctrl.abort() }, ctrl.signal, 1);
    await assert.rejects(run, { code: 'CANCELLED' });
    assert.ok(calls.includes('jobs:cancel'));
    assert.ok(!calls.includes('import:preview'));
  });
});

describe('runCommit', () => {
  test('reports the cases written while the commit runs, then answers with the volume', async () => {
    let polls = 0;
    let finish!: () => void;
    const written = new Promise<void>((r) => (finish = r));
    const ok = (value: unknown): Envelope<unknown> => ({ ok: true, value });
    const transport: Transport = async (channel) => {
      if (channel === 'import:commit') {
        await written;
        return ok({
          id: 7,
          title: '卷',
          sourceName: null,
          sourceHash: null,
          scan: null,
          caseCount: 3,
          pageCount: 9,
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
        });
      }
      if (channel === 'jobs:get') {
        polls++;
        if (polls === 4) finish();
        return ok({ id: 'j1', kind: 'import', state: 'running', phase: 'write', done: polls, total: 3, error: null });
      }
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: channel } };
    };
    const seen: number[] = [];
    const volume = await runCommit(
      createClient(() => transport),
      { jobId: 'j1', title: '卷', scanOffset: 0, replaceVolumeId: null },
      (s) => seen.push(s.done),
      1,
    );
    assert.equal(volume.id, 7);
    assert.deepEqual(seen.slice(0, 3), [1, 2, 3]);
  });
});

describe('import dialog helpers', () => {
  const report = (rule: string, count: number): RuleReport => ({ rule, count, sites: [] });

  test('rules stay listed in first-seen order, a disabled one without a report', () => {
    const first = mergeRuleReports(new Map(), [report('strip-leaders', 3), report('strip-fffd', 4), report('join-lines', 9)], []);
    const second = mergeRuleReports(first, [report('strip-leaders', 3), report('join-lines', 9)], ['strip-fffd']);
    assert.deepEqual([...second.keys()], ['strip-leaders', 'strip-fffd', 'join-lines']);
    assert.equal(second.get('strip-fffd'), null);
    assert.equal(second.get('join-lines')?.count, 9);
  });

  test('default title is the file name without extension', () => {
    assert.equal(defaultTitle('创先争优好做法.pdf'), '创先争优好做法');
    assert.equal(defaultTitle('C:\\books\\卷一.v2.txt'), '卷一.v2');
    assert.equal(defaultTitle('.txt'), '.txt');
  });

  test('scan images are ordered by name, numerically', () => {
    const names = sortScanFiles([{ name: 'page-10.jpg' }, { name: 'page-2.jpg' }, { name: 'page-1.jpg' }]).map((f) => f.name);
    assert.deepEqual(names, ['page-1.jpg', 'page-2.jpg', 'page-10.jpg']);
  });

  test('page labels use printed numbers, bracketed positions otherwise', () => {
    assert.equal(pageRangeLabel(1, 2, [1, 2]), '1–2');
    assert.equal(pageRangeLabel(0, 0, [null, null]), '[1]');
    assert.equal(pageRangeLabel(0, 1, [null, 1]), '[1]–1');
  });

  test('options compare regardless of rule order', () => {
    assert.ok(
      sameOptions({ disabledRules: ['a', 'b'], cjkDigitSpace: false }, { disabledRules: ['b', 'a'], cjkDigitSpace: false }),
    );
    assert.ok(!sameOptions({ disabledRules: ['a'], cjkDigitSpace: false }, { disabledRules: [], cjkDigitSpace: false }));
    assert.ok(!sameOptions({ disabledRules: [], cjkDigitSpace: true }, { disabledRules: [], cjkDigitSpace: false }));
  });

  test('only page images go together as a source: by extension, or by type when the name has none', () => {
    assert.ok(isPageImage({ name: 'p-1.JPG' }));
    assert.ok(isPageImage({ name: 'p.tiff' }) && isPageImage({ name: 'p.png' }));
    assert.ok(isPageImage({ name: 'photo', type: 'image/jpeg' }));
    assert.ok(!isPageImage({ name: 'scan.pdf', type: 'application/pdf' }));
    assert.ok(!isPageImage({ name: 'a.txt' }));
  });

  test('the source is staged as one file, or as page images made one scan in main', async () => {
    const calls: Array<[string, unknown]> = [];
    const transport: Transport = async (channel, input) => {
      calls.push([channel, channel === 'files:stage' ? (input as { name: string }).name : input]);
      const name = channel === 'files:stage' ? (input as { name: string }).name : 'scan';
      return { ok: true, value: { fileId: `id-${name}`, name, size: 1, sha256: 'h' } } as Envelope<unknown>;
    };
    const client = createClient(() => transport);
    const file = (name: string) => new File([new Uint8Array([0xff, 0xd8, 0xff])], name, { type: 'image/jpeg' });
    assert.equal((await stageSource(client, [file('one.pdf')])).fileId, 'id-one.pdf');
    assert.deepEqual(calls.splice(0), [['files:stage', 'one.pdf']]);
    const bundled = await stageSource(client, [file('p-1.jpg'), file('p-2.jpg')]);
    assert.equal(bundled.fileId, 'id-scan');
    assert.deepEqual(calls, [
      ['files:stage', 'p-1.jpg'],
      ['files:stage', 'p-2.jpg'],
      ['files:bundle', { fileIds: ['id-p-1.jpg', 'id-p-2.jpg'] }],
    ]);
  });
});
