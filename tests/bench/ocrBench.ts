// OCR of the sample scan's nine pages: seconds per page with tesseract.js (1 and 2 worker threads, from the
// page images and from the scan PDF as the import reads it) next to Debian's `tesseract` CLI on the same
// page images in the same run, each one's CER against the text layer of the same pages, peak memory, and
// what a 350-page volume would take. Prints figures; asserts nothing.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { extractPdfPages } from '../../main/import/pdfText.ts';
import { OCR_ENGINE, ocrSource } from '../../main/ocr/index.ts';
import type { OcrPage } from '../../shared/model/ocr.ts';
import { editDistance } from '../../shared/text/similarity.ts';

export const title = 'OCR: tesseract.js against the tesseract CLI, seconds per page and CER';

const seed = new URL('../fixtures/seed/', import.meta.url).pathname;
const images = fs
  .readdirSync(path.join(seed, 'scan'))
  .filter((f) => f.endsWith('.jpg'))
  .sort()
  .map((f) => path.join(seed, 'scan', f));
const AIM_RATIO = 1.5;
const AIM_VOLUME_MIN = 15;
const VOLUME_PAGES = 350;

const squash = (s: string): string => s.replace(/\s+/gu, '');
// Without punctuation too: a TOC's leader dots (——— ……) otherwise weigh more than its words.
const letters = (s: string): string => squash(s).replace(/[\p{P}\p{S}]/gu, '');

interface Cer {
  all: number;
  text: number;
}

function cer(pages: readonly string[], truth: readonly string[]): Cer {
  let e = 0;
  let n = 0;
  let e2 = 0;
  let n2 = 0;
  for (const [i, t] of truth.entries()) {
    const o = pages[i] ?? '';
    e += editDistance(squash(o), squash(t));
    n += Array.from(squash(t)).length;
    e2 += editDistance(letters(o), letters(t));
    n2 += Array.from(letters(t)).length;
  }
  return { all: e / n, text: e2 / n2 };
}

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
const textOf = (p: OcrPage | null): string => (p ? p.lines.map((l) => l.text).join('\n') : '');

/** Wall seconds, CPU seconds (all threads; the machine may be shared, CPU time is the steadier figure), page texts. */
interface Run {
  s: number;
  cpu: number;
  pages: string[];
}

async function tjs(source: string | string[], workers: number): Promise<Run> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = await ocrSource(source, { workers });
  const c = process.cpuUsage(c0);
  return { s: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6, pages: r.pages.map(textOf) };
}

const run1 = promisify(execFile);
let cliPeakKb = 0;
async function cli(parallel: number): Promise<Run> {
  const pages: string[] = [];
  let next = 0;
  let cpu = 0;
  const t0 = performance.now();
  const worker = async (): Promise<void> => {
    while (next < images.length) {
      const i = next++;
      // One thread per process (OMP_THREAD_LIMIT=1): parallelism comes from running pages side by side.
      // GNU time reports the process's CPU time and peak memory.
      const { stdout, stderr } = await run1(
        '/usr/bin/time',
        ['-f', 'RUSAGE %U %S %M', 'tesseract', images[i]!, '-', '-l', 'chi_sim', '--psm', '3'],
        { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 16 * 1024 * 1024 },
      );
      const m = /RUSAGE ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
      if (m) {
        cpu += Number(m[1]) + Number(m[2]);
        cliPeakKb = Math.max(cliPeakKb, Number(m[3]));
      }
      pages[i] = stdout;
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return { s: (performance.now() - t0) / 1000, cpu, pages };
}

function hasCli(): string | null {
  try {
    execFileSync('/usr/bin/time', ['--version'], { stdio: 'ignore' });
    return execFileSync('tesseract', ['--version'], { encoding: 'utf8' }).split('\n')[0] ?? 'tesseract';
  } catch {
    return null;
  }
}

export async function run(): Promise<void> {
  const truth = (await extractPdfPages(fs.readFileSync(path.join(seed, 'excerpt.pdf')))).pages.map((p) => p.lines.join('\n'));
  const n = images.length;
  console.log(`   ${n} pages of excerpt-scan (875×1240 JPEG, 150 dpi); truth = excerpt.pdf's text layer; engine ${OCR_ENGINE}`);
  const rows: Array<[string, Run, Cer]> = [];

  const w1 = await tjs(images, 1);
  rows.push(['tesseract.js, 1 worker, images', w1, cer(w1.pages, truth)]);
  const w2 = await tjs(images, 2);
  rows.push(['tesseract.js, 2 workers, images', w2, cer(w2.pages, truth)]);
  const pdf = await tjs(path.join(seed, 'excerpt-scan.pdf'), 2);
  rows.push(['tesseract.js, 2 workers, scan PDF (render + OCR)', pdf, cer(pdf.pages, truth)]);
  const tjsRss = process.resourceUsage().maxRSS / 1024;

  const version = hasCli();
  let cli1: Run | null = null;
  if (version) {
    cli1 = await cli(1);
    rows.push([`${version} CLI, 1 process`, cli1, cer(cli1.pages, truth)]);
    const cli2 = await cli(2);
    rows.push([`${version} CLI, 2 processes`, cli2, cer(cli2.pages, truth)]);
  }
  for (const [name, r, c] of rows) {
    console.log(
      `   ${name.padEnd(50)} ${(r.s / n).toFixed(2)} s/page wall, ${(r.cpu / n).toFixed(2)} s/page CPU   CER ${pct(c.all)} (letters only ${pct(c.text)})`,
    );
  }
  if (!version)
    console.log('   tesseract CLI not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim): no comparison');
  else {
    const ratio = w1.s / cli1!.s;
    const cpuRatio = w1.cpu / cli1!.cpu;
    console.log(
      `   tesseract.js / CLI per page, one thread each: ${ratio.toFixed(2)}× wall, ${cpuRatio.toFixed(2)}× CPU (aim ≤ ${AIM_RATIO}×, judged on CPU time, which other load on the machine does not inflate: ${cpuRatio <= AIM_RATIO ? 'met' : 'NOT met'}); CLI reads Debian's chi_sim (tessdata_fast), tesseract.js 4.0.0_best_int`,
    );
    console.log(`   CLI peak RSS per process: ${(cliPeakKb / 1024).toFixed(0)} MB`);
  }
  const volumeMin = ((pdf.s / n) * VOLUME_PAGES) / 60;
  // The same from CPU time, spread over the cores the workers use: what an otherwise idle machine takes.
  const idleMin = ((pdf.cpu / n) * VOLUME_PAGES) / Math.min(2, os.availableParallelism()) / 60;
  console.log(
    `   ${VOLUME_PAGES}-page volume at the scan-PDF rate: ${volumeMin.toFixed(1)} min measured, ${idleMin.toFixed(1)} min from CPU time on an idle ${os.availableParallelism()}-core machine (aim < ${AIM_VOLUME_MIN} min: ${volumeMin < AIM_VOLUME_MIN ? 'met' : idleMin < AIM_VOLUME_MIN ? 'met when idle' : 'NOT met'}); load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
  console.log(`   peak RSS of this process (tesseract.js workers included): ${tjsRss.toFixed(0)} MB`);
}
