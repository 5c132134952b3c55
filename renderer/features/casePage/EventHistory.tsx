import { compareEvents, type CaseEvent } from '../../../shared/workflow/events.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { StageBadge } from '../../ui/StageBadge.tsx';

/** Kinds that move the case; the others (flag, clear) are shown at the stage they happened in. */
const MOVES = new Set<CaseEvent['kind']>(['create', 'signoff', 'sendback', 'unlock', 'move']);

/**
 * A case's timeline, newest first: what happened (签字, 退回, 解锁, 有疑问…), from which stage to
 * which, who, when, the note or reason, and a mark on sign-offs that passed only because the library
 * lets one person sign consecutive passes.
 */
export function EventHistory({ events }: { events: readonly CaseEvent[] }) {
  const { t, formatDateTime } = useI18n();
  if (events.length === 0) return <p className="empty-hint">{t('casePage.noEvents')}</p>;
  const ordered = [...events].sort(compareEvents).reverse();
  return (
    <ol className="timeline" data-testid="event-history">
      {ordered.map((e) => (
        <li
          key={e.uuid}
          className={`timeline__item timeline__item--${e.kind}`}
          data-testid="event-row"
          data-kind={e.kind}
          data-from={e.fromStage ?? ''}
          data-to={e.toStage}
          data-relaxed={e.relaxed ? 'true' : undefined}
        >
          <div className="timeline__head">
            <span className="timeline__kind">{t(`workflow.kinds.${e.kind}`)}</span>
            {MOVES.has(e.kind) ? (
              <span className="timeline__stages">
                {e.fromStage && e.fromStage !== e.toStage ? (
                  <>
                    <StageBadge stage={e.fromStage} />
                    <span className="muted" aria-hidden="true">
                      →
                    </span>
                  </>
                ) : null}
                <StageBadge stage={e.toStage} />
              </span>
            ) : (
              <span className="timeline__stages">
                <StageBadge stage={e.toStage} />
              </span>
            )}
            <span className="timeline__who" data-testid="event-who">
              {e.who || t('common.none')}
            </span>
            <time className="timeline__when muted" dateTime={e.at}>
              {formatDateTime(e.at)}
            </time>
          </div>
          {e.relaxed ? (
            <p className="timeline__relaxed" data-testid="event-relaxed">
              {t('workflow.relaxed')}
            </p>
          ) : null}
          {e.note ? (
            <p className="timeline__note" data-testid="event-note">
              {e.note}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
