import { useId, useState, type ReactNode } from 'react';
import { Stage, STAGES } from '../../../shared/model/stage.ts';
import type { CaseSummary } from '../../../shared/model/entities.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { usePrefs } from '../../shell/PrefsContext.tsx';
import { useShell } from '../../shell/ShellContext.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { StageBadge } from '../../ui/StageBadge.tsx';
import { useSubmit } from '../../ui/useSubmit.ts';

export interface StageControlProps {
  caseId: number;
  current: Stage;
  onChanged(c: CaseSummary): void;
  /** Shown under the form in the popover (the case's stage history). */
  children?: ReactNode;
}

/**
 * The case's stage as a toolbar button; its popover moves the case to another stage (any
 * direction) with an optional note — main records who from prefs — and shows the history.
 * Remount it (key on the stage) after a change: that also closes the popover.
 */
export function StageControl({ caseId, current, onChanged, children }: StageControlProps) {
  const { t } = useI18n();
  const { prefs } = usePrefs();
  const { openSettings } = useShell();
  const popoverId = useId();
  const [target, setTarget] = useState<Stage>(current);
  const [note, setNote] = useState('');
  const form = useSubmit(async () => {
    const trimmed = note.trim();
    const updated = await api.cases.setStage({ id: caseId, stage: target, ...(trimmed ? { note: trimmed } : {}) });
    setNote('');
    onChanged(updated);
  });

  return (
    <div className="stage-control">
      <button
        type="button"
        className="stage-control__toggle"
        popoverTarget={popoverId}
        aria-haspopup="dialog"
        title={t('casePage.changeStage')}
        data-testid="stage-control-toggle"
      >
        <span className="stage-control__label">{t('casePage.stage')}</span>
        <StageBadge stage={current} testId="case-stage" />
        <span aria-hidden="true">▾</span>
      </button>
      <div
        id={popoverId}
        popover="auto"
        role="dialog"
        aria-label={t('casePage.changeStage')}
        className="stage-control__popover"
        data-testid="stage-popover"
      >
        <form className="stage-control__form" data-testid="stage-control" onSubmit={form.onSubmit}>
          <h3>{t('casePage.changeStage')}</h3>
          <div className="stage-control__row">
            <label htmlFor={`${popoverId}-select`}>{t('casePage.newStage')}</label>
            <select
              id={`${popoverId}-select`}
              data-testid="stage-select"
              value={target}
              onChange={(e) => setTarget(Stage.parse(e.target.value))}
            >
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {t(`stages.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="stage-control__row">
            <label htmlFor={`${popoverId}-note`}>{t('casePage.note')}</label>
            <input
              id={`${popoverId}-note`}
              data-testid="stage-note"
              value={note}
              maxLength={2000}
              placeholder={t('casePage.notePlaceholder')}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <div className="stage-control__row">
            <p className="hint">
              {prefs.userName ? (
                t('casePage.asUser', { name: prefs.userName })
              ) : (
                <>
                  {t('casePage.noUserName')}{' '}
                  <button type="button" className="link-button" onClick={openSettings} data-testid="set-user-name">
                    {t('casePage.setUserName')}
                  </button>
                </>
              )}
            </p>
            <button type="submit" className="primary" disabled={form.busy || target === current} data-testid="stage-confirm">
              {t('casePage.confirmStage')}
            </button>
          </div>
          {form.error ? <ErrorNotice error={form.error} /> : null}
        </form>
        {children}
      </div>
    </div>
  );
}
