import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentLoadingTask, PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { ScanSource } from './scanSource.ts';

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;

/** pdf.js is large; it is loaded on first use, and its worker from a Vite asset URL. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist').then((mod) => {
    mod.GlobalWorkerOptions.workerSrc = workerUrl;
    return mod;
  });
  return pdfjs;
}

/** 100 % shows a page at its printed size: PDF points (1/72 in) to CSS pixels (1/96 in). */
export const PDF_TO_CSS = 96 / 72;

export interface PdfScan {
  numPages: number;
  page(index: number): Promise<PDFPageProxy>;
  destroy(): Promise<void>;
}

/**
 * Opens a scan PDF once (per volume). Through a URL pdf.js fetches byte ranges on demand;
 * with `fetchScan` the whole file is handed over.
 */
export async function openPdfScan(file: string, source: ScanSource): Promise<PdfScan> {
  const lib = await loadPdfJs();
  let task: PDFDocumentLoadingTask;
  if (source.fetchScan) {
    const data = await source.fetchScan(file);
    const bytes = data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : data;
    task = lib.getDocument({ data: bytes });
  } else {
    task = lib.getDocument({ url: source.url(file), httpHeaders: { ...source.headers }, withCredentials: false });
  }
  const doc: PDFDocumentProxy = await task.promise;
  const cache = new Map<number, Promise<PDFPageProxy>>();
  return {
    numPages: doc.numPages,
    page(index) {
      let p = cache.get(index);
      if (!p) {
        p = doc.getPage(index + 1);
        cache.set(index, p);
      }
      return p;
    },
    destroy: () => task.destroy(),
  };
}

/** Page size at 100 % in CSS pixels. */
export function pdfPageSize(page: PDFPageProxy): { width: number; height: number } {
  const vp = page.getViewport({ scale: PDF_TO_CSS });
  return { width: vp.width, height: vp.height };
}

/** Largest canvas we draw (pixels): beyond it the bitmap is scaled up by CSS instead. */
const MAX_CANVAS_PIXELS = 16_777_216;

export interface PageRender {
  canvas: HTMLCanvasElement;
  done: Promise<void>;
  cancel(): void;
}

/** Renders a page into a fresh, detached canvas (the caller swaps it in when `done` resolves). */
export function renderPdfPage(page: PDFPageProxy, scale: number, pixelRatio: number): PageRender {
  const css = page.getViewport({ scale: scale * PDF_TO_CSS });
  let ratio = pixelRatio;
  if (css.width * css.height * ratio * ratio > MAX_CANVAS_PIXELS) ratio = Math.sqrt(MAX_CANVAS_PIXELS / (css.width * css.height));
  const viewport = page.getViewport({ scale: scale * PDF_TO_CSS * ratio });
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(css.width)}px`;
  canvas.style.height = `${Math.floor(css.height)}px`;
  const task: RenderTask = page.render({ canvas, viewport });
  return { canvas, done: task.promise, cancel: () => task.cancel() };
}
