import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { JobStatus } from '../../../../shared/ipc/contract.ts';
import { waitForJob } from '../../../../renderer/api/jobs.ts';
import { jobBackend, type FakeJob } from './fakeJobs.ts';

const backend = (steps: number, end: FakeJob['end']) =>
  jobBackend({
    kind: 'import',
    steps,
    end,
    error: { code: 'IMPORT_ENCODING', message: 'Cannot decode' },
    phase: () => 'decode',
    answers: {},
  });

describe('waitForJob', () => {
  test('polls until done, reporting each status', async () => {
    const { client, calls } = backend(2, 'done');
    const states: string[] = [];
    await waitForJob(client, 'j1', (s: JobStatus) => states.push(s.state), new AbortController().signal, 1);
    assert.deepEqual(states, ['running', 'running', 'done']);
    assert.deepEqual(calls, ['jobs:get', 'jobs:get', 'jobs:get']);
  });

  test("a failed job throws the job's own error", async () => {
    const { client } = backend(0, 'failed');
    await assert.rejects(waitForJob(client, 'j1', undefined, new AbortController().signal, 1), { code: 'IMPORT_ENCODING' });
  });

  test('a job cancelled in main throws CANCELLED', async () => {
    const { client } = backend(0, 'cancelled');
    await assert.rejects(waitForJob(client, 'j1', undefined, new AbortController().signal, 1), { code: 'CANCELLED' });
  });

  test('aborting asks main to cancel and throws CANCELLED', async () => {
    const { client, calls } = backend(1000, 'done');
    const ctrl = new AbortController();
    const run = waitForJob(client, 'j1', (s) => s.done >= 2 && ctrl.abort(), ctrl.signal, 1);
    await assert.rejects(run, { code: 'CANCELLED' });
    assert.ok(calls.includes('jobs:cancel'));
  });
});
