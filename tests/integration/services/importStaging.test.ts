// Staged uploads live as long as their import: gone when it is committed, fails, is cancelled or dropped.
import { test, describe, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { JobStatus } from '../../../shared/ipc/contract.ts';
import { MAX_WAITING_IMPORTS } from '../../../main/services/importService.ts';
import { StagingArea } from '../../../main/services/staging.ts';
import { bootTemp, call, SEED, stageBytes, stageFile, waitJob } from './helpers.ts';
import { parseBytes, stagedFiles, utf8 } from './importHelpers.ts';

const app = await bootTemp();
after(() => app.done());

const stagingDir = path.join(app.ctx.lib.dir, '.staging');
const onDisk = (): string[] => fs.readdirSync(stagingDir);
const excerpt = new Uint8Array(fs.readFileSync(path.join(SEED, 'excerpt.txt')));

describe('staged uploads and their imports', () => {
  beforeEach(() => {
    assert.equal(stagedFiles(app), 0, 'a previous test left staged files');
    assert.deepEqual(onDisk(), []);
  });

  test('committed: the text and its scan are deleted from .staging', async () => {
    const scanId = await stageFile(app, path.join(SEED, 'excerpt-scan.pdf'));
    const { jobId } = await parseBytes(app, 'excerpt.txt', excerpt, [scanId]);
    assert.equal(onDisk().length, 2);
    await call(app, 'import:commit', { jobId, title: '卷' });
    assert.deepEqual(onDisk(), []);
  });

  test('failed: deleted', async () => {
    const { status } = await parseBytes(app, 'empty.txt', new Uint8Array());
    assert.equal(status.state, 'failed');
    assert.deepEqual(onDisk(), []);
  });

  test('cancelled while parsing, or while waiting for its commit: deleted', async () => {
    const fileId = await stageBytes(app, 'big.txt', utf8(new TextDecoder().decode(excerpt).repeat(400)));
    const { jobId } = await call<{ jobId: string }>(app, 'import:start', { fileId });
    await call(app, 'jobs:cancel', { jobId });
    await waitJob(app, jobId);
    assert.deepEqual(onDisk(), []);

    const waiting = await parseBytes(app, 'excerpt.txt', excerpt);
    assert.equal(onDisk().length, 1);
    await call(app, 'jobs:cancel', { jobId: waiting.jobId });
    assert.equal((await call<JobStatus>(app, 'jobs:get', { jobId: waiting.jobId })).state, 'cancelled');
    assert.deepEqual(onDisk(), []);
  });

  test('a new parse of the same file supersedes the earlier one; the file stays for it', async () => {
    const first = await parseBytes(app, 'excerpt.txt', excerpt);
    const { jobId } = await call<{ jobId: string }>(app, 'import:start', {
      fileId: first.fileId,
      options: { disabledRules: ['strip-leaders'], cjkDigitSpace: false },
    });
    assert.equal((await call<JobStatus>(app, 'jobs:get', { jobId: first.jobId })).state, 'cancelled');
    assert.equal((await waitJob(app, jobId)).state, 'done');
    assert.equal(onDisk().length, 1);
    await call(app, 'jobs:cancel', { jobId });
    assert.deepEqual(onDisk(), []);
  });

  test(`at most ${MAX_WAITING_IMPORTS} parsed imports wait for their commit; older ones are dropped with their files`, async () => {
    const jobs: string[] = [];
    for (let i = 0; i <= MAX_WAITING_IMPORTS; i++) jobs.push((await parseBytes(app, `v${i}.txt`, excerpt)).jobId);
    const states = await Promise.all(jobs.map(async (jobId) => (await call<JobStatus>(app, 'jobs:get', { jobId })).state));
    assert.deepEqual(states, ['cancelled', ...Array(MAX_WAITING_IMPORTS).fill('done')]);
    assert.equal(onDisk().length, MAX_WAITING_IMPORTS);
    for (const jobId of jobs) await call(app, 'jobs:cancel', { jobId });
    assert.deepEqual(onDisk(), []);
  });

  test('the total staged is capped: past it, uploads are refused with STAGING_FULL', async () => {
    const normal = app.ctx.staging;
    app.ctx.staging = new StagingArea(path.join(app.dir, 'capped'), { maxBytes: 100_000, maxFiles: 2, idleMs: 60_000 });
    try {
      await stageBytes(app, 'a.txt', new Uint8Array(60_000));
      const big = await app.dispatch('files:stage', { name: 'b.txt', bytes: new Uint8Array(60_000) });
      assert.equal(big.ok, false);
      if (!big.ok) {
        assert.equal(big.error.code, 'STAGING_FULL');
        assert.deepEqual([big.error.details?.count, big.error.details?.maxFiles], [1, 2]);
      }
      await stageBytes(app, 'c.txt', new Uint8Array(10));
      const third = await app.dispatch('files:stage', { name: 'd.txt', bytes: new Uint8Array(1) });
      assert.equal(third.ok, false);
    } finally {
      app.ctx.staging.clear();
      app.ctx.staging = normal;
    }
  });
});
