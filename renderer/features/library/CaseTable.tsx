import { useMemo, useState } from 'react';
import { Stage, STAGES } from '../../../shared/model/stage.ts';
import type { CaseSummary } from '../../../shared/model/entities.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { routeHref } from '../../router.ts';
import { StageBadge } from '../../ui/StageBadge.tsx';
import {
  filterByStage,
  formatCaseNumber,
  formatPrintedRange,
  nextSort,
  sortCases,
  type Sort,
  type SortKey,
} from './caseTable.ts';

const COLUMNS: ReadonlyArray<{ key: SortKey; label: MessageKey; className?: string }> = [
  { key: 'number', label: 'cases.colNumber', className: 'data-table__col--num' },
  { key: 'title', label: 'cases.colTitle' },
  { key: 'organization', label: 'cases.colOrganization' },
  { key: 'stage', label: 'cases.colStage', className: 'data-table__col--stage' },
  { key: 'pages', label: 'cases.colPages', className: 'data-table__col--pages' },
  { key: 'updated', label: 'cases.colUpdated', className: 'data-table__col--date' },
];

export function CaseTable({ cases }: { cases: readonly CaseSummary[] }) {
  const { t, formatDateTime } = useI18n();
  const [sort, setSort] = useState<Sort>({ key: 'number', dir: 'asc' });
  const [stage, setStage] = useState<Stage | null>(null);
  const rows = useMemo(() => sortCases(filterByStage(cases, stage), sort), [cases, stage, sort]);

  return (
    <section className="case-table">
      <div className="toolbar">
        <label htmlFor="stage-filter">{t('cases.filterStage')}</label>
        <select
          id="stage-filter"
          data-testid="stage-filter"
          value={stage ?? ''}
          onChange={(e) => setStage(e.target.value === '' ? null : Stage.parse(e.target.value))}
        >
          <option value="">{t('cases.allStages')}</option>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {t(`stages.${s}`)}
            </option>
          ))}
        </select>
        <span className="muted" data-testid="case-count">
          {t('cases.count', { shown: rows.length, total: cases.length })}
        </span>
      </div>
      <table className="data-table" data-testid="case-table">
        <thead>
          <tr>
            {COLUMNS.map((col) => {
              const active = sort.key === col.key;
              return (
                <th
                  key={col.key}
                  className={col.className}
                  aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button
                    type="button"
                    className="data-table__sort-button"
                    data-testid={`sort-${col.key}`}
                    onClick={() => setSort((s) => nextSort(s, col.key))}
                  >
                    {t(col.label)}
                    <span className="data-table__sort-indicator" aria-hidden="true">
                      {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id} data-testid="case-row" data-case-id={c.id} data-stage={c.stage}>
              <td className="data-table__col--num">{formatCaseNumber(c.number)}</td>
              <td>
                <a href={routeHref({ name: 'case', id: c.id })} data-testid="case-link">
                  {c.title}
                </a>
              </td>
              <td className="muted">{c.organization}</td>
              <td className="data-table__col--stage">
                <StageBadge stage={c.stage} />
              </td>
              <td className="data-table__col--pages">{formatPrintedRange(c.printedStart, c.printedEnd) || t('common.none')}</td>
              <td className="data-table__col--date">{formatDateTime(c.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && cases.length > 0 ? <p className="empty-hint">{t('cases.noMatch')}</p> : null}
    </section>
  );
}
