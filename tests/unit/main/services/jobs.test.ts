import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { JobStatus } from '../../../../shared/ipc/contract.ts';
import { JobRegistry, type JobContext } from '../../../../main/services/jobs.ts';

/** A job body the test finishes by hand. */
function gate<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  let ctx!: JobContext;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { run: (c: JobContext) => ((ctx = c), promise), resolve, reject, ctx: () => ctx };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('JobRegistry', () => {
  test('a resumable job waits when done, runs its follow-up phase under the same id, then ends once', async () => {
    const jobs = new JobRegistry();
    const ends: JobStatus[] = [];
    const parse = gate<string>();
    const id = jobs.start('import', parse.run, { resumable: true, onEnd: (s) => ends.push(s) });
    parse.resolve('summary');
    await tick();
    assert.equal(jobs.get(id).state, 'done');
    assert.equal(jobs.result(id, 'import'), 'summary');
    assert.equal(ends.length, 0, 'a preview waiting for its commit has not ended');

    const commit = gate<number>();
    const written = jobs.resume(id, 'import', commit.run);
    commit.ctx().progress('write', 3, 10);
    assert.deepEqual([jobs.get(id).state, jobs.get(id).phase, jobs.get(id).done], ['running', 'write', 3]);
    assert.throws(() => jobs.result(id, 'import'), { code: 'CONFLICT' });
    commit.resolve(42);
    assert.equal(await written, 42);
    assert.equal(jobs.get(id).state, 'done');
    assert.equal(ends.length, 1);
    assert.throws(() => jobs.resume(id, 'import', commit.run), { code: 'CONFLICT' });
    jobs.cancel(id);
    assert.equal(jobs.get(id).state, 'done', 'a finished job cannot be cancelled');
    assert.equal(ends.length, 1);
  });

  test('cancelling a waiting job drops it; failing or cancelling a phase ends the job', async () => {
    const jobs = new JobRegistry();
    const ends: string[] = [];
    const onEnd = (s: JobStatus) => ends.push(s.state);
    const a = gate<string>();
    const waiting = jobs.start('import', a.run, { resumable: true, onEnd });
    a.resolve('x');
    await tick();
    jobs.cancel(waiting);
    assert.equal(jobs.get(waiting).state, 'cancelled');
    assert.throws(() => jobs.result(waiting, 'import'), { code: 'CANCELLED' });

    const b = gate<string>();
    const failing = jobs.start('import', b.run, { resumable: true, onEnd });
    b.resolve('x');
    await tick();
    const phase = gate<string>();
    const p = jobs.resume(failing, 'import', phase.run);
    phase.reject(new Error('disk full'));
    await assert.rejects(p, /disk full/);
    assert.equal(jobs.get(failing).state, 'failed');

    const c = gate<string>();
    const cancelled = jobs.start('import', c.run, { resumable: true, onEnd });
    c.resolve('x');
    await tick();
    const phase2 = gate<string>();
    const p2 = jobs.resume(cancelled, 'import', phase2.run);
    jobs.cancel(cancelled);
    assert.ok(phase2.ctx().signal.aborted);
    phase2.resolve('written anyway');
    await assert.rejects(p2, { code: 'CANCELLED' });
    assert.deepEqual(ends, ['cancelled', 'failed', 'cancelled']);
  });

  test('work past its commit point refuses a cancel and runs to its end', async () => {
    const jobs = new JobRegistry();
    const g = gate<string>();
    const id = jobs.start('x', g.run);
    let tooLate = false;
    g.ctx().onCancel(() => !tooLate);
    tooLate = true;
    jobs.cancel(id);
    assert.equal(jobs.get(id).state, 'running');
    assert.ok(!g.ctx().signal.aborted);
    g.resolve('ok');
    await tick();
    assert.equal(jobs.get(id).state, 'done');
  });

  test('jobs dropped from the registry end (a waiting import lets its worker and files go)', async () => {
    const jobs = new JobRegistry(2);
    const ended: string[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const id = jobs.start('import', async () => i, { resumable: true, onEnd: () => ended.push(id) });
      ids.push(id);
      await tick();
    }
    jobs.start('import', () => new Promise(() => undefined));
    assert.deepEqual(ended, ids.slice(0, 2));
    assert.throws(() => jobs.get(ids[0]!), { code: 'NOT_FOUND' });
  });
});
