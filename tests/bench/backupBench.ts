// Backups of a library of ~36 MB: the online backup (node:sqlite backup(), async) with its checks, the
// synchronous VACUUM INTO copy used before migrations, restore, and how long the event loop stalls
// while an online backup runs (saves keep being served). Prints figures; asserts nothing about time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { restoreBackup, takeBackup, takeBackupSync } from '../../main/store/backups.ts';
import { openLibrary, writeImport } from '../../main/store/index.ts';
import { seedImport } from '../integration/store/helpers/fixtures.ts';
import { median } from './stats.ts';

export const title = 'backups: online copy, VACUUM INTO, restore, event-loop stall';

const TARGET_MB = 40;
const RUNS = 3;

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const ms = (t: number) => (t < 100 ? t.toFixed(1) : t.toFixed(0));

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-backup-bench-'));
  try {
    const lib = openLibrary(dir);
    const file = path.join(dir, 'library.sqlite');
    // Seed volumes with long bodies until the file reaches the target size.
    const body = '临洮街街道康乐路社区共有居民1412户，总人口4012人。'.repeat(200);
    for (let i = 0; fs.statSync(file).size + fs.statSync(`${file}-wal`).size < TARGET_MB * 1024 * 1024; i++) {
      const w = seedImport({ volume: { title: `卷${i}`, sourceName: null, sourceHash: null, scan: null } });
      for (const c of w.cases) c.doc = { ...c.doc, blocks: [...c.doc.blocks, { kind: 'body', text: body, page: 0, breaks: [] }] };
      writeImport(lib.db, w);
    }
    lib.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    console.log(`   library: ${mb(fs.statSync(file).size)} MB`);

    const full: number[] = [];
    const sync: number[] = [];
    let stallMs = 0;
    for (let r = 0; r < RUNS; r++) {
      let t = 0;
      // The longest gap between ticks of a 1 ms timer: how long a save would wait at worst.
      let last = performance.now();
      const ticker = setInterval(() => {
        const now = performance.now();
        stallMs = Math.max(stallMs, now - last);
        last = now;
      }, 1);
      t = performance.now();
      await takeBackup(lib.db, dir, 'manual', 'bench');
      full.push(performance.now() - t);
      // Let the ticker see the gap that ended with the copy's synchronous checks.
      await new Promise((r) => setTimeout(r, 5));
      clearInterval(ticker);

      t = performance.now();
      takeBackupSync(lib.db, dir, 'operation', 'bench');
      sync.push(performance.now() - t);
    }
    lib.close();
    const name = fs.readdirSync(path.join(dir, 'backups')).find((f) => f.endsWith('-manual-bench.sqlite'))!;
    const restore: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      restoreBackup(dir, name);
      restore.push(performance.now() - t);
    }
    const check = new DatabaseSync(file, { readOnly: true });
    const t = performance.now();
    check.prepare('PRAGMA integrity_check').all();
    const integrity = performance.now() - t;
    check.close();

    console.log(`   takeBackup (+ integrity_check): median ${ms(median(full))} ms; longest event-loop stall ${ms(stallMs)} ms`);
    console.log(`   integrity_check alone:          ${ms(integrity)} ms (synchronous, part of the stall)`);
    console.log(`   takeBackupSync (VACUUM INTO):   median ${ms(median(sync))} ms (blocks; only before migrations)`);
    console.log(`   restoreBackup (keep + swap):    median ${ms(median(restore))} ms`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
