import { PAGE_STATUSES } from '../../../shared/model/stage.ts';
import type { Page } from '../../../shared/model/entities.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/**
 * The volume's pages drawn as a strip, one cell per page coloured by proofreading status (the
 * Wikisource colours of the case view's page strip), with a count per status.
 */
export function PageStatusOverview({ pages }: { pages: readonly Page[] }) {
  const { t } = useI18n();
  if (pages.length === 0) return null;
  const counts = PAGE_STATUSES.map((status) => ({ status, count: pages.filter((p) => p.status === status).length }));
  return (
    <section className="overview page-status-overview" data-testid="page-overview" aria-labelledby="page-overview-title">
      <h3 id="page-overview-title">{t('overview.pagesTitle')}</h3>
      <div className="page-cells" role="img" aria-label={t('overview.pagesTitle')} data-testid="page-cells">
        {pages.map((p) => (
          <span
            key={p.id}
            className="page-cells__cell"
            data-status={p.status}
            title={`${p.printedLabel ? t('overview.printedPage', { label: p.printedLabel }) : `#${p.index + 1}`} · ${t(`pageStatus.${p.status}`)}`}
          />
        ))}
      </div>
      <ul className="overview__legend">
        {counts.map(({ status, count }) => (
          <li
            key={status}
            className={count === 0 ? 'overview__item overview__item--empty' : 'overview__item'}
            data-status={status}
            data-count={count}
          >
            <span className="overview__swatch page-cells__cell" data-status={status} aria-hidden="true" />
            {t(`pageStatus.${status}`)} <b>{count}</b>
          </li>
        ))}
      </ul>
    </section>
  );
}
