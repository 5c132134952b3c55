import { useI18n } from '../../i18n/I18nProvider.tsx';

interface Props {
  /** `app:info` says the library is empty: offer the bundled sample prominently. */
  offerSample: boolean;
  installing: boolean;
  onInstallSample(): void;
  onImport(): void;
  onCreate(): void;
}

export function EmptyLibrary({ offerSample, installing, onInstallSample, onImport, onCreate }: Props) {
  const { t } = useI18n();
  return (
    <div className="empty-state" data-testid="empty-library">
      <div className="empty-state__illustration" aria-hidden="true">
        <span />
        <span />
        <span />
      </div>
      <h2>{t('library.emptyTitle')}</h2>
      <p>{t('library.emptyBody')}</p>
      {offerSample ? (
        <div className="empty-state__sample">
          <button
            type="button"
            className="primary empty-state__sample-button"
            onClick={onInstallSample}
            disabled={installing}
            data-testid="install-sample"
          >
            {installing ? t('common.loading') : t('library.installSample')}
          </button>
          <p className="hint">{t('library.sampleHint')}</p>
        </div>
      ) : null}
      <div className="empty-state__actions">
        <button type="button" className={offerSample ? undefined : 'primary'} onClick={onImport} data-testid="empty-import">
          {t('library.importFile')}
        </button>
        <button type="button" onClick={onCreate} data-testid="empty-create">
          {t('library.newVolume')}
        </button>
      </div>
    </div>
  );
}
