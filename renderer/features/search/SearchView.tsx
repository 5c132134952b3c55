import { useState } from 'react';
import { SEARCH_LIMITS, type SearchCaseHit, type SearchSnippet } from '../../../shared/model/search.ts';
import { api } from '../../api/client.ts';
import { padPrinted } from '../../editor/pageLabels.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { routeHref, type Route, type SearchParams } from '../../router.ts';
import { useWorkflow } from '../../shell/WorkflowContext.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { StageBadge } from '../../ui/StageBadge.tsx';
import { useAsync } from '../../ui/useAsync.ts';
import { navigate } from '../../useRoute.ts';
import { formatCaseNumber } from '../library/caseTable.ts';
import { Highlighted } from './Highlighted.tsx';
import './search.css';

/** The case route that opens a snippet's hit selected (the case alone when the hit is outside its text). */
function hitRoute(caseId: number, s: SearchSnippet | undefined): Route {
  const first = s?.highlights[0];
  if (!s || s.offset === null || !first) return { name: 'case', id: caseId };
  return { name: 'case', id: caseId, hit: { at: s.offset, length: s.length, text: s.text.slice(first.start, first.end) } };
}

/** `#/search?q=…`: ranked hits across volumes, grouped by volume and case, with the filters and the exact-phrase switch. */
export function SearchView({ search }: { search: SearchParams }) {
  const { t } = useI18n();
  const { stageKeys, stageName } = useWorkflow();
  const [limit, setLimit] = useState<number>(SEARCH_LIMITS.defaultCases);
  const { query, exact, volumeId, stage, tagId } = search;
  const hasQuery = query.trim() !== '';
  const result = useAsync(hasQuery ? JSON.stringify({ ...search, limit }) : null, () =>
    api.search.cases({
      query,
      exact,
      limit,
      ...(volumeId === null ? {} : { volumeId }),
      ...(stage === null ? {} : { stage }),
      ...(tagId === null ? {} : { tagId }),
    }),
  );
  const volumes = useAsync('search:volumes', () => api.volumes.list());
  const tags = useAsync('search:tags', () => api.tags.list());
  const refine = (patch: Partial<SearchParams>) => navigate({ name: 'search', search: { ...search, ...patch } });
  const numberOrNull = (v: string) => (v === '' ? null : Number(v));

  const data = result.data;
  const shown = data?.volumes.reduce((n, g) => n + g.cases.length, 0) ?? 0;

  return (
    <div className="search-view" data-testid="search-view">
      <header className="search-view__head">
        <h1>{t('search.title')}</h1>
        {data && hasQuery ? (
          <p className="search-view__summary" data-testid="search-summary" data-total={data.total}>
            {t('search.summary', { query, total: data.total })}
            {data.total > shown ? t('search.shown', { shown }) : null}
          </p>
        ) : null}
      </header>
      <div className="search-filters" role="group" aria-label={t('search.title')}>
        <label className="search-filters__field">
          <span>{t('search.volume')}</span>
          <select
            value={volumeId ?? ''}
            onChange={(e) => refine({ volumeId: numberOrNull(e.target.value) })}
            data-testid="search-filter-volume"
          >
            <option value="">{t('search.any')}</option>
            {(volumes.data ?? []).map((v) => (
              <option key={v.id} value={v.id}>
                {v.title}
              </option>
            ))}
          </select>
        </label>
        <label className="search-filters__field">
          <span>{t('search.stage')}</span>
          <select
            value={stage ?? ''}
            onChange={(e) => refine({ stage: e.target.value || null })}
            data-testid="search-filter-stage"
          >
            <option value="">{t('search.any')}</option>
            {stageKeys.map((key) => (
              <option key={key} value={key}>
                {stageName(key)}
              </option>
            ))}
          </select>
        </label>
        <label className="search-filters__field">
          <span>{t('search.tag')}</span>
          <select
            value={tagId ?? ''}
            onChange={(e) => refine({ tagId: numberOrNull(e.target.value) })}
            data-testid="search-filter-tag"
          >
            <option value="">{t('search.any')}</option>
            {(tags.data ?? []).map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.name}
              </option>
            ))}
          </select>
        </label>
        <label className="search-filters__toggle" title={t('search.exactHint')}>
          <input
            type="checkbox"
            checked={exact}
            onChange={(e) => refine({ exact: e.target.checked })}
            data-testid="search-exact"
          />
          {t('search.exact')}
        </label>
      </div>
      {!hasQuery ? <p className="empty-hint">{t('search.typeQuery')}</p> : null}
      {result.error ? <ErrorNotice error={result.error} onRetry={result.reload} testId="search-error" /> : null}
      {hasQuery && !data && !result.error ? <Loading label={t('search.searching')} /> : null}
      {data && data.total === 0 ? (
        <p className="empty-hint" data-testid="search-empty">
          {t('search.none', { query })}
        </p>
      ) : null}
      {data?.volumes.map((g) => (
        <section key={g.volumeId} className="search-group" data-testid="search-group" data-volume-id={g.volumeId}>
          <h2 className="search-group__title">
            <a href={routeHref({ name: 'volume', id: g.volumeId })}>{g.title}</a>
            <span className="search-group__count muted">{t('search.volumeCount', { count: g.total })}</span>
          </h2>
          <ol className="search-group__cases">
            {g.cases.map((c) => (
              <CaseResult key={c.id} hit={c} />
            ))}
          </ol>
        </section>
      ))}
      {data && data.total > shown && limit < SEARCH_LIMITS.cases ? (
        <button
          type="button"
          className="search-view__more"
          disabled={result.loading}
          onClick={() => setLimit((n) => Math.min(SEARCH_LIMITS.cases, n + SEARCH_LIMITS.defaultCases))}
          data-testid="search-more"
        >
          {t('search.more')}
        </button>
      ) : null}
    </div>
  );
}

function CaseResult({ hit }: { hit: SearchCaseHit }) {
  const { t } = useI18n();
  const pageLabel = (s: SearchSnippet): string => {
    if (s.field === 'title') return t('search.fields.title');
    if (s.field === 'organization') return t('search.fields.organization');
    if (s.page === null) return '';
    return s.printedLabel
      ? t('proof.marker.printed', { label: padPrinted(s.printedLabel) })
      : t('proof.marker.unnumbered', { n: s.page + 1 });
  };
  return (
    <li className="search-case" data-testid="search-case" data-case-id={hit.id}>
      <div className="search-case__head">
        <a className="search-case__title" href={routeHref(hitRoute(hit.id, hit.snippets[0]))}>
          {hit.number !== null ? <span className="search-case__number">{formatCaseNumber(hit.number)}</span> : null}
          {hit.title}
        </a>
        <StageBadge stage={hit.stage} />
        <span className="search-case__matches muted">{t('search.matches', { count: hit.matches })}</span>
      </div>
      <ul className="search-case__hits">
        {hit.snippets.map((s, i) => (
          <li key={i}>
            <a
              className="search-hit"
              href={routeHref(hitRoute(hit.id, s))}
              title={t('search.openHit')}
              data-testid="search-hit"
              data-offset={s.offset ?? undefined}
            >
              <span className="search-hit__page">{pageLabel(s)}</span>
              <Highlighted text={s.text} highlights={s.highlights} />
            </a>
          </li>
        ))}
      </ul>
    </li>
  );
}
