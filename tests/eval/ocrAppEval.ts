// The `ocr-app` input of `npm run eval:import`: a generated volume's PDF turned into page scans
// (scanImages.ts) and imported as the app imports a folder of page images — main/ocr's `ocrSource`
// (tesseract.js in worker threads) through `parseImportFile`, the import worker's and the CLI's entry.
// Pages read are kept in an OCR cache keyed by the images' hash, so a re-run is fast.
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseImportFile } from '../../main/import/parseImportFile.ts';
import { ocrCacheDir, ocrSource } from '../../main/ocr/index.ts';
import { ocrText } from '../../shared/import/ocrPages.ts';
import { toTruthJson } from '../../shared/import/truthSchema.ts';
import { parseWarning } from '../../shared/import/warnings.ts';
import { generateVolume } from '../fixtures/generator/generate.ts';
import type { Truth } from '../fixtures/generator/truth.ts';
import type { LayoutVariant } from '../fixtures/generator/variants.ts';
import { generatorHash } from './generatorHash.ts';
import { rawOcrErrors, scoreImport, type Score } from './metrics.ts';
import { SCAN_RECIPE, scanPdf } from './scanImages.ts';

/** The default subset: the seed, the four mixes and one variant of most other layout axes (≈ 20 pages each at 5 cases). */
export const OCR_APP_SUBSET = [
  'seed',
  'mixed',
  'mixedPlain',
  'mixedRunOn',
  'mixedNoToc',
  'tocOrgWrap',
  'tocAsciiDots',
  'tocNumberRight',
  'headingsRunIn',
  'runAlternating',
  'orgAbove',
  'commentaryAtEnd',
];

export const EVAL_DIR = path.join(tmpdir(), 'casebook-eval');
const OCR_CACHE = path.join(EVAL_DIR, 'ocr-cache');

export interface OcrAppRun {
  score: Score;
  /** The raw tesseract.js text's errors (rawOcrErrors), as counts so that seeds add up. */
  raw: { edits: number; chars: number; bodyEdits: number; bodyChars: number };
  pages: number;
  /** Pages OCR'd in this run (the rest came from the cache). */
  read: number;
  /** Seconds spent rendering the scans and in OCR. */
  renderSeconds: number;
  ocrSeconds: number;
}

/** The generated volume (Chromium-printed PDF and its truth), made once per generator version (shared with the `pdf` input). */
export async function generatedVolume(
  name: string,
  variant: LayoutVariant,
  cases: number,
  seed: number,
): Promise<{ dir: string; truth: Truth }> {
  const dir = path.join(EVAL_DIR, `${name}-c${cases}-s${seed}-${generatorHash()}`);
  try {
    return { dir, truth: JSON.parse(fs.readFileSync(path.join(dir, 'volume.truth.json'), 'utf8')) as Truth };
  } catch {
    return { dir, truth: (await generateVolume({ cases, seed, outDir: dir, name: 'volume', variant })).truth };
  }
}

/** Scans one generated volume at `dpi`, reads it through the app's OCR import and scores it. */
export async function scoreOcrApp(
  name: string,
  variant: LayoutVariant,
  cases: number,
  seed: number,
  options: { dpi: number; workers: number },
): Promise<OcrAppRun> {
  const { dir, truth } = await generatedVolume(name, variant, cases, seed);
  const t0 = performance.now();
  const scans = path.join(dir, `scan-${options.dpi}dpi-${SCAN_RECIPE}`);
  const pages = await scanPdf(path.join(dir, 'volume.pdf'), scans, options.dpi, name);
  const t1 = performance.now();
  // OCR first with the workers asked for, keeping every page in the cache; the import below then takes
  // them all from there, through the very path of a folder of page images imported in the app.
  const ocr = await ocrSource(scans, {
    cacheDir: ocrCacheDir(OCR_CACHE, scans),
    workers: options.workers,
    onProgress: (done, _total, page) => {
      if (page >= 0 && process.stderr.isTTY) process.stderr.write(`\r  ${name} ocr-app: page ${done}/${pages}  `);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\r');
  const t2 = performance.now();
  const { result } = await parseImportFile({
    filePath: scans,
    sourceName: `${name}-scans`,
    scanPaths: [],
    options: {},
    ocrCacheRoot: OCR_CACHE,
  });
  const r = rawOcrErrors(ocrText(ocr.pages), truth);
  const conserved = !result.warnings.some((w) => parseWarning(w)?.key === 'text-not-conserved');
  return {
    score: { ...scoreImport(toTruthJson(result), truth), imports: 1, conserved: conserved ? 1 : 0 },
    raw: { edits: r.raw.edits, chars: r.raw.chars, bodyEdits: r.body.edits, bodyChars: r.body.chars },
    pages,
    read: pages - ocr.cached,
    renderSeconds: (t1 - t0) / 1000,
    ocrSeconds: (t2 - t1) / 1000,
  };
}
