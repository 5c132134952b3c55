import { useI18n } from '../i18n/I18nProvider.tsx';

/** A case's 有疑问 flag as a badge (its reason on hover); nothing when the case is not flagged. */
export function FlagBadge({ reason, testId = 'flag-badge' }: { reason: string | null; testId?: string }) {
  const { t } = useI18n();
  if (reason === null) return null;
  return (
    <span className="flag-badge" title={reason || undefined} data-testid={testId}>
      {t('workflow.flagged')}
    </span>
  );
}
