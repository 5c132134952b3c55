import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import { APPLICATION_ID, migrate } from '../../../../main/store/index.ts';
import {
  RETENTION,
  backupName,
  backupsToPrune,
  parseBackupName,
  type BackupInfo,
  type BackupKind,
} from '../../../../main/store/backups.ts';

const at = new Date('2025-03-01T08:15:02.123Z');

test('a backup name carries time, kind and a slug of the reason, and parses back', () => {
  const name = backupName(at, 'operation', 'Import into 《创先争优》 volume 3');
  assert.equal(name, '20250301T081502123Z-operation-import-into-volume-3.sqlite');
  assert.deepEqual(parseBackupName(name), { kind: 'operation', createdAt: at.toISOString(), slug: 'import-into-volume-3' });
  assert.equal(backupName(at, 'manual', '手动'), '20250301T081502123Z-manual.sqlite', 'no ASCII: no slug');
  assert.deepEqual(parseBackupName('20250301T081502123Z-manual.sqlite'), {
    kind: 'manual',
    createdAt: at.toISOString(),
    slug: '',
  });
  assert.equal(backupName(at, 'daily', 'daily', 2), '20250301T081502123Z-daily-daily-2.sqlite');
  assert.ok(backupName(at, 'operation', 'x'.repeat(300)).length < 100, 'the slug is bounded');
  for (const kind of ['daily', 'weekly', 'operation', 'manual', 'pre-restore'] as BackupKind[]) {
    assert.equal(parseBackupName(backupName(at, kind, 'r'))?.kind, kind);
  }
});

test('anything else in the folder is not a backup', () => {
  for (const name of [
    'library.sqlite',
    '20250301T081502123Z-manual.sqlite.json',
    '20250301T081502123Z-manual.sqlite.tmp',
    '20250301T081502123Z-manual.sqlite-wal',
    '20250301T081502123Z-hourly.sqlite',
    '20251301T081502123Z-manual.sqlite',
    '../20250301T081502123Z-manual.sqlite',
    'sub/20250301T081502123Z-manual.sqlite',
  ]) {
    assert.equal(parseBackupName(name), null, name);
  }
});

test('the migrations stamp the application id that backups and opening check for', () => {
  const db = new DatabaseSync(':memory:');
  try {
    migrate(db);
    assert.equal(Number(db.prepare('PRAGMA application_id').get()?.application_id), APPLICATION_ID);
  } finally {
    db.close();
  }
});

function series(kind: BackupKind, n: number, startMs: number, stepMs: number): BackupInfo[] {
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(startMs + i * stepMs);
    return { name: backupName(d, kind, kind), kind, reason: kind, createdAt: d.toISOString(), size: 1 };
  });
}

test('retention keeps 7 daily, 4 weekly, 10 operation copies (the newest), and every manual and pre-restore one', () => {
  const t0 = Date.parse('2025-01-01T00:00:00Z');
  const day = 86_400_000;
  const all = [
    ...series('daily', 12, t0, day),
    ...series('weekly', 6, t0, 7 * day),
    ...series('operation', 15, t0, 3_600_000),
    ...series('manual', 30, t0, day),
    ...series('pre-restore', 20, t0, day),
  ];
  // Order of the input does not matter.
  const doomed = new Set(backupsToPrune([...all].reverse()));
  const kept = all.filter((b) => !doomed.has(b.name));
  const count = (k: BackupKind) => kept.filter((b) => b.kind === k).length;
  assert.deepEqual(
    {
      daily: count('daily'),
      weekly: count('weekly'),
      operation: count('operation'),
      manual: count('manual'),
      pre: count('pre-restore'),
    },
    { daily: 7, weekly: 4, operation: 10, manual: 30, pre: 20 },
  );
  for (const kind of ['daily', 'weekly', 'operation'] as BackupKind[]) {
    const ofKind = all.filter((b) => b.kind === kind);
    assert.deepEqual(
      kept.filter((b) => b.kind === kind),
      ofKind.slice(ofKind.length - RETENTION[kind]),
      `${kind}: the newest are kept`,
    );
  }
  assert.deepEqual(backupsToPrune(series('daily', 7, t0, day)), [], 'at the limit nothing goes');
  assert.deepEqual(backupsToPrune([]), []);
});
