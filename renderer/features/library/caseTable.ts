import type { Stage } from '../../../shared/model/stage.ts';
import type { CaseSummary, Tag } from '../../../shared/model/entities.ts';
import type { CaseTagIds } from '../../../shared/model/tags.ts';

export const SORT_KEYS = ['number', 'title', 'organization', 'stage', 'assignee', 'tags', 'pages', 'updated'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';
export interface Sort {
  key: SortKey;
  dir: SortDir;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Missing values (no number, no pages) sort last in both directions. */
function compareNullable(a: number | null, b: number | null): number | null {
  if (a === null && b === null) return 0;
  if (a === null) return null;
  if (b === null) return null;
  return a - b;
}

/** Tag names compared one by one (by pinyin); a case whose tags begin another's comes first. */
function compareNames(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = collator.compare(a[i] as string, b[i] as string);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

interface SortContext {
  stageRank: ReadonlyMap<Stage, number>;
  tagNames: ReadonlyMap<number, readonly string[]>;
}

function compare(key: SortKey, a: CaseSummary, b: CaseSummary, ctx: SortContext): number | null {
  const { stageRank } = ctx;
  switch (key) {
    case 'number':
      return compareNullable(a.number, b.number);
    case 'title':
      return collator.compare(a.title, b.title);
    case 'organization':
      return collator.compare(a.organization, b.organization);
    case 'stage':
      return (stageRank.get(a.stage) ?? 0) - (stageRank.get(b.stage) ?? 0);
    case 'assignee':
      return collator.compare(a.assignee ?? '', b.assignee ?? '');
    case 'tags':
      return compareNames(ctx.tagNames.get(a.id) ?? [], ctx.tagNames.get(b.id) ?? []);
    case 'pages':
      return compareNullable(a.pageStart, b.pageStart);
    case 'updated':
      return a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0;
  }
}

function missing(key: SortKey, c: CaseSummary, tagNames: ReadonlyMap<number, readonly string[]>): boolean {
  switch (key) {
    case 'number':
      return c.number === null;
    case 'pages':
      return c.pageStart === null;
    case 'assignee':
      return c.assignee === null;
    case 'tags':
      return (tagNames.get(c.id)?.length ?? 0) === 0;
    default:
      return false;
  }
}

/**
 * A stable sort by one column; ties fall back to the case number, then id. `stages` is the
 * library's stage list in order (stage sorts by it); `tagNames` each case's tag names in display
 * order (see `caseTags`). Cases without a number, pages, assignee or tags sort last either way.
 */
export function sortCases(
  cases: readonly CaseSummary[],
  sort: Sort,
  stages: readonly Stage[] = [],
  tagNames: ReadonlyMap<number, readonly string[]> = new Map(),
): CaseSummary[] {
  const ctx: SortContext = { stageRank: new Map<Stage, number>(stages.map((s, i) => [s, i])), tagNames };
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...cases].sort((a, b) => {
    const ma = missing(sort.key, a, tagNames);
    const mb = missing(sort.key, b, tagNames);
    if (ma !== mb) return ma ? 1 : -1;
    const primary = compare(sort.key, a, b, ctx) ?? 0;
    if (primary !== 0) return sign * primary;
    return (compareNullable(a.number, b.number) ?? 0) || a.id - b.id;
  });
}

export function filterByStage(cases: readonly CaseSummary[], stage: Stage | null): CaseSummary[] {
  return stage === null ? [...cases] : cases.filter((c) => c.stage === stage);
}

/** Whose cases to show: anyone's, nobody's (unassigned), or one person's. */
export type AssigneeFilter = { kind: 'all' } | { kind: 'unassigned' } | { kind: 'is'; name: string };

/** The case table's filters, all of which a case must pass. */
export interface CaseFilter {
  stage: Stage | null;
  /** Cases carrying every one of these tags (none: no tag filter). */
  tagIds: readonly number[];
  assignee: AssigneeFilter;
  /** Only cases flagged 有疑问. */
  flagged: boolean;
}

export const NO_FILTER: CaseFilter = { stage: null, tagIds: [], assignee: { kind: 'all' }, flagged: false };

/** Case id → the ids of its tags. */
export type TagMap = ReadonlyMap<number, readonly number[]>;

export function toTagMap(entries: readonly CaseTagIds[]): TagMap {
  return new Map(entries.map((e) => [e.caseId, e.tagIds]));
}

export function isFiltered(f: CaseFilter): boolean {
  return f.stage !== null || f.tagIds.length > 0 || f.assignee.kind !== 'all' || f.flagged;
}

export function filterCases(cases: readonly CaseSummary[], f: CaseFilter, tagMap: TagMap): CaseSummary[] {
  const { assignee } = f;
  return cases.filter((c) => {
    if (f.stage !== null && c.stage !== f.stage) return false;
    if (f.flagged && c.flag === null) return false;
    if (assignee.kind === 'unassigned' && c.assignee !== null) return false;
    if (assignee.kind === 'is' && c.assignee !== assignee.name) return false;
    if (f.tagIds.length > 0) {
      const tags = tagMap.get(c.id) ?? [];
      if (!f.tagIds.every((id) => tags.includes(id))) return false;
    }
    return true;
  });
}

/** Adds the tag to the tag filter, or takes it out when it is in. */
export function toggleTagFilter(f: CaseFilter, tagId: number): CaseFilter {
  const tagIds = f.tagIds.includes(tagId) ? f.tagIds.filter((id) => id !== tagId) : [...f.tagIds, tagId];
  return { ...f, tagIds };
}

/** A <select> value for an assignee filter: `*` anyone, `-` unassigned, `=name` one person. */
export function assigneeFilterValue(a: AssigneeFilter): string {
  return a.kind === 'all' ? '*' : a.kind === 'unassigned' ? '-' : `=${a.name}`;
}

export function parseAssigneeFilter(value: string): AssigneeFilter {
  if (value === '-') return { kind: 'unassigned' };
  if (value.startsWith('=') && value.length > 1) return { kind: 'is', name: value.slice(1) };
  return { kind: 'all' };
}

/** The distinct assignees of these cases, by pinyin. */
export function assigneeNames(cases: readonly CaseSummary[]): string[] {
  const names = new Set<string>();
  for (const c of cases) if (c.assignee !== null) names.add(c.assignee);
  return [...names].sort(collator.compare);
}

/** Tags by name (pinyin order), as chips and sorting show them. */
export function sortTags<T extends Tag>(tags: readonly T[]): T[] {
  return [...tags].sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
}

/** Each tagged case's tags, resolved and in display order; ids of tags no longer listed are dropped. */
export function caseTags(tagMap: TagMap, tags: readonly Tag[]): Map<number, Tag[]> {
  const byId = new Map(tags.map((t) => [t.id, t]));
  const out = new Map<number, Tag[]>();
  for (const [caseId, ids] of tagMap) {
    const resolved = ids.flatMap((id) => byId.get(id) ?? []);
    if (resolved.length > 0) out.set(caseId, sortTags(resolved));
  }
  return out;
}

/** The tag ids used by these cases (for the tag filter: only tags that can match something). */
export function usedTagIds(cases: readonly CaseSummary[], tagMap: TagMap): Set<number> {
  const used = new Set<number>();
  for (const c of cases) for (const id of tagMap.get(c.id) ?? []) used.add(id);
  return used;
}

/** Whether none, some or all of the visible rows are selected (the header checkbox's state). */
export function selectionState(selected: ReadonlySet<number>, visibleIds: readonly number[]): 'none' | 'some' | 'all' {
  const n = visibleIds.filter((id) => selected.has(id)).length;
  return n === 0 ? 'none' : n === visibleIds.length ? 'all' : 'some';
}

export function toggleSelected(selected: ReadonlySet<number>, id: number): Set<number> {
  const next = new Set(selected);
  if (!next.delete(id)) next.add(id);
  return next;
}

/** The header checkbox: selects every visible row, or clears them when all already are. */
export function toggleAllVisible(selected: ReadonlySet<number>, visibleIds: readonly number[]): Set<number> {
  const next = new Set(selected);
  if (selectionState(selected, visibleIds) === 'all') for (const id of visibleIds) next.delete(id);
  else for (const id of visibleIds) next.add(id);
  return next;
}

/** What a bulk action applies to: the selected rows the filters still show, in table order. */
export function visibleSelection(selected: ReadonlySet<number>, rows: readonly CaseSummary[]): number[] {
  return rows.filter((c) => selected.has(c.id)).map((c) => c.id);
}

/** Clicking the active column flips its direction; another column starts ascending. */
export function nextSort(current: Sort, key: SortKey): Sort {
  return current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}

/** Case count per stage of the library's list, every stage present (zero when empty), in workflow order. */
export function stageCounts(cases: readonly CaseSummary[], stages: readonly Stage[]): Array<{ stage: Stage; count: number }> {
  const counts = new Map<Stage, number>(stages.map((s) => [s, 0]));
  for (const c of cases) counts.set(c.stage, (counts.get(c.stage) ?? 0) + 1);
  return stages.map((stage) => ({ stage, count: counts.get(stage) ?? 0 }));
}

/** Case numbers are printed with three digits in these books (001–100). */
export function formatCaseNumber(n: number | null): string {
  return n === null ? '' : String(n).padStart(3, '0');
}

/** `12–15`, `12` when one page, '' when unknown. */
export function formatPrintedRange(start: string | null, end: string | null): string {
  if (start === null && end === null) return '';
  if (start === null || end === null || start === end) return start ?? end ?? '';
  return `${start}–${end}`;
}
