import { PAGE_STATUSES, type PageStatus } from '../../shared/model/stage.ts';
import { statusShortcut } from '../features/proofread/keymap.ts';
import { useProofT } from '../features/proofread/strings.ts';

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
  const t = useProofT();
  return (
    <div className="cb-status" role="group" aria-label={t('proof.status.set')} data-testid="page-status-bar">
      {PAGE_STATUSES.map((s) => (
        <button
          key={s}
          type="button"
          className="cb-status__button"
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
