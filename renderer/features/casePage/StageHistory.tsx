import { useState } from 'react';
import { api, type Client } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { useAsync } from '../../ui/useAsync.ts';
import { EventHistory } from './EventHistory.tsx';

/**
 * The case's timeline, folded; asked for when first unfolded (opening a case need not wait for it)
 * and again whenever `revision` changes (after an action on the case).
 */
export function StageHistory({
  caseId,
  revision = 0,
  client = api,
}: {
  caseId: number;
  revision?: number;
  client?: Pick<Client, 'cases'>;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const events = useAsync(open ? `events:${caseId}:${revision}` : null, () => client.cases.events({ id: caseId }));
  return (
    <details className="stage-history" data-testid="event-history-section" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <h2>{t('casePage.history')}</h2>
      </summary>
      {!open ? null : events.data ? (
        <EventHistory events={events.data} />
      ) : events.error ? (
        <ErrorNotice error={events.error} onRetry={events.reload} />
      ) : (
        <Loading />
      )}
    </details>
  );
}
