import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseSummary } from '../../../../../shared/model/entities.ts';
import { DEFAULT_STAGES, type Stage } from '../../../../../shared/model/stage.ts';
import {
  assigneeFilterValue,
  assigneeNames,
  caseTags,
  filterByStage,
  filterCases,
  formatCaseNumber,
  formatPrintedRange,
  isFiltered,
  nextSort,
  NO_FILTER,
  parseAssigneeFilter,
  selectionState,
  sortCases,
  stageCounts,
  toggleAllVisible,
  toggleSelected,
  toggleTagFilter,
  toTagMap,
  usedTagIds,
  visibleSelection,
  type AssigneeFilter,
  type CaseFilter,
} from '../../../../../renderer/features/library/caseTable.ts';

let id = 0;
function kase(number: number | null, title: string, stage: Stage, pageStart: number | null, updatedAt: string): CaseSummary {
  id++;
  return {
    id,
    volumeId: 1,
    number,
    title,
    organization: `单位${id}`,
    stage,
    assignee: null,
    pageStart,
    pageEnd: pageStart,
    printedStart: pageStart === null ? null : String(pageStart),
    printedEnd: pageStart === null ? null : String(pageStart + 3),
    version: 1,
    updatedAt,
    flag: null,
  };
}
const cases = [
  kase(3, '丙', 'final', 9, '2026-01-03T00:00:00Z'),
  kase(1, '甲', 'review2', 1, '2026-01-05T00:00:00Z'),
  kase(null, '无号', 'imported', null, '2026-01-01T00:00:00Z'),
  kase(2, '乙', 'review2', 5, '2026-01-02T00:00:00Z'),
];
const numbers = (xs: CaseSummary[]) => xs.map((c) => c.number);

test('sorting by number, both ways, keeps unnumbered cases last', () => {
  assert.deepEqual(numbers(sortCases(cases, { key: 'number', dir: 'asc' })), [1, 2, 3, null]);
  assert.deepEqual(numbers(sortCases(cases, { key: 'number', dir: 'desc' })), [3, 2, 1, null]);
});

test('sorting by stage follows the workflow, ties by number', () => {
  assert.deepEqual(numbers(sortCases(cases, { key: 'stage', dir: 'asc' }, DEFAULT_STAGES)), [null, 1, 2, 3]);
  assert.deepEqual(numbers(sortCases(cases, { key: 'stage', dir: 'desc' }, DEFAULT_STAGES)), [3, 1, 2, null]);
  // A library's own order wins: here 定稿 comes before 复审.
  const custom = ['imported', 'final', 'review2'];
  assert.deepEqual(numbers(sortCases(cases, { key: 'stage', dir: 'asc' }, custom)), [null, 3, 1, 2]);
});

test('sorting by pages and by update time', () => {
  assert.deepEqual(numbers(sortCases(cases, { key: 'pages', dir: 'desc' })), [3, 2, 1, null]);
  assert.deepEqual(numbers(sortCases(cases, { key: 'updated', dir: 'desc' })), [1, 3, 2, null]);
});

test('filtering by stage and counting per stage', () => {
  assert.deepEqual(numbers(filterByStage(cases, 'review2')), [1, 2]);
  assert.equal(filterByStage(cases, null).length, 4);
  const counts = stageCounts(cases, DEFAULT_STAGES);
  assert.equal(counts.length, 8);
  assert.deepEqual(
    counts.filter((c) => c.count > 0),
    [
      { stage: 'imported', count: 1 },
      { stage: 'review2', count: 2 },
      { stage: 'final', count: 1 },
    ],
  );
});

test('clicking a header: same column flips, another starts ascending', () => {
  assert.deepEqual(nextSort({ key: 'title', dir: 'asc' }, 'title'), { key: 'title', dir: 'desc' });
  assert.deepEqual(nextSort({ key: 'title', dir: 'desc' }, 'stage'), { key: 'stage', dir: 'asc' });
});

test('formatting numbers and printed ranges', () => {
  assert.equal(formatCaseNumber(1), '001');
  assert.equal(formatCaseNumber(100), '100');
  assert.equal(formatCaseNumber(null), '');
  assert.equal(formatPrintedRange('1', '4'), '1–4');
  assert.equal(formatPrintedRange('7', '7'), '7');
  assert.equal(formatPrintedRange(null, '4'), '4');
  assert.equal(formatPrintedRange(null, null), '');
});

// Tags, assignees and the 有疑问 flag: four cases of their own so the fixtures above stay as they are.
const [p1, p2, p3, p4] = [
  { ...kase(11, '一', 'review1', 1, '2026-02-01T00:00:00Z'), assignee: '王编辑' },
  { ...kase(12, '二', 'review1', 2, '2026-02-01T00:00:00Z'), assignee: '李校对', flag: '引文待核' },
  { ...kase(13, '三', 'proof1', 3, '2026-02-01T00:00:00Z'), flag: '' },
  { ...kase(14, '四', 'proof1', 4, '2026-02-01T00:00:00Z'), assignee: '王编辑' },
] as [CaseSummary, CaseSummary, CaseSummary, CaseSummary];
const people = [p1, p2, p3, p4];
const TAGS = [
  { id: 1, name: '社区', color: '#3b73c4' },
  { id: 2, name: '农村', color: '' },
  { id: 3, name: '高校', color: '#c73a3a' },
];
// p1: 社区 农村 · p2: 社区 · p3: none · p4: 高校 (and a tag id no longer listed)
const tagMap = toTagMap([
  { caseId: p1.id, tagIds: [2, 1] },
  { caseId: p2.id, tagIds: [1] },
  { caseId: p4.id, tagIds: [3, 99] },
]);
const filtered = (f: Partial<CaseFilter>) => numbers(filterCases(people, { ...NO_FILTER, ...f }, tagMap));

test('filtering by tags needs every chosen tag; the filters combine', () => {
  assert.deepEqual(filtered({}), [11, 12, 13, 14]);
  assert.deepEqual(filtered({ tagIds: [1] }), [11, 12]);
  assert.deepEqual(filtered({ tagIds: [1, 2] }), [11]);
  assert.deepEqual(filtered({ tagIds: [99] }), [14]);
  assert.deepEqual(filtered({ tagIds: [1], stage: 'review1', assignee: { kind: 'is', name: '李校对' } }), [12]);
  assert.deepEqual(filtered({ tagIds: [3], stage: 'review1' }), []);
});

test('filtering by assignee: anyone, nobody, one person', () => {
  assert.deepEqual(filtered({ assignee: { kind: 'is', name: '王编辑' } }), [11, 14]);
  assert.deepEqual(filtered({ assignee: { kind: 'unassigned' } }), [13]);
  assert.deepEqual(filtered({ assignee: { kind: 'is', name: '无此人' } }), []);
});

test('filtering by the 有疑问 flag counts a flag without a reason', () => {
  assert.deepEqual(filtered({ flagged: true }), [12, 13]);
  assert.deepEqual(filtered({ flagged: true, assignee: { kind: 'unassigned' } }), [13]);
});

test('whether a filter is on, and toggling a tag in and out of it', () => {
  assert.equal(isFiltered(NO_FILTER), false);
  const on = toggleTagFilter(NO_FILTER, 1);
  assert.deepEqual(on.tagIds, [1]);
  assert.equal(isFiltered(on), true);
  assert.deepEqual(toggleTagFilter(toggleTagFilter(on, 2), 1).tagIds, [2]);
  assert.equal(isFiltered(toggleTagFilter(on, 1)), false);
  assert.equal(isFiltered({ ...NO_FILTER, flagged: true }), true);
  assert.equal(isFiltered({ ...NO_FILTER, assignee: { kind: 'unassigned' } }), true);
  assert.deepEqual(NO_FILTER.tagIds, [], 'toggling never changes the shared empty filter');
});

test('assignee filters survive the round trip through a <select> value, names with = or - included', () => {
  const all: AssigneeFilter[] = [
    { kind: 'all' },
    { kind: 'unassigned' },
    { kind: 'is', name: '王编辑' },
    { kind: 'is', name: '-' },
    { kind: 'is', name: '=x' },
  ];
  for (const f of all) assert.deepEqual(parseAssigneeFilter(assigneeFilterValue(f)), f);
  assert.deepEqual(parseAssigneeFilter('='), { kind: 'all' });
  assert.deepEqual(parseAssigneeFilter('junk'), { kind: 'all' });
});

test('the assignees and tags of a volume, in pinyin order; unknown tag ids dropped', () => {
  assert.deepEqual(assigneeNames(people), ['李校对', '王编辑']);
  const resolved = caseTags(tagMap, TAGS);
  // 农村 (nóng) before 社区 (shè); 高校 alone, the unlisted id 99 gone.
  assert.deepEqual(
    resolved.get(p1.id)?.map((t) => t.name),
    ['农村', '社区'],
  );
  assert.deepEqual(
    resolved.get(p4.id)?.map((t) => t.name),
    ['高校'],
  );
  assert.equal(resolved.has(p3.id), false);
  assert.deepEqual([...usedTagIds([p1, p3], tagMap)].sort(), [1, 2]);
});

test('sorting by assignee and by tags (pinyin), the unassigned and untagged last both ways', () => {
  const names = new Map([...caseTags(tagMap, TAGS)].map(([id, tags]) => [id, tags.map((t) => t.name)]));
  // 李 (lǐ) before 王 (wáng); ties by number.
  assert.deepEqual(numbers(sortCases(people, { key: 'assignee', dir: 'asc' })), [12, 11, 14, 13]);
  assert.deepEqual(numbers(sortCases(people, { key: 'assignee', dir: 'desc' })), [11, 14, 12, 13]);
  // 高校 (gāo) < 农村 社区 (nóng…) < 社区 (shè); untagged 13 last.
  assert.deepEqual(numbers(sortCases(people, { key: 'tags', dir: 'asc' }, [], names)), [14, 11, 12, 13]);
  assert.deepEqual(numbers(sortCases(people, { key: 'tags', dir: 'desc' }, [], names)), [12, 11, 14, 13]);
  // Without tag names every case is untagged: number order.
  assert.deepEqual(numbers(sortCases(people, { key: 'tags', dir: 'asc' })), [11, 12, 13, 14]);
});

test('selecting rows: one at a time, all visible, and what a bulk action gets', () => {
  const visible = [p1.id, p2.id];
  let sel = toggleSelected(new Set(), p1.id);
  assert.equal(selectionState(sel, visible), 'some');
  sel = toggleAllVisible(sel, visible);
  assert.equal(selectionState(sel, visible), 'all');
  sel = toggleSelected(sel, p4.id);
  // A hidden selected row is left out of the bulk action.
  assert.deepEqual(visibleSelection(sel, [p2, p1]), [p2.id, p1.id]);
  sel = toggleAllVisible(sel, visible);
  assert.equal(selectionState(sel, visible), 'none');
  assert.deepEqual([...sel], [p4.id], 'clearing the visible rows keeps the hidden one');
  assert.equal(selectionState(new Set(), []), 'none');
  assert.deepEqual(toggleSelected(new Set([p1.id]), p1.id).size, 0);
});
