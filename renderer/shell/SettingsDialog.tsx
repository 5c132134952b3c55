import { useState } from 'react';
import { Language } from '../../shared/model/prefs.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LANGUAGES } from '../i18n/translate.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { useNotices } from '../ui/Notices.tsx';
import { useSubmit } from '../ui/useSubmit.ts';
import { WorkflowSettings } from '../features/workflowSettings/WorkflowSettings.tsx';
import { SyncSettings } from '../features/sync/SyncSettings.tsx';
import { BackupsSection } from './BackupsSection.tsx';
import { usePrefs } from './PrefsContext.tsx';

export function SettingsDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const { prefs, update } = usePrefs();
  const notices = useNotices();
  const [userName, setUserName] = useState(prefs.userName);
  const [language, setLanguage] = useState(prefs.language);
  const [ocrThreshold, setOcrThreshold] = useState(String(prefs.ocrConfidenceThreshold));
  const form = useSubmit(async () => {
    // An empty or out-of-range number is refused by the preferences' schema (VALIDATION, shown below).
    await update({
      userName: userName.trim(),
      language,
      ocrConfidenceThreshold: ocrThreshold.trim() === '' ? NaN : Number(ocrThreshold),
    });
    notices.info(t('settings.saved'));
    onClose();
  });

  return (
    <Dialog
      title={t('settings.title')}
      onClose={onClose}
      testId="settings-dialog"
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="settings-form" className="primary" disabled={form.busy} data-testid="settings-save">
            {t('common.save')}
          </button>
        </>
      }
    >
      <form id="settings-form" className="form-grid" onSubmit={form.onSubmit}>
        <label htmlFor="settings-username">{t('settings.userName')}</label>
        <div>
          <input
            id="settings-username"
            data-testid="settings-username"
            value={userName}
            maxLength={100}
            autoFocus
            onChange={(e) => setUserName(e.target.value)}
          />
          <p className="hint">{t('settings.userNameHint')}</p>
        </div>
        <label htmlFor="settings-language">{t('settings.language')}</label>
        <select
          id="settings-language"
          data-testid="settings-language"
          value={language}
          onChange={(e) => setLanguage(Language.parse(e.target.value))}
        >
          {LANGUAGES.map((lang) => (
            <option key={lang} value={lang}>
              {t(`lang.${lang}`)}
            </option>
          ))}
        </select>
        <label htmlFor="settings-ocr-threshold">{t('settings.ocrThreshold')}</label>
        <div>
          <input
            id="settings-ocr-threshold"
            data-testid="settings-ocr-threshold"
            type="number"
            min={0}
            max={100}
            step={1}
            value={ocrThreshold}
            onChange={(e) => setOcrThreshold(e.target.value)}
          />
          <p className="hint">{t('settings.ocrThresholdHint')}</p>
        </div>
      </form>
      {form.error ? <ErrorNotice error={form.error} /> : null}
      <WorkflowSettings />
      <SyncSettings />
      <BackupsSection />
    </Dialog>
  );
}
