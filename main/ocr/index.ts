import type { OcrPage } from '../../shared/model/ocr.ts';
import { AppError } from '../../shared/ipc/errors.ts';
import { cancelledError, ENGINE, OcrEngine } from './engine.ts';
import { OcrCache } from './ocrCache.ts';
import { openScanSource } from './sources.ts';

export { ocrCacheDir } from './ocrCache.ts';
export { ENGINE as OCR_ENGINE } from './engine.ts';

/** A scan to read: one PDF, one image (a multi-page TIFF is several pages), several images or a folder of images. */
export type OcrSourceInput = string | readonly string[];

export interface OcrSourceOptions {
  /** Where this source's pages are kept as they are read (resume): e.g. `ocrCacheDir(<library>/ocr-cache, paths)`. None = no resume. */
  cacheDir?: string;
  signal?: AbortSignal;
  /** After each page (read or taken from the cache): pages done, pages to OCR in all, 0-based page index. */
  /** Each page read (or found in the cache), and once at the start with `done` 0 and `page` −1. */
  onProgress?: (done: number, total: number, page: number) => void;
  /** PDF password, if the PDF is protected. */
  password?: string;
  /** A PDF's pages (0-based) known to have a text layer (the import has read it): not OCR'd, not read again. */
  textPages?: ReadonlySet<number>;
  /** Worker threads (default min(2, cores)). */
  workers?: number;
}

export interface OcrSourceResult {
  /** One per page of the source, in order; null = a PDF page with a text layer (not OCR'd: use its text). */
  pages: (OcrPage | null)[];
  /** Pages taken from the cache instead of being read again. */
  cached: number;
}

/**
 * Reads every page of a scan that has no text layer with OCR, in worker threads, keeping each page in
 * `cacheDir` as soon as it is read. A page that cannot be read does not stop the others: once they are
 * read (and kept), its error is thrown — OCR_PAGE_FAILED or OCR_IMAGE_SIZE with `details.page` (1-based)
 * and `details.failedPages`. Also CANCELLED, IMPORT_PDF_ENCRYPTED, IMPORT_PDF_BROKEN, IMPORT_SCAN_UNSUPPORTED.
 */
export async function ocrSource(source: OcrSourceInput, options: OcrSourceOptions = {}): Promise<OcrSourceResult> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const src = await openScanSource(source, options.password, options.textPages);
  const engine = new OcrEngine(options.workers);
  const cache = options.cacheDir !== undefined ? new OcrCache(options.cacheDir) : null;
  try {
    const pages: (OcrPage | null)[] = Array.from({ length: src.pageCount }, () => null);
    const todo: number[] = [];
    let done = 0;
    let cached = 0;
    const total = src.pageCount - src.textPages.size;
    // The count shows at once, before the first page (seconds of OCR) is read.
    if (total > 0) onProgress?.(0, total, -1);
    for (let i = 0; i < src.pageCount; i++) {
      if (src.textPages.has(i)) continue;
      const hit = cache?.get(i, ENGINE) ?? null;
      if (hit) {
        pages[i] = hit;
        cached++;
        onProgress?.(++done, total, i);
      } else todo.push(i);
    }
    const failures: AppError[] = [];
    let next = 0;
    const runner = async (): Promise<void> => {
      while (next < todo.length) {
        if (signal?.aborted) throw cancelledError();
        const i = todo[next++]!;
        try {
          const image = await src.image(i);
          const page = await engine.recognize(image, i + 1, signal);
          cache?.put(i, page);
          pages[i] = page;
        } catch (err) {
          if (signal?.aborted || (err instanceof AppError && err.code === 'CANCELLED')) throw cancelledError();
          if (!(err instanceof AppError)) throw err;
          failures.push(err);
        }
        onProgress?.(++done, total, i);
      }
    };
    const settled = await Promise.allSettled(Array.from({ length: Math.min(engine.size, todo.length) }, runner));
    const crashed = settled.find((s) => s.status === 'rejected');
    if (crashed) throw crashed.reason;
    if (failures.length > 0) {
      const first = failures.sort((a, b) => Number(a.details?.page) - Number(b.details?.page))[0]!;
      throw new AppError(first.code, first.message, {
        ...first.details,
        failedPages: failures.map((f) => f.details?.page),
      });
    }
    return { pages, cached };
  } finally {
    await engine.close();
    await src.close();
  }
}
