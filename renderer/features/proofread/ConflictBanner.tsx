import { useI18n } from '../../i18n/I18nProvider.tsx';

/** Shown on CONFLICT: the user chooses; nothing is overwritten without that choice. */
export function ConflictBanner({
  storedVersion,
  onReload,
  onOverwrite,
}: {
  storedVersion: number | null;
  onReload: () => void;
  onOverwrite: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="conflict-banner" role="alert" data-testid="conflict-banner">
      <span>{t('proof.conflict.message', { version: storedVersion ?? '?' })}</span>
      <button type="button" data-testid="conflict-reload" onClick={onReload}>
        {t('proof.conflict.reload')}
      </button>
      <button type="button" data-testid="conflict-overwrite" onClick={onOverwrite}>
        {t('proof.conflict.overwrite')}
      </button>
    </div>
  );
}
