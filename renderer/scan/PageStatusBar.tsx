import { PAGE_STATUSES, type PageStatus } from '../../shared/model/stage.ts';
import { statusShortcut } from '../editor/keymap.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Buttons setting the shown page's status (also Alt+Shift+1…5, handled by the view). */
export function PageStatusBar({
  status,
  disabled,
  onSetStatus,
}: {
  status: PageStatus | null;
  disabled: boolean;
  onSetStatus: (status: PageStatus) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="page-status-bar" role="group" aria-label={t('proof.status.set')} data-testid="page-status-bar">
      {PAGE_STATUSES.map((s) => (
        <button
          key={s}
          type="button"
          className="page-status-bar__button"
          data-status={s}
          data-testid={`page-status-${s}`}
          aria-pressed={status === s}
          disabled={disabled}
          title={`${t(`pageStatus.${s}`)} (${statusShortcut(s)})`}
          onClick={() => onSetStatus(s)}
        >
          {t(`pageStatus.${s}`)}
        </button>
      ))}
    </div>
  );
}
