import { memo } from 'react';
import type { Page, ScanInfo } from '../../shared/model/entities.ts';
import type { PageStatus } from '../../shared/model/stage.ts';
import { scanPageFor } from '../../shared/proof/pageMap.ts';
import { useProofT } from '../features/proofread/strings.ts';
import { PageStatusBar } from './PageStatusBar.tsx';
import { PageStrip } from './PageStrip.tsx';
import { ScanViewer } from './ScanViewer.tsx';
import type { ScanSource } from './scanSource.ts';
import './scan.css';

export interface ScanPaneProps {
  /** The volume's scan (null: the volume has none). */
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
}

/** The scan of the current page, with the case's page strip and page status buttons. */
export const ScanPane = memo(function ScanPane({ scan, scanSource, pages, casePages, currentPage, onGotoPage, onSetStatus }: ScanPaneProps) {
  const t = useProofT();
  const page = currentPage === null ? undefined : pages.find((p) => p.index === currentPage);
  const scanPage = currentPage === null ? null : scanPageFor(currentPage, pages, scan);
  return (
    <section className="cb-scan" data-testid="scan-pane" data-page={currentPage ?? undefined} data-scan-page={scanPage ?? undefined}>
      <PageStrip pages={pages} casePages={casePages} currentPage={currentPage} onGotoPage={onGotoPage} />
      <PageStatusBar
        status={page?.status ?? null}
        disabled={!page}
        onSetStatus={(status) => currentPage !== null && onSetStatus(currentPage, status)}
      />
      {scan ? (
        <ScanViewer scan={scan} source={scanSource} scanPage={scanPage} />
      ) : (
        <p className="cb-scan__message" data-testid="scan-none">
          {t('proof.scan.none')}
        </p>
      )}
    </section>
  );
});
