import { useState } from 'react';
import type { OcrPage } from '../../../shared/model/ocr.ts';
import { REOCR_ROTATIONS, type ReocrRotation } from '../../../shared/model/reocr.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { hunkContext } from './reocrFlow.ts';
import { useReocr, type ReocrClient } from './useReocr.ts';

export interface ReOcrPanelProps {
  client: ReocrClient;
  volumeId: number;
  /** The page read again (0-based page index). */
  page: number;
  /** How the page is named to the user (its printed label, or #n). */
  pageLabel: string;
  startPage: number;
  onKept?: ((index: number, ocr: OcrPage) => void) | undefined;
  onClose: () => void;
}

/**
 * Re-OCR of one page: the turn to apply, progress with cancel, then each difference between the new
 * reading and the text as it is now (old struck in red → new in green), accepted or rejected one by
 * one or all at once. Closing after accepting keeps the reading as the page's OCR; "keep" does so
 * without accepting anything (a page read better after a turn).
 */
export function ReOcrPanel({ client, volumeId, page, pageLabel, startPage, onKept, onClose }: ReOcrPanelProps) {
  const { t, lookup } = useI18n();
  const [rotation, setRotation] = useState<ReocrRotation>('auto');
  const flow = useReocr({ client, volumeId, page, startPage, onKept });
  const { step } = flow;

  const close = async () => {
    // Accepted changes came from this reading: it becomes the page's OCR, so suspects follow it.
    if (flow.accepted > 0 && !flow.kept && !(await flow.keep())) return;
    flow.cancel();
    onClose();
  };

  let body;
  switch (step.name) {
    case 'setup':
    case 'failed':
      body = (
        <>
          <fieldset className="reocr__rotation" data-testid="reocr-rotation">
            <legend>{t('reocr.rotation')}</legend>
            {REOCR_ROTATIONS.map((r) => (
              <label key={r}>
                <input
                  type="radio"
                  name="reocr-rotation"
                  value={String(r)}
                  checked={rotation === r}
                  onChange={() => setRotation(r)}
                  data-testid={`reocr-rotation-${r}`}
                />
                {t(`reocr.rotations.${r}`)}
              </label>
            ))}
          </fieldset>
          {step.name === 'failed' && <ErrorNotice error={step.error} title={t('reocr.failed')} testId="reocr-error" />}
          <div className="reocr__actions">
            <button type="button" className="primary" onClick={() => void flow.start(rotation)} data-testid="reocr-start">
              {t('reocr.start')}
            </button>
          </div>
        </>
      );
      break;
    case 'running': {
      const phase = step.status?.phase ?? 'start';
      const label = lookup(`reocr.phases.${phase}`) ?? t('reocr.phases.start');
      body = (
        <div className="reocr__progress" data-testid="reocr-progress" data-phase={phase}>
          <span>{label}</span>
          <progress aria-label={label} />
          <button type="button" onClick={flow.cancel} data-testid="reocr-cancel">
            {t('reocr.cancel')}
          </button>
        </div>
      );
      break;
    }
    case 'review': {
      const { review } = step;
      body = (
        <>
          {flow.changed && (
            <p className="reocr__changed" role="alert" data-testid="reocr-changed">
              {t('reocr.changed')}
            </p>
          )}
          <p className="reocr__summary" data-testid="reocr-summary" data-count={review.hunks.length}>
            {review.hunks.length > 0 ? t('reocr.summary', { count: review.hunks.length }) : t('reocr.none')}
            {flow.accepted > 0 ? ` ${t('reocr.accepted', { count: flow.accepted })}` : ''}
          </p>
          {review.skipped > 0 && (
            <p className="reocr__skipped" data-testid="reocr-skipped">
              {t('reocr.skipped', { count: review.skipped, segments: review.segments })}
            </p>
          )}
          {review.hunks.length > 0 && (
            <ol className="reocr__hunks" data-testid="reocr-hunks">
              {review.hunks.map((h, i) => {
                const { before, after } = hunkContext(review.texts[h.blockIndex] ?? '', h);
                const key = review.keys[i]!;
                return (
                  <li key={key} className="reocr__hunk" data-testid="reocr-hunk" data-old={h.oldText} data-new={h.newText}>
                    <span className="reocr__text">
                      <span className="reocr__context">{before}</span>
                      {h.oldText && <del className="reocr__old">{h.oldText}</del>}
                      {h.newText && <ins className="reocr__new">{h.newText}</ins>}
                      <span className="reocr__context">{after}</span>
                    </span>
                    <span className="reocr__hunk-actions">
                      <button type="button" onClick={() => flow.apply([h])} data-testid="reocr-accept">
                        {t('reocr.accept')}
                      </button>
                      <button type="button" onClick={() => flow.reject(key)} data-testid="reocr-reject">
                        {t('reocr.reject')}
                      </button>
                    </span>
                  </li>
                );
              })}
            </ol>
          )}
          {flow.keepError !== null && (
            <ErrorNotice error={flow.keepError} title={t('reocr.keepFailed')} testId="reocr-keep-error" />
          )}
          {flow.kept && (
            <p className="reocr__kept" role="status" data-testid="reocr-kept">
              {t('reocr.kept')}
            </p>
          )}
          <div className="reocr__actions">
            {review.hunks.length > 0 && (
              <button type="button" onClick={() => flow.apply(review.hunks)} data-testid="reocr-accept-all">
                {t('reocr.acceptAll', { count: review.hunks.length })}
              </button>
            )}
            {!flow.kept && (
              <button type="button" onClick={() => void flow.keep()} title={t('reocr.keepHint')} data-testid="reocr-keep">
                {t('reocr.keep')}
              </button>
            )}
          </div>
        </>
      );
      break;
    }
  }

  return (
    <section
      className="side-panel reocr"
      aria-label={t('reocr.title', { label: pageLabel })}
      data-testid="reocr-panel"
      data-page={page}
    >
      <header className="side-panel__head">
        <h2>{t('reocr.title', { label: pageLabel })}</h2>
        <button type="button" onClick={() => void close()} data-testid="reocr-close">
          {t('reocr.close')}
        </button>
      </header>
      {body}
    </section>
  );
}
