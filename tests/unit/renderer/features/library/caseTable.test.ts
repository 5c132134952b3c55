import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseSummary } from '../../../../../shared/model/entities.ts';
import type { Stage } from '../../../../../shared/model/stage.ts';
import {
  filterByStage,
  formatCaseNumber,
  formatPrintedRange,
  nextSort,
  sortCases,
  stageCounts,
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
  assert.deepEqual(numbers(sortCases(cases, { key: 'stage', dir: 'asc' })), [null, 1, 2, 3]);
  assert.deepEqual(numbers(sortCases(cases, { key: 'stage', dir: 'desc' })), [3, 1, 2, null]);
});

test('sorting by pages and by update time', () => {
  assert.deepEqual(numbers(sortCases(cases, { key: 'pages', dir: 'desc' })), [3, 2, 1, null]);
  assert.deepEqual(numbers(sortCases(cases, { key: 'updated', dir: 'desc' })), [1, 3, 2, null]);
});

test('filtering by stage and counting per stage', () => {
  assert.deepEqual(numbers(filterByStage(cases, 'review2')), [1, 2]);
  assert.equal(filterByStage(cases, null).length, 4);
  const counts = stageCounts(cases);
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
