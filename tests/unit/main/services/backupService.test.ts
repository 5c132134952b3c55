import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoWeek, scheduledBackupDue } from '../../../../main/services/backupService.ts';
import { backupName } from '../../../../main/store/backups.ts';
import type { BackupInfo, BackupKind } from '../../../../shared/model/backup.ts';

function b(kind: BackupKind, iso: string): BackupInfo {
  return { name: backupName(new Date(iso), kind, kind), kind, reason: kind, createdAt: iso, size: 1 };
}

test('ISO weeks, across year ends', () => {
  assert.equal(isoWeek(new Date('2025-03-03T00:00:00Z')), '2025-W10');
  assert.equal(isoWeek(new Date('2025-03-09T23:59:59Z')), '2025-W10');
  assert.equal(isoWeek(new Date('2025-03-10T00:00:00Z')), '2025-W11');
  assert.equal(isoWeek(new Date('2024-12-30T12:00:00Z')), '2025-W01', 'Monday of the week holding 2 January');
  assert.equal(isoWeek(new Date('2021-01-03T12:00:00Z')), '2020-W53');
  assert.equal(isoWeek(new Date('2026-12-31T12:00:00Z')), '2026-W53');
});

test('a scheduled copy is due when the newest daily or weekly is 24 h old; the first of an ISO week is weekly', () => {
  const now = new Date('2025-03-05T10:00:00Z');
  assert.equal(scheduledBackupDue([], now), 'weekly', 'none yet');
  assert.equal(scheduledBackupDue([b('weekly', '2025-03-03T10:00:00Z')], now), 'daily');
  assert.equal(scheduledBackupDue([b('weekly', '2025-03-04T10:00:01Z')], now), null, "a weekly counts as that day's copy");
  assert.equal(
    scheduledBackupDue([b('weekly', '2025-03-03T10:00:00Z'), b('daily', '2025-03-04T10:00:00Z')], now),
    'daily',
    'exactly 24 h',
  );
  assert.equal(scheduledBackupDue([b('daily', '2025-03-04T12:00:00Z')], now), null);
  assert.equal(
    scheduledBackupDue([b('weekly', '2025-02-25T10:00:00Z'), b('daily', '2025-03-02T10:00:00Z')], now),
    'weekly',
    "last week's weekly does not count",
  );
  assert.equal(
    scheduledBackupDue([b('manual', '2025-03-05T09:00:00Z'), b('operation', '2025-03-05T09:30:00Z')], now),
    'weekly',
    'manual and before-operation copies do not replace the schedule',
  );
  assert.equal(
    scheduledBackupDue([b('weekly', '2025-03-03T10:00:00Z'), b('daily', '2025-03-09T10:00:00Z')], now),
    'daily',
    'a copy dated in the future (the clock was set back) is ignored',
  );
});
