import { test } from 'node:test';
import assert from 'node:assert/strict';
import { focusFilter } from '../../../../../renderer/features/dashboard/tableFocus.ts';
import { NO_FILTER } from '../../../../../renderer/features/library/caseTable.ts';
import { daysSince, relativeTime } from '../../../../../renderer/features/dashboard/timeText.ts';

test('a dashboard click becomes exactly that case-table filter', () => {
  assert.deepEqual(focusFilter({}), NO_FILTER);
  assert.deepEqual(focusFilter({ stage: 'review2' }), { ...NO_FILTER, stage: 'review2' });
  assert.deepEqual(focusFilter({ assignee: '王', stage: 'final' }), {
    ...NO_FILTER,
    stage: 'final',
    assignee: { kind: 'is', name: '王' },
  });
  assert.deepEqual(focusFilter({ assignee: null }), { ...NO_FILTER, assignee: { kind: 'unassigned' } });
  assert.deepEqual(focusFilter({ flagged: true }), { ...NO_FILTER, flagged: true });
});

test('ages in whole days, and a relative time that grows its unit, then gives up for the date', () => {
  const now = new Date('2025-03-10T12:00:00Z');
  assert.equal(daysSince('2025-03-10T01:00:00Z', now), 0);
  assert.equal(daysSince('2025-03-07T12:00:01Z', now), 2);
  assert.equal(daysSince('2025-03-11T00:00:00Z', now), 0, 'the future is today');
  assert.equal(relativeTime('2025-03-10T11:59:30Z', now, 'en'), 'now');
  assert.equal(relativeTime('2025-03-10T11:55:00Z', now, 'en'), '5 minutes ago');
  assert.equal(relativeTime('2025-03-10T09:00:00Z', now, 'en'), '3 hours ago');
  assert.equal(relativeTime('2025-03-09T09:00:00Z', now, 'en'), 'yesterday');
  assert.equal(relativeTime('2025-03-09T09:00:00Z', now, 'zh-CN'), '昨天');
  assert.equal(relativeTime('2025-01-01T00:00:00Z', now, 'en'), null);
  assert.equal(relativeTime('not a time', now, 'en'), null);
});
