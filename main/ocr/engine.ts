import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import Tesseract from 'tesseract.js';
import { AppError } from '../../shared/ipc/errors.ts';
import type { OcrBox, OcrLine, OcrPage } from '../../shared/model/ocr.ts';

// Not named `require`: the main bundle declares its own for CommonJS dependencies.
const resolveFrom = createRequire(import.meta.url);

/** Installed traineddata, read from disk (nothing fetched): the LSTM-only `best_int` model, 1.7 MB gzipped. */
const LANG_DATA = '4.0.0_best_int';
export const LANG_DIR = join(dirname(resolveFrom.resolve('@tesseract.js-data/chi_sim/package.json')), LANG_DATA);
const TJS_VERSION = (resolveFrom('tesseract.js/package.json') as { version: string }).version;
/** Names what read a page (kept in OcrPage.engine; a cached page read by another engine is read again). */
export const ENGINE = `tesseract.js ${TJS_VERSION} chi_sim ${LANG_DATA}`;

/** Images Tesseract can take: past ~40 Mpx it needs gigabytes (a 20,000² page: 2.8 GB), below 16 px there is nothing to read. */
export const MAX_PIXELS = 40_000_000;
export const MIN_SIDE = 16;

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

/** One page image to read: encoded PNG/JPEG/TIFF/BMP bytes, its pixel size and resolution. */
export interface PageImage {
  bytes: Uint8Array;
  width: number;
  height: number;
  dpi: number;
}

export function cancelledError(): AppError {
  return new AppError('CANCELLED', 'OCR cancelled');
}

/** Refuses an image OCR cannot read usefully, before spending memory on it. `page` is 1-based. */
export function checkImageSize(image: { width: number; height: number }, page: number): void {
  const { width, height } = image;
  if (width < MIN_SIDE || height < MIN_SIDE || width * height > MAX_PIXELS) {
    throw new AppError('OCR_IMAGE_SIZE', `Page ${page}: a ${width}×${height} image cannot be read by OCR`, {
      page,
      width,
      height,
      minSide: MIN_SIDE,
      maxMegapixels: MAX_PIXELS / 1_000_000,
    });
  }
}

interface Slot {
  worker: Tesseract.Worker;
  busy: boolean;
}

/**
 * A small pool of tesseract.js workers (each a worker thread running the WASM engine, so the calling
 * thread never blocks), created on first use. Cancelling a page terminates its worker (tesseract.js
 * cannot stop a recognize otherwise) and a fresh one is made for the next page.
 */
export class OcrEngine {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly waiting: Array<() => void> = [];
  private starting = 0;
  private closed = false;

  constructor(size = defaultWorkerCount()) {
    this.size = Math.max(1, size);
  }

  /** Reads one page. `page` (1-based) names it in errors. Rejects with CANCELLED, OCR_IMAGE_SIZE or OCR_PAGE_FAILED. */
  async recognize(image: PageImage, page: number, signal?: AbortSignal): Promise<OcrPage> {
    checkImageSize(image, page);
    if (signal?.aborted) throw cancelledError();
    const slot = await this.acquire(signal);
    let keep = true;
    try {
      await slot.worker.setParameters({ user_defined_dpi: String(Math.round(image.dpi)) });
      const data = await this.run(slot, image.bytes, signal);
      return toOcrPage(data, image);
    } catch (err) {
      // A terminated or failed worker is not reused: its state is unknown.
      keep = false;
      void slot.worker.terminate().catch(() => {});
      if (signal?.aborted) throw cancelledError();
      if (err instanceof AppError) throw err;
      const reason = (err instanceof Error ? err.message : String(err)).replace(/^(Error: )+/, '');
      throw new AppError('OCR_PAGE_FAILED', `Page ${page} cannot be read: ${reason}`, { page, reason });
    } finally {
      this.release(slot, keep);
    }
  }

  /** Terminates every worker; pages in flight reject. */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate().catch(() => {})));
    for (const wake of this.waiting.splice(0)) wake();
  }

  /** recognize, settling on abort too (a terminated worker's pending job never settles). */
  private run(slot: Slot, bytes: Uint8Array, signal?: AbortSignal): Promise<Tesseract.Page> {
    return new Promise<Tesseract.Page>((resolve, reject) => {
      const onAbort = (): void => reject(cancelledError());
      signal?.addEventListener('abort', onAbort, { once: true });
      slot.worker
        .recognize(
          Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
          { rotateAuto: true },
          { text: false, blocks: true },
        )
        .then(
          (r) => resolve(r.data),
          // tesseract.js rejects with strings.
          (e: unknown) => reject(e instanceof Error ? e : new Error(String(e).replace(/^(Error: )+/, ''))),
        )
        .finally(() => signal?.removeEventListener('abort', onAbort));
    });
  }

  private async acquire(signal?: AbortSignal): Promise<Slot> {
    for (;;) {
      if (this.closed || signal?.aborted) throw cancelledError();
      const idle = this.slots.find((s) => !s.busy);
      if (idle) {
        idle.busy = true;
        return idle;
      }
      if (this.slots.length + this.starting < this.size) {
        this.starting++;
        let worker: Tesseract.Worker;
        try {
          worker = await createWorker();
        } finally {
          this.starting--;
        }
        const slot = { worker, busy: true };
        if (this.closed) {
          await worker.terminate().catch(() => {});
          throw cancelledError();
        }
        this.slots.push(slot);
        return slot;
      }
      await new Promise<void>((wake) => {
        const waiter = (): void => {
          signal?.removeEventListener('abort', onAbort);
          wake();
        };
        // Cancelled while waiting: leave the queue, so that a freed worker wakes someone still waiting.
        const onAbort = (): void => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          wake();
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        this.waiting.push(waiter);
      });
    }
  }

  private release(slot: Slot, keep: boolean): void {
    slot.busy = false;
    const at = this.slots.indexOf(slot);
    if (!keep && at >= 0) this.slots.splice(at, 1);
    this.waiting.shift()?.();
  }
}

async function createWorker(): Promise<Tesseract.Worker> {
  const worker = await Tesseract.createWorker('chi_sim', Tesseract.OEM.LSTM_ONLY, {
    langPath: LANG_DIR, // a local folder: read from disk, never the CDN
    gzip: true,
    cacheMethod: 'none', // else it writes chi_sim.traineddata into the cwd
    // Without a handler a failed job is also rethrown in the worker's message handler and kills the process.
    errorHandler: () => {},
  });
  await worker.setParameters({
    tessedit_pageseg_mode: Tesseract.PSM.AUTO,
    preserve_interword_spaces: '1',
  });
  return worker;
}

const round1 = (v: number): number => Math.round(v * 10) / 10;
const isSpace = (c: string): boolean => /\s/u.test(c);

/**
 * tesseract.js's result as an OcrPage. With rotateAuto, Tesseract reads the image deskewed by
 * `rotateRadians` about its centre; boxes are mapped back to the image as given (centre rotated back,
 * size kept: at a degree or two the difference is a pixel or two).
 */
export function toOcrPage(data: Tesseract.Page, image: { width: number; height: number; dpi: number }): OcrPage {
  const angle = data.rotateRadians ?? 0;
  const unrotate = pointMapper(angle, image.width, image.height);
  const box = (b: Tesseract.Bbox): OcrBox => {
    const [cx, cy] = unrotate((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2);
    const hw = (b.x1 - b.x0) / 2;
    const hh = (b.y1 - b.y0) / 2;
    return [round1(cx - hw), round1(cy - hh), round1(cx + hw), round1(cy + hh)];
  };
  const lines: OcrLine[] = [];
  let confSum = 0;
  let confCount = 0;
  for (const block of data.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const chars: number[] = [];
        for (const word of line.words) {
          for (const sym of word.symbols) {
            const b = box(sym.bbox);
            const conf = Math.round(sym.confidence);
            for (const c of Array.from(sym.text)) {
              if (isSpace(c)) continue;
              chars.push(b[0], b[1], b[2], b[3], conf);
              confSum += conf;
              confCount++;
            }
          }
        }
        let text = line.text.replace(/\s+$/u, '');
        // The line text and its symbols should agree; if not, the symbols (which carry the confidences) win.
        if (Array.from(text).filter((c) => !isSpace(c)).length !== chars.length / 5) {
          text = line.words.map((w) => w.symbols.map((s) => s.text).join('')).join(' ');
        }
        if (chars.length === 0) continue;
        const [, baseline] = unrotate(line.baseline.x0, line.baseline.y0);
        lines.push({
          text,
          box: box(line.bbox),
          baseline: round1(baseline),
          height: round1(line.rowAttributes.rowHeight),
          confidence: round1(line.confidence),
          chars,
        });
      }
    }
  }
  return {
    width: image.width,
    height: image.height,
    dpi: image.dpi,
    rotate: angle,
    confidence: confCount === 0 ? 0 : round1(confSum / confCount),
    lines,
    engine: ENGINE,
  };
}

/** Maps a point of the deskewed image back to the image as given (rotation by −angle about the centre). */
function pointMapper(angle: number, width: number, height: number): (x: number, y: number) => [number, number] {
  if (angle === 0) return (x, y) => [x, y];
  const cx = width / 2;
  const cy = height / 2;
  const cos = Math.cos(ROTATION_SIGN * angle);
  const sin = Math.sin(ROTATION_SIGN * angle);
  return (x, y) => {
    const dx = x - cx;
    const dy = y - cy;
    return [cx + dx * cos - dy * sin, cy + dx * sin + dy * cos];
  };
}

/** Direction of the mapping back (checked against a page read with and without deskew, see tests). */
const ROTATION_SIGN = -1;
