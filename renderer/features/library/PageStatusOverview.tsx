import type { DashboardPage } from '../../../shared/model/dashboard.ts';
import { PAGE_STATUSES } from '../../../shared/model/stage.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { routeHref } from '../../router.ts';

/**
 * The volume's pages drawn as a wrapping grid, one square per page coloured by proofreading status
 * (as Wikisource's index pages, with the colours of the case view's page strip), the page number on
 * hover, and a count per status. A page with a case printed on it opens that case at that page.
 */
export function PageStatusOverview({ pages }: { pages: readonly DashboardPage[] }) {
  const { t } = useI18n();
  if (pages.length === 0) return null;
  const counts = PAGE_STATUSES.map((status) => ({ status, count: pages.filter((p) => p.status === status).length }));
  return (
    <section className="overview page-status-overview" data-testid="page-overview" aria-labelledby="page-overview-title">
      <h3 id="page-overview-title">{t('overview.pagesTitle')}</h3>
      <div className="page-cells" data-testid="page-cells">
        {pages.map((p) => {
          const label = `${p.printedLabel ? t('overview.printedPage', { label: p.printedLabel }) : t('dashboard.pages.unnumbered', { n: p.index + 1 })} · ${t(`pageStatus.${p.status}`)}`;
          return p.caseId === null ? (
            <span
              key={p.index}
              className="page-cells__cell"
              role="img"
              aria-label={label}
              title={label}
              data-status={p.status}
              data-index={p.index}
            />
          ) : (
            <a
              key={p.index}
              className="page-cells__cell page-cells__cell--link"
              href={routeHref({ name: 'case', id: p.caseId, page: p.index })}
              aria-label={label}
              title={label}
              data-status={p.status}
              data-index={p.index}
            />
          );
        })}
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
