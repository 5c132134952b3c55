import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { useAsync } from '../../ui/useAsync.ts';
import { EventHistory } from './EventHistory.tsx';

/** The case's stage history, folded; asked for when first unfolded (opening a case need not wait for it). */
export function StageHistory({ caseId }: { caseId: number }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const events = useAsync(open ? `events:${caseId}` : null, () => api.cases.events({ id: caseId }));
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
