import { useI18n } from '../i18n/I18nProvider.tsx';
import { describeError } from '../i18n/describeError.ts';

/**
 * An inline, translated error with the server's message as a detail line and an optional retry.
 * `title` says what failed (保存失败) when the error's own message cannot (a CONFLICT, a VALIDATION).
 */
export function ErrorNotice({
  error,
  onRetry,
  title,
  testId = 'error-notice',
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
  testId?: string;
}) {
  const i18n = useI18n();
  const { message, detail, code } = describeError(error, i18n);
  return (
    <div className="error-notice" role="alert" data-testid={testId} data-code={code}>
      <div>
        {title ? <strong>{title}</strong> : null}
        {title ? <div>{message}</div> : <strong>{message}</strong>}
        {detail ? <div className="error-notice__detail">{detail}</div> : null}
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
