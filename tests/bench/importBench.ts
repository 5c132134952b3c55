// Import throughput on a synthetic ~100-case, ~350-page volume (tests/fixtures/generator): the text-layer
// path (importText), the PDF path (extractPdfPages + importPages) next to poppler's pdftotext on the same
// PDF, and peak memory. Prints figures against the aims; asserts nothing about time.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractPdfPages } from '../../main/import/pdfText.ts';
import { importPages, importText } from '../../shared/import/pipeline.ts';
import { generateVolume } from '../fixtures/generator/generate.ts';
import { median } from './stats.ts';
import { mb, ms, RssTracker } from './memory.ts';

export const title = 'import: text layer and PDF of a 100-case volume';

const CASES = 100;
const SEED = 1;
const TEXT_RUNS = 9;
const PDF_RUNS = 3;
const AIM_TEXT_MS = 150;
const AIM_PDF_RATIO = 2;

const generatorDir = join(import.meta.dirname, '../fixtures/generator');

/** Cache key: changes whenever the generator's code does, so a stale volume is never measured. */
function generatorHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(generatorDir)
    .filter((f) => f.endsWith('.ts'))
    .sort())
    h.update(f).update(readFileSync(join(generatorDir, f)));
  return h.digest('hex').slice(0, 12);
}

/** The bench volume (100 cases, seed 1), generated once per generator version and cached in the temp folder. */
export async function volume(): Promise<{ pdf: string; txt: string; pages: number; reused: boolean }> {
  const dir = join(tmpdir(), 'casebook-bench', `volume-c${CASES}-s${SEED}-${generatorHash()}`);
  const pdf = join(dir, 'volume.pdf');
  const txt = join(dir, 'volume.txt');
  const metaPath = join(dir, 'volume.meta.json');
  if (existsSync(pdf) && existsSync(txt) && existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as { pageCount: number };
    return { pdf, txt, pages: meta.pageCount, reused: true };
  }
  const g = await generateVolume({ cases: CASES, seed: SEED, outDir: dir, name: 'volume' });
  return { pdf, txt, pages: g.pageCount, reused: false };
}

const rss = new RssTracker();

async function timeAsync(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export async function run(): Promise<void> {
  rss.sample();
  const v = await volume();
  const pdfBytes = new Uint8Array(readFileSync(v.pdf));
  const text = readFileSync(v.txt, 'utf8');
  const textBytes = statSync(v.txt).size;
  console.log(
    `   volume: ${CASES} cases, ${v.pages} pages; PDF ${mb(pdfBytes.byteLength)} MB, text ${mb(textBytes)} MB (${v.reused ? 'cached' : 'generated'} in ${join(v.pdf, '..')})`,
  );

  const meta = { sourceName: 'volume', encoding: 'utf-8' };
  const textBase = rss.phase();
  const textTimes: number[] = [];
  let cases = 0;
  for (let i = 0; i < TEXT_RUNS + 1; i++) {
    const t0 = performance.now();
    const r = importText(text, meta);
    const t = performance.now() - t0;
    rss.sample();
    cases = r.cases.length;
    if (i > 0) textTimes.push(t); // the first run warms the JIT
  }
  const textMs = median(textTimes);
  console.log(
    `   text import (importText):        median ${ms(textMs)} ms over ${TEXT_RUNS} runs (min ${ms(Math.min(...textTimes))}, max ${ms(Math.max(...textTimes))}), ` +
      `${(textBytes / 1024 / 1024 / (textMs / 1000)).toFixed(1)} MB/s, ${cases} cases found   [aim < ${AIM_TEXT_MS} ms: ${textMs < AIM_TEXT_MS ? 'met' : 'MISSED'}]`,
  );

  const textPeak = rss.peak;
  const pdfBase = rss.phase();
  const extractTimes: number[] = [];
  const importTimes: number[] = [];
  const sampler = setInterval(() => rss.sample(), 25);
  try {
    for (let i = 0; i < PDF_RUNS; i++) {
      let pages: Awaited<ReturnType<typeof extractPdfPages>>['pages'] = [];
      extractTimes.push(await timeAsync(async () => void ({ pages } = await extractPdfPages(pdfBytes))));
      const t0 = performance.now();
      const r = importPages(pages, { sourceName: 'volume', encoding: 'pdf' });
      importTimes.push(performance.now() - t0);
      rss.sample();
      cases = r.cases.length;
    }
  } finally {
    clearInterval(sampler);
  }
  const pdfPeak = rss.peak;
  const pdfMs = median(extractTimes.map((t, i) => t + (importTimes[i] ?? 0)));

  const popplerTimes: number[] = [];
  for (let i = 0; i < PDF_RUNS; i++) {
    const t0 = performance.now();
    execFileSync('pdftotext', ['-enc', 'UTF-8', v.pdf, '-'], {
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    popplerTimes.push(performance.now() - t0);
  }
  const popplerMs = median(popplerTimes);
  const ratio = pdfMs / popplerMs;
  console.log(
    `   PDF import (extract + import):   median ${ms(pdfMs)} ms over ${PDF_RUNS} runs (extract ${ms(median(extractTimes))} + import ${ms(median(importTimes))}), ` +
      `${(v.pages / (pdfMs / 1000)).toFixed(0)} pages/s, ${cases} cases found`,
  );
  console.log(`   pdftotext on the same PDF:        median ${ms(popplerMs)} ms over ${PDF_RUNS} runs (incl. process start)`);
  console.log(
    `   PDF import / pdftotext:           ${ratio.toFixed(2)}×   [aim ≤ ${AIM_PDF_RATIO}×: ${ratio <= AIM_PDF_RATIO ? 'met' : 'MISSED'}]`,
  );
  console.log(
    `   peak memory (RSS):                text import ${mb(textPeak)} MB (+${mb(textPeak - textBase)} over ${mb(textBase)} after GC), ` +
      `PDF import ${mb(pdfPeak)} MB (+${mb(pdfPeak - pdfBase)} over ${mb(pdfBase)}); process maxRSS ${mb(process.resourceUsage().maxRSS * 1024)} MB`,
  );
}
