import type { CaseSummary } from '../../../shared/model/entities.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { routeHref } from '../../router.ts';
import { formatCaseNumber, sortCases, stageCounts } from './caseTable.ts';

/**
 * Where the volume stands, drawn: a stacked bar of cases per stage with a legend, and a strip with
 * one square per case (in case order) coloured by stage, each linking to its case.
 */
export function StageOverview({ cases }: { cases: readonly CaseSummary[] }) {
  const { t } = useI18n();
  const counts = stageCounts(cases);
  const total = cases.length;
  const ordered = sortCases(cases, { key: 'number', dir: 'asc' });
  return (
    <section className="overview" data-testid="stage-overview" aria-labelledby="overview-title">
      <h3 id="overview-title">{t('overview.title')}</h3>
      <div className="stage-bar" role="img" aria-label={barLabel()} data-testid="stage-bar">
        {counts
          .filter((c) => c.count > 0)
          .map(({ stage, count }) => (
            <div
              key={stage}
              className={`stage-bar__seg stage-bar__seg--${stage}`}
              style={{ flexGrow: count }}
              title={t('overview.legendCount', { stage: t(`stages.${stage}`), count })}
              data-stage={stage}
              data-count={count}
            >
              {count / total >= 0.06 ? count : ''}
            </div>
          ))}
      </div>
      <ul className="overview__legend" data-testid="stage-legend">
        {counts.map(({ stage, count }) => (
          <li
            key={stage}
            className={count === 0 ? 'overview__item overview__item--empty' : 'overview__item'}
            data-stage={stage}
            data-count={count}
          >
            <span className={`overview__swatch overview__swatch--${stage}`} aria-hidden="true" />
            {t(`stages.${stage}`)} <b>{count}</b>
          </li>
        ))}
      </ul>
      <div className="stage-squares" data-testid="stage-squares">
        {ordered.map((c) => (
          <a
            key={c.id}
            href={routeHref({ name: 'case', id: c.id })}
            className={`stage-squares__square stage-squares__square--${c.stage}`}
            title={t('overview.squareTitle', {
              number: formatCaseNumber(c.number),
              title: c.title,
              stage: t(`stages.${c.stage}`),
            })}
            aria-label={`${formatCaseNumber(c.number)} ${c.title}`}
            data-stage={c.stage}
          />
        ))}
      </div>
    </section>
  );

  function barLabel(): string {
    const parts = counts.filter((c) => c.count > 0).map((c) => `${t(`stages.${c.stage}`)} ${c.count}`);
    return `${t('overview.barLabel')}: ${parts.join(', ')}`;
  }
}
