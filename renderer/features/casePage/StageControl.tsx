import { useState } from 'react';
import { Stage, STAGES } from '../../../shared/model/stage.ts';
import type { CaseSummary } from '../../../shared/model/entities.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { usePrefs } from '../../shell/PrefsContext.tsx';
import { useShell } from '../../shell/ShellContext.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';

/** Moves a case to another stage (any direction), with an optional note; main records who from prefs. */
export function StageControl({ caseId, current, onChanged }: { caseId: number; current: Stage; onChanged(c: CaseSummary): void }) {
  const { t } = useI18n();
  const { prefs } = usePrefs();
  const { openSettings } = useShell();
  const [target, setTarget] = useState<Stage>(current);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const trimmed = note.trim();
      const updated = await api.cases.setStage({ id: caseId, stage: target, ...(trimmed ? { note: trimmed } : {}) });
      setNote('');
      onChanged(updated);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="stage-control"
      data-testid="stage-control"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t('casePage.changeStage')}</h3>
      <div className="stage-control-row">
        <label htmlFor="stage-select">{t('casePage.newStage')}</label>
        <select id="stage-select" data-testid="stage-select" value={target} onChange={(e) => setTarget(Stage.parse(e.target.value))}>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {t(`stages.${s}`)}
            </option>
          ))}
        </select>
        <label htmlFor="stage-note">{t('casePage.note')}</label>
        <input
          id="stage-note"
          data-testid="stage-note"
          value={note}
          maxLength={2000}
          placeholder={t('casePage.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
        />
        <button type="submit" className="primary" disabled={busy || target === current} data-testid="stage-confirm">
          {t('casePage.confirmStage')}
        </button>
      </div>
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
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}
