import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentLoadingTask, PDFDocumentProxy, PDFPageProxy, PDFWorker, RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { ScanSource } from './scanSource.ts';

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;
let worker: PDFWorker | null = null;

/** pdf.js is large; it is loaded on first use, and its worker from a Vite asset URL. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist').then((mod) => {
    mod.GlobalWorkerOptions.workerSrc = workerUrl;
    return mod;
  });
  return pdfjs;
}

/**
 * One pdf.js worker for the whole window, kept alive between cases: starting it (compiling a
 * 1.2 MB module) costs more than opening a document, so it is never torn down with a document.
 */
async function sharedWorker(): Promise<{ lib: PdfJs; worker: PDFWorker }> {
  const lib = await loadPdfJs();
  if (!worker || worker.destroyed) worker = new lib.PDFWorker();
  return { lib, worker };
}

/** Starts loading pdf.js and its worker ahead of need (idempotent, errors are left to the real open). */
export function warmPdfWorker(): void {
  sharedWorker().catch(() => undefined);
}

/** 100 % shows a page at its printed size: PDF points (1/72 in) to CSS pixels (1/96 in). */
export const PDF_TO_CSS = 96 / 72;

export interface PdfScan {
  numPages: number;
  page(index: number): Promise<PDFPageProxy>;
  /** The page if it has been loaded already (lets a remounted view draw without waiting a tick). */
  peekPage(index: number): PDFPageProxy | null;
}

/** Documents kept open after their last viewer went away (a volume's scan, reopened case after case). */
const KEEP_DOCS = 2;
/** Pages whose parsed content (operator list, decoded images) stays in memory per document. */
const KEEP_PAGES = 6;

interface DocEntry {
  key: string;
  task: PDFDocumentLoadingTask | null;
  promise: Promise<PdfScan>;
  scan: PdfScan | null;
  users: number;
  lastUsed: number;
}

const docs = new Map<string, DocEntry>();
const sourceIds = new WeakMap<ScanSource, number>();
let nextSourceId = 0;
let useClock = 0;

function docKey(file: string, source: ScanSource): string {
  let id = sourceIds.get(source);
  if (id === undefined) {
    id = nextSourceId++;
    sourceIds.set(source, id);
  }
  return `${id}:${file}`;
}

function makeScan(doc: PDFDocumentProxy): PdfScan {
  const pending = new Map<number, Promise<PDFPageProxy>>();
  const loaded = new Map<number, PDFPageProxy>();
  /** Most recently used last; pages beyond KEEP_PAGES have their parsed content released. */
  const recent: number[] = [];
  const touch = (index: number) => {
    const i = recent.indexOf(index);
    if (i >= 0) recent.splice(i, 1);
    recent.push(index);
    while (recent.length > KEEP_PAGES) {
      const old = recent.shift()!;
      // cleanup() defers itself while the page is being drawn, and the proxy stays usable.
      loaded.get(old)?.cleanup();
    }
  };
  return {
    numPages: doc.numPages,
    page(index) {
      let p = pending.get(index);
      if (!p) {
        p = doc.getPage(index + 1).then((page) => {
          loaded.set(index, page);
          return page;
        });
        p.catch(() => pending.delete(index));
        pending.set(index, p);
      }
      touch(index);
      return p;
    },
    peekPage(index) {
      const page = loaded.get(index) ?? null;
      if (page) touch(index);
      return page;
    },
  };
}

async function openDoc(file: string, source: ScanSource, entry: DocEntry): Promise<PdfScan> {
  const { lib, worker: w } = await sharedWorker();
  let task: PDFDocumentLoadingTask;
  if (source.fetchScan) {
    const data = await source.fetchScan(file);
    const bytes = data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : data;
    task = lib.getDocument({ data: bytes, worker: w });
  } else {
    task = lib.getDocument({ url: source.url(file), httpHeaders: { ...source.headers }, withCredentials: false, worker: w });
  }
  entry.task = task;
  const scan = makeScan(await task.promise);
  entry.scan = scan;
  return scan;
}

/** Closes documents nobody shows, beyond the few kept for reopening. */
function evict(): void {
  const idle = [...docs.values()].filter((d) => d.users === 0).sort((a, b) => a.lastUsed - b.lastUsed);
  for (const d of idle.slice(0, Math.max(0, idle.length - KEEP_DOCS))) {
    docs.delete(d.key);
    // Still opening: close it once it is open (a failed open closes itself).
    d.promise.then(
      () => d.task?.destroy(),
      () => undefined,
    );
  }
}

export interface PdfScanHandle {
  /** The open document; already settled when it was open before. */
  scan: Promise<PdfScan>;
  /** The viewer is done with it: it stays open for a while for the next case of the volume. */
  release(): void;
}

/**
 * Opens a scan PDF, or reuses the one already open for this file. Through a URL pdf.js fetches
 * byte ranges on demand; with `fetchScan` the whole file is handed over.
 */
export function acquirePdfScan(file: string, source: ScanSource): PdfScanHandle {
  const key = docKey(file, source);
  let entry = docs.get(key);
  if (!entry) {
    const fresh = { key, task: null, scan: null, users: 0, lastUsed: 0 } as Omit<DocEntry, 'promise'> as DocEntry;
    fresh.promise = openDoc(file, source, fresh);
    // A failed open is forgotten, so that showing the scan again retries.
    fresh.promise.catch(() => {
      if (docs.get(key) === fresh) docs.delete(key);
      void fresh.task?.destroy();
    });
    docs.set(key, fresh);
    entry = fresh;
  }
  const held = entry;
  held.users++;
  held.lastUsed = ++useClock;
  let released = false;
  return {
    scan: held.promise,
    release() {
      if (released) return;
      released = true;
      held.users--;
      held.lastUsed = ++useClock;
      evict();
    },
  };
}

/** The document if it is open already, without holding it (for a first render that can draw at once). */
export function peekPdfScan(file: string, source: ScanSource): PdfScan | null {
  return docs.get(docKey(file, source))?.scan ?? null;
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

/** Pages drawn lately, most recent last: flipping back to a page or reopening a case shows it at once. */
const drawn: { page: PDFPageProxy; size: string; canvas: HTMLCanvasElement }[] = [];
/** A drawn page at fit-width in a wide pane holds a few MB: a handful is plenty for going back and forth. */
const KEEP_DRAWN = 4;

/** The canvas a page was last drawn into at this scale, if it is still kept (it is not drawn again). */
export function drawnPdfPage(page: PDFPageProxy, scale: number, pixelRatio: number): HTMLCanvasElement | null {
  const size = `${scale}@${pixelRatio}`;
  const i = drawn.findIndex((d) => d.page === page && d.size === size);
  if (i < 0) return null;
  const [hit] = drawn.splice(i, 1);
  drawn.push(hit!);
  return hit!.canvas;
}

function keepDrawn(page: PDFPageProxy, scale: number, pixelRatio: number, canvas: HTMLCanvasElement): void {
  const size = `${scale}@${pixelRatio}`;
  const i = drawn.findIndex((d) => d.page === page && d.size === size);
  if (i >= 0) drawn.splice(i, 1);
  drawn.push({ page, size, canvas });
  while (drawn.length > KEEP_DRAWN) drawn.shift();
}

/**
 * Renders a page into a fresh, detached canvas (the caller swaps it in when `done` resolves); the
 * drawn canvas is kept for {@link drawnPdfPage}.
 */
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
  const done = task.promise.then(() => keepDrawn(page, scale, pixelRatio, canvas));
  return { canvas, done, cancel: () => task.cancel() };
}
