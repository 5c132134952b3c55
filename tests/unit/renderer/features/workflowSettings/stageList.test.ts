import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  insertRow,
  isChanged,
  moveRow,
  removeRow,
  renameRow,
  rowsOf,
  toStageInput,
} from '../../../../../renderer/features/workflowSettings/stageList.ts';
import { DEFAULT_WORKFLOW, type WorkflowSettings } from '../../../../../shared/workflow/settings.ts';

const keys = (rows: { key: string | null }[]) => rows.map((r) => r.key);

test('the default list round-trips unchanged: built-in stages save with a null name', () => {
  const rows = rowsOf(DEFAULT_WORKFLOW);
  assert.equal(isChanged(rows, DEFAULT_WORKFLOW), false);
  const input = toStageInput(rows);
  assert.ok(input.ok);
  assert.deepEqual(input.stages[0], { key: 'imported', name: null });
  assert.equal(input.stages.length, 8);
});

test('renaming sends the trimmed name; blanking a built-in restores its own name', () => {
  const renamed = renameRow(rowsOf(DEFAULT_WORKFLOW), 1, '  一审 ');
  assert.equal(isChanged(renamed, DEFAULT_WORKFLOW), true);
  const input = toStageInput(renamed);
  assert.ok(input.ok);
  assert.deepEqual(input.stages[1], { key: 'review1', name: '一审' });
  const settings: WorkflowSettings = { ...DEFAULT_WORKFLOW, stages: input.stages.map((s) => ({ key: s.key!, name: s.name })) };
  const restored = toStageInput(renameRow(rowsOf(settings), 1, ''));
  assert.ok(restored.ok);
  assert.deepEqual(restored.stages[1], { key: 'review1', name: null });
});

test('a stage added at a position has no key and needs a name', () => {
  const rows = insertRow(rowsOf(DEFAULT_WORKFLOW), 4, 'n1');
  assert.deepEqual(keys(rows).slice(3, 6), ['review3', null, 'proof1']);
  assert.deepEqual(toStageInput(rows), { ok: false, problem: { kind: 'nameRequired', index: 4 } });
  const named = toStageInput(renameRow(rows, 4, '外审'));
  assert.ok(named.ok);
  assert.deepEqual(named.stages[4], { name: '外审' });
});

test('moving swaps neighbours and stops at the ends; removing keeps at least two stages', () => {
  const rows = rowsOf(DEFAULT_WORKFLOW);
  assert.deepEqual(keys(moveRow(rows, 1, 1)).slice(0, 3), ['imported', 'review2', 'review1']);
  assert.deepEqual(keys(moveRow(rows, 0, -1)), keys(rows));
  assert.deepEqual(keys(moveRow(rows, 7, 1)), keys(rows));
  assert.deepEqual(keys(removeRow(rows, 2)).slice(0, 3), ['imported', 'review1', 'review3']);
  const two = rowsOf({ ...DEFAULT_WORKFLOW, stages: DEFAULT_WORKFLOW.stages.slice(0, 2) });
  assert.equal(removeRow(two, 0).length, 2);
});

test('an over-long name is caught before main sees it', () => {
  const rows = renameRow(rowsOf(DEFAULT_WORKFLOW), 2, '很'.repeat(21));
  assert.deepEqual(toStageInput(rows), { ok: false, problem: { kind: 'nameTooLong', index: 2 } });
});
