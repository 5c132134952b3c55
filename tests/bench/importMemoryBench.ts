// Memory of an import against its budget, and how the app answers while a volume is written.
// (1) Each input is parsed by an import worker (ImportSession, as the app does): its heap peak (sampled)
// against its budget and the input's size, and the whole process's RSS over its start.
// (2) A 100-case (~350-page) volume is committed through the services while a second client pings
// the HTTP API (`app:info`) back to back: the pings' latency, next to a commit on the main thread
// (as before the commit moved to the worker). Prints figures; asserts nothing about time.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ImportSession, IMPORT_MEMORY } from '../../main/import/importSession.ts';
import { writeParsedImport } from '../../main/import/importWrite.ts';
import { parseImportFile } from '../../main/import/parseImportFile.ts';
import { boot } from '../../main/services/boot.ts';
import type { JobContext } from '../../main/services/jobs.ts';
import { openConfPrefs } from '../../main/services/prefs.ts';
import { startWebServer } from '../../main/web/server.ts';
import { volumeTextLayer } from '../fixtures/generator/textLayer.ts';
import { volume } from './importBench.ts';
import { mb } from './memory.ts';
import { median, percentile } from './stats.ts';

export const title = 'import: worker memory against its budget, and pings during a commit';

const MB = 1024 * 1024;
const AIM_RATIO = 5;
const AIM_MAX_MB = 1024;
const AIM_PING_MS = 100;

/** Random Han characters, no line or page break: the structureless file. */
function writeHan(file: string, megabytes: number): void {
  const chars = Math.floor((megabytes * MB) / 3);
  const buf = Buffer.alloc(chars * 3);
  let a = 12345;
  for (let i = 0; i < chars; i++) {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    const cp = 0x4e00 + ((a >>> 8) % 0x5000);
    buf[i * 3] = 0xe0 | (cp >> 12);
    buf[i * 3 + 1] = 0x80 | ((cp >> 6) & 0x3f);
    buf[i * 3 + 2] = 0x80 | (cp & 0x3f);
  }
  fs.writeFileSync(file, buf);
}

const quietJob = (): JobContext => ({
  signal: new AbortController().signal,
  progress: () => undefined,
  onCancel: () => undefined,
});

async function measureParse(label: string, file: string): Promise<void> {
  const size = fs.statSync(file).size;
  const base = process.memoryUsage().rss;
  let peakRss = base;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);
  const session = new ImportSession({ filePath: file, sourceName: path.basename(file), scanPaths: [], options: {} }, size);
  const t0 = performance.now();
  let outcome: string;
  try {
    const s = await session.parsed(quietJob());
    outcome = `${s.counts.pages} pages, ${s.counts.cases} cases`;
  } catch (err) {
    outcome = `refused: ${(err as { code?: string }).code ?? String(err)}`;
  } finally {
    clearInterval(sampler);
  }
  const ms = performance.now() - t0;
  const peak = session.peakHeapBytes;
  await session.end();
  const ratio = peak / size;
  const within = peak <= session.budget.totalMb * MB;
  console.log(
    `   ${label.padEnd(34)} ${mb(size).padStart(6)} MB in  ${(ms / 1000).toFixed(1).padStart(5)} s  ${outcome.padEnd(34)} ` +
      `worker heap peak ${mb(peak).padStart(6)} MB (${ratio.toFixed(1)}× input; budget ${session.budget.totalMb} MB: ${within ? 'within' : 'OVER'}), ` +
      `process RSS +${mb(peakRss - base)} MB`,
  );
}

async function memory(work: string): Promise<void> {
  console.log(
    `   budget: worker heap ≤ min(${AIM_MAX_MB} MB, ${IMPORT_MEMORY.baseMb} MB + ${IMPORT_MEMORY.perInputByte}× input) (old ${IMPORT_MEMORY.baseMb}+${IMPORT_MEMORY.perInputByte}×, young ${IMPORT_MEMORY.youngMb} MB); ` +
      `aim: peak < ${AIM_RATIO}× input and < ${AIM_MAX_MB} MB`,
  );
  const v = await bookVolume();
  await measureParse('100-case volume, text layer', v.txt);
  if (v.pdf) await measureParse('100-case volume, PDF', v.pdf);
  const big = path.join(work, 'volume-1000.txt');
  fs.writeFileSync(big, volumeTextLayer(1000, 1).text);
  await measureParse('1000-case volume, text layer', big);
  for (const size of [10, 60]) {
    const file = path.join(work, `han-${size}.txt`);
    writeHan(file, size);
    await measureParse(`${size} MB of random Han, no breaks`, file);
    fs.rmSync(file);
  }
}

/** The bench volume as pdftotext prints it (and its PDF) when poppler is there; else its text layer from the layout. */
async function bookVolume(): Promise<{ txt: string; pdf: string | null }> {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    const v = await volume();
    return { txt: v.txt, pdf: v.pdf };
  } catch {
    const txt = path.join(os.tmpdir(), 'casebook-bench', 'volume-text-layer.txt');
    fs.mkdirSync(path.dirname(txt), { recursive: true });
    fs.writeFileSync(txt, volumeTextLayer(100, 1).text);
    console.log('   (no pdftotext: the volume is its text layer from the layout, without a PDF)');
    return { txt, pdf: null };
  }
}

async function pings(work: string): Promise<void> {
  const prefs = await openConfPrefs(work);
  const app = await boot({ libraryDir: path.join(work, 'library'), mode: 'web', prefs });
  const staticDir = path.join(work, 'static');
  fs.mkdirSync(staticDir, { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  const server = await startWebServer({ dispatch: app.dispatch, staticDir, scansDir: app.scansDir, port: 0 });
  const post = async (channel: string, input: unknown = {}): Promise<unknown> => {
    const res = await fetch(`${server.url}/api/${channel}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const env = (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
    if (!env.ok) throw new Error(`${channel}: ${env.error?.code}`);
    return env.value;
  };
  try {
    const v = await bookVolume();
    const text = fs.readFileSync(v.txt);
    // Each ping is `jobs:get` on the import being committed: its answer also says which part of the commit it fell in
    // (still 'done' from the preview: the backup before the write; 'running': the write in the worker).
    const commitOnce = async (): Promise<{ backup: number[]; write: number[]; ms: number; pages: number }> => {
      const staged = app.ctx.staging.stage('volume.txt', text);
      const { jobId } = (await post('import:start', { fileId: staged.fileId })) as { jobId: string };
      while (((await post('jobs:get', { jobId })) as { state: string }).state === 'running')
        await new Promise((r) => setTimeout(r, 20));
      let done = false;
      const t0 = performance.now();
      const commit = post('import:commit', { jobId, title: '合成卷' }).finally(() => (done = true));
      const backup: number[] = [];
      const write: number[] = [];
      while (!done) {
        const t = performance.now();
        const status = (await post('jobs:get', { jobId })) as { state: string };
        (status.state === 'running' ? write : backup).push(performance.now() - t);
      }
      const vol = (await commit) as { pageCount: number };
      return { backup, write, ms: performance.now() - t0, pages: vol.pageCount };
    };
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await commitOnce());
    const figures = (lat: number[]): string =>
      lat.length === 0
        ? 'no pings'
        : `${lat.length} pings, p50 ${percentile(lat, 50).toFixed(1)} ms, p95 ${percentile(lat, 95).toFixed(1)} ms, max ${Math.max(...lat).toFixed(1)} ms`;
    const write = runs.flatMap((r) => r.write);
    const backup = runs.flatMap((r) => r.backup);
    const max = Math.max(...write, ...backup);
    console.log(
      `   pings (HTTP jobs:get) during the commit of a ${runs[0]!.pages}-page volume into a growing library, 3 runs, commit median ${median(runs.map((r) => r.ms)).toFixed(0)} ms:`,
    );
    console.log(`     while the worker writes:          ${figures(write)}`);
    console.log(`     while the backup before it runs:  ${figures(backup)}`);
    console.log(
      `     all:                              max ${max.toFixed(1)} ms   [aim < ${AIM_PING_MS} ms: ${max < AIM_PING_MS ? 'met' : 'MISSED'}]`,
    );

    // The same write on the main thread, as before: a request that arrives meanwhile waits for all of it.
    const parsed = await parseImportFile({ filePath: v.txt, sourceName: 'volume.txt', scanPaths: [], options: {} });
    const t0 = performance.now();
    let waited = 0;
    const ping = post('app:info').then(() => (waited = performance.now() - t0));
    await new Promise((r) => setTimeout(r, 0));
    writeParsedImport(app.ctx.lib.db, app.ctx.lib.scansDir, parsed, {
      title: '主线程',
      sourceName: 'volume.txt',
      sourceHash: 'x',
      scans: [],
      scanOffset: 0,
      replaceVolumeId: null,
      who: 'bench',
    });
    await ping;
    console.log(`   the same commit on the main thread (before): a ping sent as it starts waits ${waited.toFixed(0)} ms`);
  } finally {
    await server.close();
    await app.shutdown();
  }
}

export async function run(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-import-memory-'));
  try {
    await memory(work);
    await pings(work);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
