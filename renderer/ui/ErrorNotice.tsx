import { useI18n } from '../i18n/I18nProvider.tsx';
import { describeError } from '../i18n/describeError.ts';

/** An inline, translated error with the server's message as a detail line and an optional retry. */
export function ErrorNotice({ error, onRetry, testId = 'error-notice' }: { error: unknown; onRetry?: () => void; testId?: string }) {
  const i18n = useI18n();
  const { message, detail, code } = describeError(error, i18n);
  return (
    <div className="error-notice" role="alert" data-testid={testId} data-code={code}>
      <div>
        <strong>{message}</strong>
        {detail ? <div className="error-detail">{detail}</div> : null}
      </div>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {i18n.t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="loading" role="status" data-testid="loading">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  );
}
