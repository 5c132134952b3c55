import { useEffect, useMemo, useRef, useState } from 'react';
import { Stage } from '../../../shared/model/stage.ts';
import type { CaseSummary, Tag } from '../../../shared/model/entities.ts';
import type { Client } from '../../api/client.ts';
import { useWorkflow } from '../../shell/WorkflowContext.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { routeHref } from '../../router.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { StageBadge } from '../../ui/StageBadge.tsx';
import { useAsync } from '../../ui/useAsync.ts';
import { TagChip } from '../tags/TagChip.tsx';
import { TagManagerDialog } from '../tags/TagManagerDialog.tsx';
import { CaseBulkBar, type BulkChange } from './CaseBulkBar.tsx';
import {
  assigneeFilterValue,
  assigneeNames,
  caseTags,
  filterCases,
  formatCaseNumber,
  formatPrintedRange,
  isFiltered,
  nextSort,
  NO_FILTER,
  parseAssigneeFilter,
  selectionState,
  sortCases,
  sortTags,
  toggleAllVisible,
  toggleSelected,
  toggleTagFilter,
  toTagMap,
  usedTagIds,
  visibleSelection,
  type CaseFilter,
  type Sort,
  type SortKey,
} from './caseTable.ts';
import './caseTable.css';

const COLUMNS: ReadonlyArray<{ key: SortKey; label: MessageKey; className?: string }> = [
  { key: 'number', label: 'cases.colNumber', className: 'data-table__col--num' },
  { key: 'title', label: 'cases.colTitle' },
  { key: 'organization', label: 'cases.colOrganization' },
  { key: 'stage', label: 'cases.colStage', className: 'data-table__col--stage' },
  { key: 'assignee', label: 'cases.colAssignee', className: 'data-table__col--assignee' },
  { key: 'tags', label: 'cases.colTags', className: 'data-table__col--tags' },
  { key: 'pages', label: 'cases.colPages', className: 'data-table__col--pages' },
  { key: 'updated', label: 'cases.colUpdated', className: 'data-table__col--date' },
];

const NO_TAGS: readonly Tag[] = [];

interface Props {
  cases: readonly CaseSummary[];
  volumeId: number;
  client: Pick<Client, 'cases' | 'tags'>;
  /** After a bulk assign: the case list (with its assignees) must be read again. */
  onChanged(): void;
  /** Filters to start with (e.g. a click through from elsewhere). */
  initialFilter?: Partial<CaseFilter>;
  /** The ids of the cases shown while a filter is on (in table order), null when none is (e.g. a replace's scope). */
  onFilteredChange?(ids: readonly number[] | null): void;
}

/**
 * The volume's cases: filter by stage, tags, assignee and 有疑问, sort by any column, select rows
 * and tag or assign them at once. Tags come from the volume's tag map, read beside the case list.
 */
export function CaseTable({ cases, volumeId, client, onChanged, initialFilter, onFilteredChange }: Props) {
  const { t, formatDateTime } = useI18n();
  const { stageName, stageKeys } = useWorkflow();
  const [sort, setSort] = useState<Sort>({ key: 'number', dir: 'asc' });
  const [filter, setFilter] = useState<CaseFilter>({ ...NO_FILTER, ...initialFilter });
  const [selected, setSelected] = useState<ReadonlySet<number>>(() => new Set());
  const [managing, setManaging] = useState(false);
  // Bumped after a change to tags, so the map and the tag list are read again.
  const [tagsRev, setTagsRev] = useState(0);
  const tagMapState = useAsync(`tagMap:${volumeId}:${tagsRev}`, () => client.cases.tagMap({ volumeId }));
  const tagList = useAsync(`tags:${tagsRev}`, () => client.tags.list());
  const [assigneesRev, setAssigneesRev] = useState(0);
  const libraryAssignees = useAsync(`assignees:${assigneesRev}`, () => client.cases.assignees());

  const tagMap = useMemo(() => toTagMap(tagMapState.data ?? []), [tagMapState.data]);
  const allTags = tagList.data ?? NO_TAGS;
  const tagsByCase = useMemo(() => caseTags(tagMap, allTags), [tagMap, allTags]);
  const tagNames = useMemo(() => new Map([...tagsByCase].map(([id, tags]) => [id, tags.map((tag) => tag.name)])), [tagsByCase]);
  const rows = useMemo(
    () => sortCases(filterCases(cases, filter, tagMap), sort, stageKeys, tagNames),
    [cases, filter, tagMap, sort, stageKeys, tagNames],
  );
  const visibleIds = useMemo(() => rows.map((c) => c.id), [rows]);
  const chosen = useMemo(() => visibleSelection(selected, rows), [selected, rows]);
  const selection = selectionState(selected, visibleIds);
  const filtered = isFiltered(filter);
  const reportFiltered = useRef(onFilteredChange);
  useEffect(() => {
    reportFiltered.current = onFilteredChange;
  });
  useEffect(() => {
    reportFiltered.current?.(filtered ? visibleIds : null);
  }, [filtered, visibleIds]);

  const volumeAssignees = useMemo(() => assigneeNames(cases), [cases]);
  // The filter offers this volume's assignees (and the one chosen, even if no case has it any more).
  const filterAssignees =
    filter.assignee.kind === 'is' && !volumeAssignees.includes(filter.assignee.name)
      ? [...volumeAssignees, filter.assignee.name]
      : volumeAssignees;
  const offeredAssignees = useMemo(
    () => [...new Set([...volumeAssignees, ...(libraryAssignees.data ?? []).map((a) => a.name)])],
    [volumeAssignees, libraryAssignees.data],
  );
  const filterTags = useMemo(() => {
    const used = usedTagIds(cases, tagMap);
    return sortTags(allTags.filter((tag) => used.has(tag.id) || filter.tagIds.includes(tag.id)));
  }, [cases, tagMap, allTags, filter.tagIds]);
  const removable = useMemo(() => {
    const ids = new Set(chosen.flatMap((id) => tagMap.get(id) ?? []));
    return sortTags(allTags.filter((tag) => ids.has(tag.id)));
  }, [chosen, tagMap, allTags]);

  function bulkDone(change: BulkChange) {
    if (change === 'tags') setTagsRev((n) => n + 1);
    else {
      setAssigneesRev((n) => n + 1);
      onChanged();
    }
  }

  return (
    <section className="case-table">
      <div className="toolbar case-table__filters">
        <label htmlFor="stage-filter">{t('cases.filterStage')}</label>
        <select
          id="stage-filter"
          data-testid="stage-filter"
          value={filter.stage ?? ''}
          onChange={(e) => setFilter((f) => ({ ...f, stage: e.target.value === '' ? null : Stage.parse(e.target.value) }))}
        >
          <option value="">{t('cases.allStages')}</option>
          {stageKeys.map((s) => (
            <option key={s} value={s}>
              {stageName(s)}
            </option>
          ))}
        </select>
        <label htmlFor="assignee-filter" className="visually-hidden">
          {t('cases.filterAssignee')}
        </label>
        <select
          id="assignee-filter"
          data-testid="assignee-filter"
          value={assigneeFilterValue(filter.assignee)}
          onChange={(e) => setFilter((f) => ({ ...f, assignee: parseAssigneeFilter(e.target.value) }))}
        >
          <option value="*">{t('cases.allAssignees')}</option>
          <option value="-">{t('cases.unassigned')}</option>
          {filterAssignees.map((name) => (
            <option key={name} value={assigneeFilterValue({ kind: 'is', name })}>
              {name}
            </option>
          ))}
        </select>
        <label className="case-table__check-label">
          <input
            type="checkbox"
            checked={filter.flagged}
            onChange={(e) => setFilter((f) => ({ ...f, flagged: e.target.checked }))}
            data-testid="flag-filter"
          />
          {t('cases.filterFlagged')}
        </label>
        {filtered ? (
          <button type="button" className="link-button" onClick={() => setFilter(NO_FILTER)} data-testid="clear-filters">
            {t('cases.clearFilters')}
          </button>
        ) : null}
        <span className="muted" data-testid="case-count">
          {t('cases.count', { shown: rows.length, total: cases.length })}
        </span>
        <button type="button" onClick={() => setManaging(true)} data-testid="manage-tags">
          {t('cases.manageTags')}
        </button>
      </div>
      {filterTags.length > 0 ? (
        <div className="case-table__tag-filter" role="group" aria-label={t('cases.filterTags')} data-testid="tag-filter">
          {filterTags.map((tag) => (
            <button
              key={tag.id}
              type="button"
              className="case-table__tag-toggle"
              aria-pressed={filter.tagIds.includes(tag.id)}
              onClick={() => setFilter((f) => toggleTagFilter(f, tag.id))}
              data-testid="tag-filter-option"
              data-name={tag.name}
            >
              <TagChip tag={tag} />
            </button>
          ))}
        </div>
      ) : null}
      {tagMapState.error ? <ErrorNotice error={tagMapState.error} onRetry={tagMapState.reload} /> : null}
      {tagList.error ? <ErrorNotice error={tagList.error} onRetry={tagList.reload} /> : null}
      {chosen.length > 0 ? (
        <CaseBulkBar
          ids={chosen}
          tags={allTags}
          removable={removable}
          assignees={offeredAssignees}
          client={client}
          onDone={bulkDone}
          onClear={() => setSelected(new Set())}
        />
      ) : null}
      <table className="data-table" data-testid="case-table">
        <thead>
          <tr>
            <th className="data-table__col--check">
              <input
                type="checkbox"
                aria-label={t('cases.selectAllVisible')}
                checked={selection === 'all'}
                ref={(el) => {
                  if (el) el.indeterminate = selection === 'some';
                }}
                disabled={rows.length === 0}
                onChange={() => setSelected((s) => toggleAllVisible(s, visibleIds))}
                data-testid="select-all"
              />
            </th>
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
          {rows.map((c) => {
            const isSelected = selected.has(c.id);
            return (
              <tr
                key={c.id}
                className={isSelected ? 'data-table__row--selected' : undefined}
                data-testid="case-row"
                data-case-id={c.id}
                data-stage={c.stage}
                data-assignee={c.assignee ?? ''}
              >
                <td className="data-table__col--check">
                  <input
                    type="checkbox"
                    aria-label={t('cases.selectCase', { title: c.title })}
                    checked={isSelected}
                    onChange={() => setSelected((s) => toggleSelected(s, c.id))}
                    data-testid="case-select"
                  />
                </td>
                <td className="data-table__col--num">{formatCaseNumber(c.number)}</td>
                <td>
                  <a href={routeHref({ name: 'case', id: c.id })} data-testid="case-link">
                    {c.title}
                  </a>
                  {c.flag !== null ? (
                    <span
                      className="case-table__flag"
                      title={c.flag ? t('cases.flaggedReason', { reason: c.flag }) : t('cases.flagged')}
                      data-testid="case-flag"
                    >
                      {t('cases.flagged')}
                    </span>
                  ) : null}
                </td>
                <td className="muted">{c.organization}</td>
                <td className="data-table__col--stage">
                  <StageBadge stage={c.stage} />
                </td>
                <td className="data-table__col--assignee" data-testid="case-assignee">
                  {c.assignee ?? <span className="muted">{t('common.none')}</span>}
                </td>
                <td className="data-table__col--tags" data-testid="case-tags">
                  {(tagsByCase.get(c.id) ?? NO_TAGS).map((tag) => (
                    <TagChip key={tag.id} tag={tag} />
                  ))}
                </td>
                <td className="data-table__col--pages">{formatPrintedRange(c.printedStart, c.printedEnd) || t('common.none')}</td>
                <td className="data-table__col--date">{formatDateTime(c.updatedAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && cases.length > 0 ? <p className="empty-hint">{t('cases.noMatch')}</p> : null}
      {managing ? (
        <TagManagerDialog client={client} onClose={() => setManaging(false)} onChanged={() => setTagsRev((n) => n + 1)} />
      ) : null}
    </section>
  );
}
