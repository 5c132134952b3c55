// The commit of an import runs in its worker, on its own connection: the main thread keeps answering.
import { test, describe, after, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { ImportPreview, JobStatus } from '../../../shared/ipc/contract.ts';
import type { Volume } from '../../../shared/model/entities.ts';
import { DB_FILE } from '../../../main/store/index.ts';
import { volumeTextLayer } from '../../fixtures/generator/textLayer.ts';
import { percentile } from '../../bench/stats.ts';
import { bootTemp, call, SEED } from './helpers.ts';
import { parseBytes, stagedFiles, utf8 } from './importHelpers.ts';

const app = await bootTemp();
after(() => app.done());

/** A generated 100-case volume (≈ 350 pages) as a text layer. */
const VOLUME = volumeTextLayer(100, 1);

async function volumes(): Promise<Volume[]> {
  return call<Volume[]>(app, 'volumes:list');
}

/** Another connection holding the library's write lock, as a long write elsewhere would. */
function holdWriteLock(): { release(): void } {
  const db = new DatabaseSync(path.join(app.ctx.lib.dir, DB_FILE), { timeout: 5000 });
  db.exec('BEGIN IMMEDIATE');
  return {
    release() {
      db.exec('ROLLBACK');
      db.close();
    },
  };
}

/** Waits until the import's job runs again: its commit has begun (after the backup). */
async function untilRunning(jobId: string): Promise<void> {
  while ((await call<JobStatus>(app, 'jobs:get', { jobId })).state !== 'running') await new Promise((r) => setTimeout(r, 5));
}

/** Settles a promise into a flag, so a test can ask whether it has finished yet. */
function track<T>(p: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let settled = false;
  const promise = p.finally(() => {
    settled = true;
  });
  promise.catch(() => undefined);
  return { promise, settled: () => settled };
}

describe('import commit off the main thread', () => {
  before(async () => {
    // The library holds a volume, so that each commit below is preceded by a real backup.
    await call(app, 'sample:install');
  });

  test('pings are answered while a 350-page volume is being written (ordering, latency printed)', async () => {
    const { jobId, status } = await parseBytes(app, 'volume.txt', utf8(VOLUME.text));
    assert.equal(status.state, 'done');
    const preview = await call<ImportPreview>(app, 'import:preview', { jobId });
    assert.equal(preview.counts.cases, 100);
    assert.ok(preview.counts.pages >= 340, `${preview.counts.pages} pages`);

    const commit = track(call<Volume>(app, 'import:commit', { jobId, title: '合成卷' }));
    const latencies: number[] = [];
    let answeredBeforeCommit = 0;
    let answeredMidWrite = 0;
    while (!commit.settled()) {
      const t0 = performance.now();
      const before = await call<JobStatus>(app, 'jobs:get', { jobId });
      await call(app, 'app:info');
      const after = await call<JobStatus>(app, 'jobs:get', { jobId });
      latencies.push(performance.now() - t0);
      if (!commit.settled()) answeredBeforeCommit++;
      // Both looks at the job saw it writing, part-way: this ping was answered in the middle of the write.
      const writing = (s: JobStatus) => s.state === 'running' && s.phase === 'write' && s.done > 0 && s.done < s.total;
      if (writing(before) && writing(after)) answeredMidWrite++;
      await new Promise((r) => setImmediate(r));
    }
    const volume = await commit.promise;
    assert.equal(volume.caseCount, 101);
    assert.ok(answeredBeforeCommit > 0, 'no ping was answered before the commit finished');
    assert.ok(answeredMidWrite > 0, 'no ping was answered while cases were being written');
    console.log(
      `   ${latencies.length} pings during the commit of ${volume.pageCount} pages (${answeredMidWrite} mid-write): ` +
        `p50 ${percentile(latencies, 50).toFixed(2)} ms, p95 ${percentile(latencies, 95).toFixed(2)} ms, max ${Math.max(...latencies).toFixed(2)} ms`,
    );
  });

  test('a commit waiting for the write lock blocks no one: reads are answered, then it completes', async () => {
    const { jobId } = await parseBytes(app, 'excerpt.txt', new Uint8Array(fs.readFileSync(path.join(SEED, 'excerpt.txt'))));
    const before = (await volumes()).length;
    const lock = holdWriteLock();
    let commit;
    try {
      commit = track(call<Volume>(app, 'import:commit', { jobId, title: '等锁的卷' }));
      await untilRunning(jobId);
      // Until the lock is let go the commit cannot finish; these are answered all the same.
      for (let i = 0; i < 5; i++) {
        assert.equal((await volumes()).length, before);
        assert.equal((await call<JobStatus>(app, 'jobs:get', { jobId })).state, 'running');
      }
      assert.equal(commit.settled(), false);
    } finally {
      lock.release();
    }
    const volume = await commit.promise;
    assert.equal(volume.title, '等锁的卷');
    assert.equal((await volumes()).length, before + 1);
  });

  test('a save arriving during a commit waits for it without stalling anyone, then lands', async () => {
    const [sample] = await volumes();
    const [first] = await call<Array<{ id: number }>>(app, 'cases:list', { volumeId: sample!.id });
    const current = await call<{ id: number; version: number; doc: unknown }>(app, 'cases:get', { id: first!.id });
    const { jobId } = await parseBytes(app, 'excerpt.txt', new Uint8Array(fs.readFileSync(path.join(SEED, 'excerpt.txt'))));
    const lock = holdWriteLock();
    let commit;
    let save;
    try {
      commit = track(call<Volume>(app, 'import:commit', { jobId, title: '保存等待的卷' }));
      await untilRunning(jobId);
      save = track(call<{ version: number }>(app, 'cases:save', { id: current.id, version: current.version, doc: current.doc }));
      // Were the save sitting in SQLite's busy wait, nothing below would be answered until it gave up.
      for (let i = 0; i < 5; i++) assert.ok((await volumes()).length > 0);
      assert.equal(save.settled(), false, 'the save waits for the commit');
    } finally {
      lock.release();
    }
    await commit.promise;
    assert.equal((await save.promise).version, current.version + 1);
  });

  test('cancelling a commit rolls it back: no volume, no staged files, the job cancelled', async () => {
    const { jobId } = await parseBytes(app, 'volume.txt', utf8(VOLUME.text));
    const before = await volumes();
    const lock = holdWriteLock();
    let commit;
    try {
      commit = track(call<Volume>(app, 'import:commit', { jobId, title: '取消的卷' }));
      await untilRunning(jobId);
      await call(app, 'jobs:cancel', { jobId });
    } finally {
      lock.release();
    }
    await assert.rejects(commit.promise, (err: { shape?: { code: string } }) => err.shape?.code === 'CANCELLED');
    assert.equal((await call<JobStatus>(app, 'jobs:get', { jobId })).state, 'cancelled');
    assert.deepEqual(await volumes(), before);
    assert.equal(stagedFiles(app), 0);
    const again = await app.dispatch('import:commit', { jobId, title: 'x' });
    assert.equal(again.ok, false);
  });

  test('a backup of the library is taken before each commit', async () => {
    const { jobId } = await parseBytes(app, 'excerpt.txt', new Uint8Array(fs.readFileSync(path.join(SEED, 'excerpt.txt'))));
    const before = await call<{ reason?: string }[]>(app, 'backups:list');
    await call<Volume>(app, 'import:commit', { jobId, title: '有备份的卷' });
    const after = await call<{ reason?: string }[]>(app, 'backups:list');
    assert.equal(after.length, before.length + 1);
  });
});
