import { useEffect, useMemo } from 'react';
import type { VolumeDashboard } from '../../../shared/model/dashboard.ts';
import type { CaseSummary } from '../../../shared/model/entities.ts';
import type { Stage } from '../../../shared/model/stage.ts';
import type { Client } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { useAsync } from '../../ui/useAsync.ts';
import { PageStatusOverview } from '../library/PageStatusOverview.tsx';
import { StageOverview } from '../library/StageOverview.tsx';
import { ActivityFeed } from './ActivityFeed.tsx';
import { AssigneeMatrix } from './AssigneeMatrix.tsx';
import { AttentionCards } from './AttentionCards.tsx';
import { ProgressCurve } from './ProgressCurve.tsx';
import type { TableFocus } from './tableFocus.ts';
import './dashboard.css';

export interface DashboardProps {
  client: Pick<Client, 'dashboard'>;
  volumeId: number;
  /** The volume's cases, as the case table shows them (the stage overview draws them). */
  cases: readonly CaseSummary[];
  /** A new value loads the dashboard again (after an action in the volume view). */
  refreshKey: string;
  /** Shows these cases in the case table below (a click on a bar, a row or a card's button). */
  onFocus(focus: TableFocus): void;
}

/**
 * A volume drawn at a glance, above its case table: cases by stage and by assignee × stage, the
 * pages by status, the cases needing attention, sign-off progress per person and recent activity.
 * Every element leads to the filtered table, the case or the page. Loaded fresh each time the
 * volume view opens, after actions in it, and when the window comes back into view.
 */
export function Dashboard({ client, volumeId, cases, refreshKey, onFocus }: DashboardProps) {
  const { t } = useI18n();
  const dash = useAsync<VolumeDashboard>(`dashboard:${volumeId}:${refreshKey}`, () => client.dashboard.volume({ volumeId }));
  const { reload } = dash;
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload]);
  const data = dash.data;
  // Ages and "3 hours ago" count to when the answer came.
  const now = useMemo(() => (data ? new Date() : null), [data]);
  const byStage = (stage: Stage) => onFocus({ stage });

  return (
    <div className="dashboard" data-testid="dashboard" data-loading={dash.loading || undefined}>
      <StageOverview cases={cases} onStage={byStage} />
      {data === undefined || now === null ? (
        dash.error ? (
          <ErrorNotice error={dash.error} title={t('dashboard.loadFailed')} onRetry={reload} testId="dashboard-error" />
        ) : (
          <Loading />
        )
      ) : (
        <>
          {dash.error ? (
            <ErrorNotice error={dash.error} title={t('dashboard.loadFailed')} onRetry={reload} testId="dashboard-error" />
          ) : null}
          <div className="dashboard__row">
            <AssigneeMatrix rows={data.assignees} onFocus={onFocus} />
            <PageStatusOverview pages={data.pages} />
          </div>
          <AttentionCards dashboard={data} now={now} onFocus={onFocus} />
          <div className="dashboard__row">
            <ProgressCurve signoffs={data.signoffs} />
            <ActivityFeed items={data.activity} now={now} />
          </div>
        </>
      )}
    </div>
  );
}
