import type { CaseSummary } from '../../../shared/model/entities.ts';
import type { Stage } from '../../../shared/model/stage.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { stageTone, useWorkflow } from '../../shell/WorkflowContext.tsx';
import { routeHref } from '../../router.ts';
import { formatCaseNumber, sortCases, stageCounts } from './caseTable.ts';

/**
 * Where the volume stands, drawn: a stacked bar of cases per stage with a legend, and a strip with
 * one square per case (in case order) coloured by stage, each linking to its case. With `onStage`,
 * a bar segment or legend entry shows that stage's cases in the case table.
 */
export function StageOverview({ cases, onStage }: { cases: readonly CaseSummary[]; onStage?: (stage: Stage) => void }) {
  const { t } = useI18n();
  const { stageName, stageKeys } = useWorkflow();
  const counts = stageCounts(cases, stageKeys);
  const total = cases.length;
  const ordered = sortCases(cases, { key: 'number', dir: 'asc' }, stageKeys);
  return (
    <section className="overview" data-testid="stage-overview" aria-labelledby="overview-title">
      <h3 id="overview-title">{t('overview.title')}</h3>
      <div className="stage-bar" role={onStage ? 'group' : 'img'} aria-label={barLabel()} data-testid="stage-bar">
        {counts
          .filter((c) => c.count > 0)
          .map(({ stage, count }) => {
            const title = t('overview.legendCount', { stage: stageName(stage), count });
            const figure = count / total >= 0.06 ? count : '';
            return onStage ? (
              <button
                key={stage}
                type="button"
                className={`stage-bar__seg stage-bar__seg--${stageTone(stage)}`}
                style={{ flexGrow: count }}
                title={title}
                data-stage={stage}
                data-count={count}
                onClick={() => onStage(stage)}
              >
                {figure}
              </button>
            ) : (
              <div
                key={stage}
                className={`stage-bar__seg stage-bar__seg--${stageTone(stage)}`}
                style={{ flexGrow: count }}
                title={title}
                data-stage={stage}
                data-count={count}
              >
                {figure}
              </div>
            );
          })}
      </div>
      <ul className="overview__legend" data-testid="stage-legend">
        {counts.map(({ stage, count }) => (
          <li
            key={stage}
            className={count === 0 ? 'overview__item overview__item--empty' : 'overview__item'}
            data-stage={stage}
            data-count={count}
          >
            {onStage && count > 0 ? (
              <button type="button" className="overview__filter" onClick={() => onStage(stage)}>
                <span className={`overview__swatch overview__swatch--${stageTone(stage)}`} aria-hidden="true" />
                {stageName(stage)} <b>{count}</b>
              </button>
            ) : (
              <>
                <span className={`overview__swatch overview__swatch--${stageTone(stage)}`} aria-hidden="true" />
                {stageName(stage)} <b>{count}</b>
              </>
            )}
          </li>
        ))}
      </ul>
      <div className="stage-squares" data-testid="stage-squares">
        {ordered.map((c) => (
          <a
            key={c.id}
            href={routeHref({ name: 'case', id: c.id })}
            className={`stage-squares__square stage-squares__square--${stageTone(c.stage)}`}
            title={t('overview.squareTitle', {
              number: formatCaseNumber(c.number),
              title: c.title,
              stage: stageName(c.stage),
            })}
            aria-label={`${formatCaseNumber(c.number)} ${c.title}`}
            data-stage={c.stage}
          />
        ))}
      </div>
    </section>
  );

  function barLabel(): string {
    const parts = counts.filter((c) => c.count > 0).map((c) => `${stageName(c.stage)} ${c.count}`);
    return `${t('overview.barLabel')}: ${parts.join(', ')}`;
  }
}
