import { STAGES, type Stage } from '../../../shared/model/stage.ts';
import type { CaseSummary } from '../../../shared/model/entities.ts';

export const SORT_KEYS = ['number', 'title', 'organization', 'stage', 'pages', 'updated'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';
export interface Sort {
  key: SortKey;
  dir: SortDir;
}

const stageRank = new Map<Stage, number>(STAGES.map((s, i) => [s, i]));
const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Missing values (no number, no pages) sort last in both directions. */
function compareNullable(a: number | null, b: number | null): number | null {
  if (a === null && b === null) return 0;
  if (a === null) return null;
  if (b === null) return null;
  return a - b;
}

function compare(key: SortKey, a: CaseSummary, b: CaseSummary): number | null {
  switch (key) {
    case 'number':
      return compareNullable(a.number, b.number);
    case 'title':
      return collator.compare(a.title, b.title);
    case 'organization':
      return collator.compare(a.organization, b.organization);
    case 'stage':
      return (stageRank.get(a.stage) ?? 0) - (stageRank.get(b.stage) ?? 0);
    case 'pages':
      return compareNullable(a.pageStart, b.pageStart);
    case 'updated':
      return a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0;
  }
}

function missing(key: SortKey, c: CaseSummary): boolean {
  return (key === 'number' && c.number === null) || (key === 'pages' && c.pageStart === null);
}

/** A stable sort by one column; ties fall back to the case number, then id. */
export function sortCases(cases: readonly CaseSummary[], sort: Sort): CaseSummary[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...cases].sort((a, b) => {
    const ma = missing(sort.key, a);
    const mb = missing(sort.key, b);
    if (ma !== mb) return ma ? 1 : -1;
    const primary = compare(sort.key, a, b) ?? 0;
    if (primary !== 0) return sign * primary;
    return (compareNullable(a.number, b.number) ?? 0) || a.id - b.id;
  });
}

export function filterByStage(cases: readonly CaseSummary[], stage: Stage | null): CaseSummary[] {
  return stage === null ? [...cases] : cases.filter((c) => c.stage === stage);
}

/** Clicking the active column flips its direction; another column starts ascending. */
export function nextSort(current: Sort, key: SortKey): Sort {
  return current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}

/** Case count per stage, every stage present (zero when empty), in workflow order. */
export function stageCounts(cases: readonly CaseSummary[]): Array<{ stage: Stage; count: number }> {
  const counts = new Map<Stage, number>(STAGES.map((s) => [s, 0]));
  for (const c of cases) counts.set(c.stage, (counts.get(c.stage) ?? 0) + 1);
  return STAGES.map((stage) => ({ stage, count: counts.get(stage) ?? 0 }));
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
