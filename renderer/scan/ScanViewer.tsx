import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { PDFPageProxy } from 'pdfjs-dist';
import type { ScanInfo } from '../../shared/model/entities.ts';
import type { AppError } from '../../shared/ipc/errors.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { loadImageScan, type LoadedImage } from './imagePages.ts';
import { useLineLinkContext } from './lineLinkContext.ts';
import { LineOverlay } from './LineOverlay.tsx';
import { pdfTextLines } from './pdfTextLines.ts';
import { scanError } from './scanErrors.ts';
import { acquirePdfScan, drawnPdfPage, peekPdfScan, pdfPageSize, renderPdfPage, type PdfScan } from './pdfPages.ts';
import type { ScanSource } from './scanSource.ts';
import { clampPercent, effectiveScale, stepZoom, type ZoomMode } from './zoom.ts';

type Size = { width: number; height: number };

function isCancel(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: string }).name === 'RenderingCancelledException';
}

/** Box size of an element, kept current with a ResizeObserver. */
function useBoxSize(ref: React.RefObject<HTMLElement | null>): Size {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }));
    ro.observe(el);
    setSize({ width: el.clientWidth, height: el.clientHeight });
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

/** Padding kept around the page inside the viewport when fitting. */
const GUTTER = 16;
/** A press that moves less than this (CSS px) before release is a click, not a pan. */
const CLICK_SLOP = 4;

/**
 * One page of a volume's scan with zoom (fit width / fit page / 25–400 %, keys + − 0, Ctrl+wheel)
 * and drag-to-pan. A PDF is opened once per volume; pages render on demand into a detached canvas
 * swapped in when done, so the old page stays visible meanwhile and a superseded render is
 * cancelled.
 */
export function ScanViewer({ scan, source, scanPage }: { scan: ScanInfo; source: ScanSource; scanPage: number | null }) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const box = useBoxSize(scroller);
  const [zoom, setZoom] = useState<ZoomMode>({ kind: 'fit-width' });
  const pdfFile = scan.kind === 'pdf' ? scan.files[0] : undefined;
  // A document and page already open (the volume's previous case) are used from the first render,
  // so a reopened case draws its scan in the same frame as its text.
  const [openPdf, setOpenPdf] = useState<{ file: string; scan: PdfScan } | null>(() => {
    const ready = pdfFile ? peekPdfScan(pdfFile, source) : null;
    return pdfFile && ready ? { file: pdfFile, scan: ready } : null;
  });
  const pdf = openPdf && openPdf.file === pdfFile ? openPdf.scan : null;
  const [pdfPage, setPdfPage] = useState<{ index: number; page: PDFPageProxy } | null>(() => {
    const page = pdf && scanPage !== null && scanPage < pdf.numPages ? pdf.peekPage(scanPage) : null;
    return page && scanPage !== null ? { index: scanPage, page } : null;
  });
  const [pageSize, setPageSize] = useState<Size | null>(() => (pdfPage ? pdfPageSize(pdfPage.page) : null));
  const [image, setImage] = useState<(LoadedImage & { page: number }) | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  /** What the canvas shows now (`page@scale`), to tell when a newer render is pending. */
  const [renderedKey, setRenderedKey] = useState<string | null>(null);

  // The PDF document: once per volume (file), shared with the next case of the same volume.
  // (When it was open already, the first render has it and these updates change nothing.)
  useEffect(() => {
    if (!pdfFile) return;
    let live = true;
    const handle = acquirePdfScan(pdfFile, source);
    handle.scan.then(
      (scan) => live && setOpenPdf((old) => (old?.file === pdfFile && old.scan === scan ? old : { file: pdfFile, scan })),
      (e) => live && setError(scanError(e)),
    );
    return () => {
      live = false;
      handle.release();
    };
  }, [pdfFile, source]);

  // The page proxy and its natural size.
  useEffect(() => {
    if (!pdf || scanPage === null || scanPage >= pdf.numPages) return;
    let live = true;
    pdf.page(scanPage).then(
      (page) => {
        if (!live) return;
        setPdfPage((old) => (old?.index === scanPage && old.page === page ? old : { index: scanPage, page }));
        const size = pdfPageSize(page);
        setPageSize((old) => (old?.width === size.width && old.height === size.height ? old : size));
      },
      (e) => live && setError(scanError(e)),
    );
    return () => {
      live = false;
    };
  }, [pdf, scanPage]);

  // The page's lines for linking with the text: OCR's when the page has them, else the PDF's text runs.
  const links = useLineLinkContext();
  const onPdfLines = links?.wantsPdfLines ? links.onPdfLines : undefined;
  useEffect(() => {
    if (!pdfPage || !onPdfLines) return;
    let live = true;
    const { index, page } = pdfPage;
    pdfTextLines(page).then(
      (lines) => live && onPdfLines(index, lines),
      // No text layer to read: the page simply has no lines to link.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [pdfPage, onPdfLines]);
  const lines = links?.lines ?? null;

  // Image scans: one file per page, decoded before it replaces the previous one.
  const imageFile = scan.kind === 'images' && scanPage !== null ? scan.files[scanPage] : undefined;
  useEffect(() => {
    if (!imageFile || scanPage === null) return;
    const page = scanPage;
    const ctl = new AbortController();
    loadImageScan(imageFile, source, ctl.signal).then(
      (img) => {
        setImage((old) => {
          old?.release();
          return { ...img, page };
        });
        setPageSize({ width: img.width, height: img.height });
        setError(null);
      },
      (e) => {
        if (!ctl.signal.aborted) setError(scanError(e));
      },
    );
    return () => ctl.abort();
  }, [imageFile, scanPage, source]);
  // Free the last object URL when the viewer goes away (replacements are freed above).
  const lastImage = useRef(image);
  useEffect(() => {
    lastImage.current = image;
  }, [image]);
  useEffect(() => () => lastImage.current?.release(), []);

  const scale = pageSize ? effectiveScale(zoom, pageSize, { width: box.width - GUTTER * 2, height: box.height - GUTTER * 2 }) : 1;

  // Render the PDF page at the current scale; keep the old canvas until the new one is drawn.
  // Started during the commit (a layout effect): with document and page already loaded, pdf.js
  // asks for its animation frame in the task that mounts the view, so the scan is drawn in the
  // frame that first paints the text. A render already under way for the same page and scale is
  // kept rather than restarted when the measured box arrives in state.
  const job = useRef<{ page: PDFPageProxy; key: string; done: boolean; cancel(): void } | null>(null);
  useLayoutEffect(() => {
    const el = host.current;
    const sc = scroller.current;
    if (!pdfPage || !pageSize || !el || !sc) return;
    // On the first commit the measured box is not in state yet: measure it here (layout is clean).
    const view = box.width > 0 ? box : { width: sc.clientWidth, height: sc.clientHeight };
    if (view.width === 0) return;
    const s = effectiveScale(zoom, pageSize, { width: view.width - GUTTER * 2, height: view.height - GUTTER * 2 });
    const key = `${pdfPage.index}@${s}`;
    if (job.current?.page === pdfPage.page && job.current.key === key) return;
    if (job.current && !job.current.done) job.current.cancel();
    const current = el.querySelector('canvas');
    const pixelRatio = window.devicePixelRatio || 1;
    const ready = drawnPdfPage(pdfPage.page, s, pixelRatio);
    if (ready) {
      // Drawn before at this size (flipping back, a reopened case): shown in this very frame.
      job.current = { page: pdfPage.page, key, done: true, cancel: () => undefined };
      // (It may have been stretched for a zoom since: back to its own size.)
      ready.style.width = `${Math.floor(pageSize.width * s)}px`;
      ready.style.height = `${Math.floor(pageSize.height * s)}px`;
      el.replaceChildren(ready);
      el.dataset.renderedPage = String(pdfPage.index);
      setRenderedKey(key);
      setError(null);
      return;
    }
    if (current && current.dataset.page === String(pdfPage.index)) {
      // Same page, new zoom: stretch the old bitmap at once, sharpen when the render lands.
      current.style.width = `${Math.floor(pageSize.width * s)}px`;
      current.style.height = `${Math.floor(pageSize.height * s)}px`;
    }
    const render = renderPdfPage(pdfPage.page, s, pixelRatio);
    const mine = { page: pdfPage.page, key, done: false, cancel: render.cancel };
    job.current = mine;
    render.canvas.dataset.page = String(pdfPage.index);
    render.canvas.className = 'scan-viewer__page';
    render.done.then(
      () => {
        mine.done = true;
        el.replaceChildren(render.canvas);
        el.dataset.renderedPage = String(pdfPage.index);
        setRenderedKey(key);
        setError(null);
      },
      (e) => {
        mine.done = true;
        if (job.current === mine) job.current = null;
        if (!isCancel(e)) setError(scanError(e));
      },
    );
  }, [pdfPage, pageSize, zoom, box]);
  useEffect(
    () => () => {
      if (job.current && !job.current.done) job.current.cancel();
    },
    [],
  );

  const percent = Math.round(scale * 100);
  const zoomBy = useCallback((dir: 1 | -1) => setZoom({ kind: 'percent', percent: stepZoom(percent, dir) }), [percent]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    // Keys typed into the percentage box are numbers, not commands.
    if (e.ctrlKey || e.metaKey || e.altKey || e.target instanceof HTMLInputElement) return;
    if (e.key === '+' || e.key === '=') zoomBy(1);
    else if (e.key === '-' || e.key === '_') zoomBy(-1);
    else if (e.key === '0') setZoom({ kind: 'fit-width' });
    else return;
    e.preventDefault();
  };

  // Ctrl+wheel zooms (a non-passive listener: React's onWheel cannot preventDefault).
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      zoomBy(e.deltaY < 0 ? 1 : -1);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [zoomBy]);

  // Drag to pan; a press and release on a line without moving is a click on that line.
  const drag = useRef<{ x: number; y: number; left: number; top: number; line: number | null } | null>(null);
  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const el = e.currentTarget;
    const lineEl = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-line]') : null;
    el.setPointerCapture(e.pointerId);
    el.focus();
    drag.current = {
      x: e.clientX,
      y: e.clientY,
      left: el.scrollLeft,
      top: el.scrollTop,
      line: lineEl ? Number(lineEl.dataset.line) : null,
    };
  };
  const onPointerUp = (e: React.PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    drag.current = null;
    if (d?.line != null && Math.hypot(e.clientX - d.x, e.clientY - d.y) < CLICK_SLOP) links?.onLineClick(d.line);
  };
  const onPointerMove = (e: React.PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    e.currentTarget.scrollLeft = d.left - (e.clientX - d.x);
    e.currentTarget.scrollTop = d.top - (e.clientY - d.y);
  };
  const endDrag = () => {
    drag.current = null;
  };

  const noPage = scanPage === null || (pdf !== null && scanPage >= pdf.numPages);
  const busy = scan.kind === 'pdf' ? renderedKey !== `${scanPage}@${scale}` : image?.page !== scanPage;
  // Lines are drawn over the page they belong to only (not over the previous one while it renders).
  const pageShown = scan.kind === 'pdf' ? renderedKey?.startsWith(`${scanPage}@`) === true : image?.page === scanPage;
  return (
    <div className="scan-viewer" data-testid="scan-viewer" onKeyDown={onKeyDown}>
      <div className="scan-viewer__tools" role="toolbar">
        <button
          type="button"
          data-testid="scan-fit-width"
          aria-pressed={zoom.kind === 'fit-width'}
          onClick={() => setZoom({ kind: 'fit-width' })}
        >
          {t('proof.scan.fitWidth')}
        </button>
        <button
          type="button"
          data-testid="scan-fit-page"
          aria-pressed={zoom.kind === 'fit-page'}
          onClick={() => setZoom({ kind: 'fit-page' })}
        >
          {t('proof.scan.fitPage')}
        </button>
        <button type="button" data-testid="scan-zoom-out" title={t('proof.scan.zoomOut')} onClick={() => zoomBy(-1)}>
          −
        </button>
        <input
          className="scan-viewer__percent"
          data-testid="scan-zoom-level"
          aria-label={t('proof.scan.zoomLevel')}
          type="number"
          min={25}
          max={400}
          value={percent}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (Number.isFinite(v) && v > 0) setZoom({ kind: 'percent', percent: clampPercent(v) });
          }}
        />
        <span>%</span>
        <button type="button" data-testid="scan-zoom-in" title={t('proof.scan.zoomIn')} onClick={() => zoomBy(1)}>
          +
        </button>
        {scanPage !== null && <span className="scan-viewer__pageno">{t('proof.scan.page', { n: scanPage + 1 })}</span>}
        {busy && !noPage && !error && (
          <span className="scan-viewer__busy" aria-live="polite">
            {t('proof.scan.loading')}
          </span>
        )}
      </div>
      <div
        ref={scroller}
        className="scan-viewer__scroll"
        data-testid="scan-scroll"
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={endDrag}
      >
        {error ? (
          <div className="scan-viewer__message">
            <ErrorNotice error={error} title={t('proof.scan.failed')} testId="scan-error" />
          </div>
        ) : noPage ? (
          <p className="scan-viewer__message" data-testid="scan-no-page">
            {t('proof.scan.noPage')}
          </p>
        ) : null}
        <div className="scan-viewer__stage" hidden={noPage || error !== null}>
          <div className="scan-viewer__sheet">
            {scan.kind === 'pdf' ? (
              <div ref={host} className="scan-viewer__host" data-testid="scan-canvas-host" />
            ) : (
              image &&
              pageSize && (
                <img
                  className="scan-viewer__page"
                  data-testid="scan-image"
                  data-page={image.page}
                  src={image.src}
                  alt=""
                  draggable={false}
                  style={{ width: Math.floor(pageSize.width * scale), height: Math.floor(pageSize.height * scale) }}
                />
              )
            )}
            {lines && lines.length > 0 && pageShown && <LineOverlay lines={lines} active={links?.active ?? []} />}
          </div>
        </div>
      </div>
    </div>
  );
}
