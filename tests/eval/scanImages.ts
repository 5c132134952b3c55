// Turns a generated volume's PDF into "scans" for the in-app OCR eval: each page rendered by pdf.js at
// a scanner's resolution, rotated slightly (0.3–1°, varied per page), softened, grey noise added, saved
// as a JPEG stating its dpi. Deterministic: the same PDF, dpi and variant name give the same bytes, so
// the OCR cache (keyed by the images' hash) answers a re-run.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createCanvas } from '@napi-rs/canvas';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createRng } from '../fixtures/generator/rng.ts';

const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Per-page rotation in degrees (|angle| 0.3–1.0, sign alternating), cycled from an offset per variant (as makeVariants.sh). */
const ANGLES = [0.42, -0.31, 0.87, -0.64, 0.35, -0.95, 0.56, -0.48, 1.0, -0.73, 0.33, -0.81, 0.69, -0.39];
/** Standard deviation of the grey noise, in levels of 255. */
const NOISE_SIGMA = 10;
const JPEG_QUALITY = 75;

/** Changes whenever this recipe does, so that images made by an older one are never reused. */
export const SCAN_RECIPE = createHash('sha256')
  .update(fs.readFileSync(new URL(import.meta.url)))
  .digest('hex')
  .slice(0, 8);

const rng = (seed: number): (() => number) => createRng(seed).next;

const salt = (name: string): number => createHash('sha256').update(name).digest().readUInt32BE(0);

/**
 * Writes `outDir/page-NNN.jpg` for every page of `pdfFile` (unless they are there already: `outDir` is
 * expected to be named by the PDF, the dpi and SCAN_RECIPE) and returns the page count.
 */
export async function scanPdf(pdfFile: string, outDir: string, dpi: number, name: string): Promise<number> {
  const done = path.join(outDir, 'done');
  if (fs.existsSync(done)) return Number(fs.readFileSync(done, 'utf8'));
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const task = pdfjs.getDocument({
    data: new Uint8Array(fs.readFileSync(pdfFile)),
    cMapUrl: path.join(pdfjsDir, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: path.join(pdfjsDir, 'standard_fonts') + '/',
    wasmUrl: path.join(pdfjsDir, 'wasm') + '/',
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const doc = await task.promise;
    const s = salt(name);
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: dpi / 72 });
      const width = Math.round(viewport.width);
      const height = Math.round(viewport.height);
      const flat = createCanvas(width, height);
      await page.render({ canvas: flat as unknown as HTMLCanvasElement, viewport, background: 'white' }).promise;
      page.cleanup();
      const angle = ANGLES[(s + n - 1) % ANGLES.length]!;
      const canvas = createCanvas(width, height);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = 'white';
      ctx.fillRect(0, 0, width, height);
      ctx.filter = 'blur(0.4px)';
      ctx.translate(width / 2, height / 2);
      ctx.rotate((angle * Math.PI) / 180);
      ctx.drawImage(flat, -width / 2, -height / 2);
      const img = ctx.getImageData(0, 0, width, height);
      const px = img.data;
      const rand = rng(s + n * 101);
      for (let k = 0; k < px.length; k += 4) {
        // Box–Muller, one normal deviate a pixel; grey levels only.
        const g = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
        const y = (px[k]! * 77 + px[k + 1]! * 150 + px[k + 2]! * 29) >> 8;
        const v = Math.max(0, Math.min(255, Math.round(y + g * NOISE_SIGMA)));
        px[k] = px[k + 1] = px[k + 2] = v;
        px[k + 3] = 255;
      }
      ctx.putImageData(img, 0, 0);
      const jpeg = await canvas.encode('jpeg', { quality: JPEG_QUALITY, resolution: dpi });
      fs.writeFileSync(path.join(outDir, `page-${String(n).padStart(3, '0')}.jpg`), jpeg);
    }
    fs.writeFileSync(done, String(doc.numPages));
    return doc.numPages;
  } finally {
    await task.destroy();
  }
}
