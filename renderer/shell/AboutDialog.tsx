import { api } from '../api/client.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { ErrorNotice, Loading } from '../ui/ErrorNotice.tsx';
import { useAsync } from '../ui/useAsync.ts';

/** Help › About: what this is, which version, and which library is open. */
export function AboutDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const info = useAsync('about', () => api.app.info());
  return (
    <Dialog
      title={t('about.title')}
      onClose={onClose}
      testId="about-dialog"
      footer={
        <button type="button" className="primary" onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      <p>
        <strong>{t('app.name')}</strong>
      </p>
      {info.data ? (
        <dl className="form-grid">
          <dt>{t('about.version')}</dt>
          <dd data-testid="about-version">{info.data.version}</dd>
          <dt>{t('about.library')}</dt>
          <dd>{info.data.libraryPath}</dd>
        </dl>
      ) : info.error ? (
        <ErrorNotice error={info.error} onRetry={info.reload} />
      ) : (
        <Loading />
      )}
    </Dialog>
  );
}
