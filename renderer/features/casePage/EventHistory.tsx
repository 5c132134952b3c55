import type { CaseEvent } from '../../../shared/model/entities.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { StageBadge } from '../../ui/StageBadge.tsx';

/** Stage changes of a case, newest first. */
export function EventHistory({ events }: { events: readonly CaseEvent[] }) {
  const { t, formatDateTime } = useI18n();
  if (events.length === 0) return <p className="empty-hint">{t('casePage.noEvents')}</p>;
  const ordered = [...events].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id));
  return (
    <table className="data-table event-history" data-testid="event-history">
      <thead>
        <tr>
          <th>{t('casePage.eventFrom')}</th>
          <th aria-hidden="true" />
          <th>{t('casePage.eventTo')}</th>
          <th>{t('casePage.eventWho')}</th>
          <th>{t('casePage.eventWhen')}</th>
          <th>{t('casePage.eventNote')}</th>
        </tr>
      </thead>
      <tbody>
        {ordered.map((e) => (
          <tr key={e.id} data-testid="event-row" data-from={e.fromStage ?? ''} data-to={e.toStage}>
            <td>
              {e.fromStage ? <StageBadge stage={e.fromStage} /> : <span className="muted">{t('casePage.eventCreated')}</span>}
            </td>
            <td className="event-history__arrow" aria-hidden="true">
              →
            </td>
            <td>
              <StageBadge stage={e.toStage} />
            </td>
            <td>{e.who || t('common.none')}</td>
            <td className="data-table__col--date">{formatDateTime(e.at)}</td>
            <td className="event-history__note">{e.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
