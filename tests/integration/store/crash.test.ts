import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  LOCK_FILE,
  checkIntegrity,
  createCase,
  createVolume,
  getCase,
  listRevisions,
  openLibrary,
  saveCase,
} from '../../../main/store/index.ts';
import { doc, tempDir } from './helpers/fixtures.ts';
import { CHILD_SCRIPT } from './helpers/spawn.ts';

const SAVES_BEFORE_KILL = 40;

test('a writer killed mid-save leaves a healthy library holding its last committed version', async (t) => {
  const dir = tempDir(t);
  const setup = openLibrary(dir);
  const volumeId = createVolume(setup.db, { title: '卷' }).id;
  const caseId = createCase(setup.db, { volumeId, title: '标题', doc: doc('标题'), who: '甲' }).id;
  setup.close();

  const child = spawn(process.execPath, [CHILD_SCRIPT, 'save-loop', dir, String(caseId)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let lastReported = 0;
  let buffered = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) lastReported = Number(line);
      if (lastReported >= SAVES_BEFORE_KILL && !child.killed) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.on('exit', () => reject(new Error(`child ended before the kill: ${stderr}`)));
  }).catch((err: unknown) => {
    if (!child.killed) throw err;
  });
  assert.equal(await exited, 'SIGKILL');
  assert.ok(fs.existsSync(path.join(dir, LOCK_FILE)), 'the killed writer left its lock behind');

  // Reopening takes over the dead writer's lock, runs quick_check, and recovers the WAL.
  const lib = openLibrary(dir);
  t.after(() => lib.close());
  assert.deepEqual(checkIntegrity(lib.db), []);
  const c = getCase(lib.db, caseId);
  // The kill may land after a commit but before its line reached us: at most one save more.
  assert.ok(c.version === lastReported || c.version === lastReported + 1, `version ${c.version}, last reported ${lastReported}`);
  assert.equal(c.text, `标题\n${`第${c.version}版正文`.repeat(200)}`, 'text and version committed together');
  const revs = listRevisions(lib.db, caseId);
  assert.equal(revs[0]?.version, c.version, 'the revision of the surviving version exists');
  assert.equal(revs.length, c.version);
  assert.equal(saveCase(lib.db, { id: caseId, version: c.version, doc: doc('继续编辑'), who: '甲' }).version, c.version + 1);
});

test('a restart right after a kill -9 opens the library (the killed writer is dying or a zombie, not a holder)', async (t) => {
  const dir = tempDir(t);
  const setup = openLibrary(dir);
  const volumeId = createVolume(setup.db, { title: '卷' }).id;
  const caseId = createCase(setup.db, { volumeId, title: '标题', doc: doc('标题'), who: '甲' }).id;
  setup.close();
  for (let round = 0; round < 5; round++) {
    const child = spawn(process.execPath, [CHILD_SCRIPT, 'save-loop', dir, String(caseId)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Once a save is reported the child holds the lock and is writing (and fsyncing) continuously.
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve());
      child.once('exit', () => reject(new Error('child ended before saving')));
    });
    child.kill('SIGKILL');
    // Synchronously, before this process's event loop can reap the child: it is still in the process table.
    const lib = openLibrary(dir);
    assert.deepEqual(checkIntegrity(lib.db), [], `round ${round}`);
    lib.close();
    assert.equal(await exited, 'SIGKILL');
  }
});
