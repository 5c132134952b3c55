import { memo, useState } from 'react';
import type { Page } from '../../../shared/model/entities.ts';
import type { OcrPage } from '../../../shared/model/ocr.ts';
import { padPrinted } from '../../editor/pageLabels.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ReOcrPanel } from './ReOcrPanel.tsx';
import type { ReocrClient } from './useReocr.ts';
import './reocr.css';

export interface ReOcrToolProps {
  client: ReocrClient;
  volumeId: number;
  /** The page shown (0-based page index), null when none. */
  page: number | null;
  pages: readonly Page[];
  startPage: number;
  /** The text can be edited (not locked): without it there is nothing to accept, and no button. */
  editable: boolean;
  onKept?: ((index: number, ocr: OcrPage) => void) | undefined;
}

/** The scan pane's "re-OCR this page" button and, once pressed, its panel (for the page shown then). */
export const ReOcrTool = memo(function ReOcrTool({ client, volumeId, page, pages, startPage, editable, onKept }: ReOcrToolProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState<number | null>(null);
  if (!editable) return null;
  const label = (index: number) => {
    const printed = pages.find((p) => p.index === index)?.printedLabel;
    return printed ? padPrinted(printed) : `#${index + 1}`;
  };
  const scanPage = page === null ? null : (pages.find((p) => p.index === page)?.scanPage ?? null);
  return (
    <div className="reocr-tool" data-testid="reocr-tool">
      {open === null ? (
        <button
          type="button"
          className="reocr-tool__button"
          disabled={scanPage === null}
          title={t('reocr.buttonHint')}
          onClick={() => page !== null && setOpen(page)}
          data-testid="reocr-button"
        >
          {t('reocr.button')}
        </button>
      ) : (
        <ReOcrPanel
          client={client}
          volumeId={volumeId}
          page={open}
          pageLabel={label(open)}
          startPage={startPage}
          onKept={onKept}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
});
