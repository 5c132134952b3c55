import { lazy, memo, Suspense, type ReactNode } from 'react';
import type { Page, ScanInfo } from '../../shared/model/entities.ts';
import type { PageStatus } from '../../shared/model/stage.ts';
import { scanPageFor } from '../../shared/proof/pageMap.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { PageStatusBar } from './PageStatusBar.tsx';
import { PageStrip } from './PageStrip.tsx';
import type { ScanSource } from './scanSource.ts';
import './scan.css';

let viewerChunk: ReturnType<typeof loadViewerChunk> | null = null;
function loadViewerChunk() {
  return import('./viewerChunk.ts');
}

/**
 * Starts loading the scan viewer and pdf.js with its worker (the largest parts of the renderer)
 * while a case's data is on its way, so neither waits for the other. Idempotent; a failure is
 * left to the viewer's own load, which shows it.
 */
export function prepareScanViewer(): void {
  viewerChunk ??= loadViewerChunk();
  viewerChunk.then((m) => m.warmPdfWorker()).catch(() => undefined);
}

const ScanViewer = lazy(() => {
  viewerChunk ??= loadViewerChunk();
  return viewerChunk.then((m) => ({ default: m.ScanViewer }));
});

export interface ScanPaneProps {
  /** The volume's scan (null: the volume has none, and the pane folds into a bar). */
  scan: ScanInfo | null;
  scanSource: ScanSource;
  /** All pages of the volume (status, printed label, scan pairing). */
  pages: readonly Page[];
  /** Page indexes of the open case, ascending. */
  casePages: readonly number[];
  /** Text page shown (from the caret, or a chip click). */
  currentPage: number | null;
  onGotoPage: (page: number) => void;
  onSetStatus: (page: number, status: PageStatus) => void;
  /** Tools for the shown page under its status buttons (the re-OCR button and panel); only with a scan. */
  pageTools?: ReactNode;
}

/**
 * The scan of the current page, with the case's page strip and page status buttons. Without a
 * scan it folds into one bar (strip, status, a note) so that the text gets the width.
 */
export const ScanPane = memo(function ScanPane({
  scan,
  scanSource,
  pages,
  casePages,
  currentPage,
  onGotoPage,
  onSetStatus,
  pageTools,
}: ScanPaneProps) {
  const { t } = useI18n();
  const page = currentPage === null ? undefined : pages.find((p) => p.index === currentPage);
  const scanPage = currentPage === null ? null : scanPageFor(currentPage, pages, scan);
  return (
    <section
      className={scan ? 'scan-pane' : 'scan-pane scan-pane--folded'}
      data-testid="scan-pane"
      data-folded={scan ? undefined : 'true'}
      data-page={currentPage ?? undefined}
      data-scan-page={scanPage ?? undefined}
    >
      <PageStrip pages={pages} casePages={casePages} currentPage={currentPage} onGotoPage={onGotoPage} />
      <PageStatusBar
        status={page?.status ?? null}
        disabled={!page}
        onSetStatus={(status) => currentPage !== null && onSetStatus(currentPage, status)}
      />
      {scan ? pageTools : null}
      {scan ? (
        // A viewer that cannot load (its chunk failed) leaves the editor beside it working.
        <ErrorBoundary>
          <Suspense fallback={<p className="scan-pane__message">{t('proof.scan.loading')}</p>}>
            <ScanViewer scan={scan} source={scanSource} scanPage={scanPage} />
          </Suspense>
        </ErrorBoundary>
      ) : (
        <p className="scan-pane__note" data-testid="scan-none">
          {t('proof.scan.none')}
        </p>
      )}
    </section>
  );
});
