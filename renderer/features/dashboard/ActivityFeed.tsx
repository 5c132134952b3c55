import type { ActivityItem } from '../../../shared/model/dashboard.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { routeHref } from '../../router.ts';
import { useWorkflow } from '../../shell/WorkflowContext.tsx';
import { formatCaseNumber } from '../library/caseTable.ts';
import { relativeTime } from './timeText.ts';

/** Workflow moves that name the stage they led to. */
const MOVES: ReadonlySet<ActivityItem['kind']> = new Set(['signoff', 'sendback', 'unlock', 'move']);

/** Who signed, sent back, flagged or edited which case, when (newest first); each entry opens its case. */
export function ActivityFeed({ items, now }: { items: readonly ActivityItem[]; now: Date }) {
  const { t, language, formatDateTime } = useI18n();
  const { stageName } = useWorkflow();
  return (
    <section className="overview activity-feed" data-testid="activity-feed" aria-labelledby="activity-feed-title">
      <h3 id="activity-feed-title">{t('dashboard.activity.title')}</h3>
      {items.length === 0 ? (
        <p className="activity-feed__empty muted">{t('dashboard.activity.empty')}</p>
      ) : (
        <ol className="activity-feed__list">
          {items.map((a) => (
            <li
              key={`${a.kind}:${a.case.id}:${a.who}:${a.at}`}
              className={`activity-feed__item activity-feed__item--${a.kind}`}
              data-testid="activity-item"
              data-kind={a.kind}
              data-case-id={a.case.id}
            >
              <time className="activity-feed__when" dateTime={a.at} title={formatDateTime(a.at)}>
                {relativeTime(a.at, now, language) ?? formatDateTime(a.at)}
              </time>
              <span className="activity-feed__what">
                <b className="activity-feed__who">{a.who}</b> {t(`dashboard.activity.kinds.${a.kind}`)}{' '}
                <a href={routeHref({ name: 'case', id: a.case.id })} className="activity-feed__case">
                  {formatCaseNumber(a.case.number)} {a.case.title}
                </a>
                {MOVES.has(a.kind) && a.toStage !== null ? (
                  <span className="activity-feed__stage"> → {stageName(a.toStage)}</span>
                ) : null}
                {a.count > 1 ? <span className="muted"> {t('dashboard.activity.times', { count: a.count })}</span> : null}
                {a.note ? <span className="activity-feed__note">{a.note}</span> : null}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
