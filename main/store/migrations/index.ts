import type { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../../shared/ipc/errors.ts';
import { withTransaction } from '../transaction.ts';
import * as m0001 from './0001-initial.ts';
import * as m0002 from './0002-revision-chars.ts';
import * as m0003 from './0003-workflow.ts';
import * as m0004 from './0004-words.ts';
import * as m0005 from './0005-replace-batches.ts';
import * as m0006 from './0006-block-ids.ts';
import * as m0007 from './0007-page-ocr.ts';
import * as m0008 from './0008-team-sync.ts';
import * as m0009 from './0009-sync-certificate.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: DatabaseSync): void;
}

/** Every migration, in order. Append only: a shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009];

export const LATEST_VERSION = MIGRATIONS.length;

MIGRATIONS.forEach((m, i) => {
  if (m.version !== i + 1) throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`);
});

export function getUserVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get();
  return Number(row?.user_version ?? 0);
}

/**
 * Applies every pending migration in one transaction, so a failure leaves the file at its old
 * version. `migrations` defaults to all of them; tests pass a prefix to build an older database.
 * Returns the versions applied.
 */
export function migrate(db: DatabaseSync, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const latest = migrations.length;
  return withTransaction(db, () => {
    const current = getUserVersion(db);
    if (current > latest) {
      throw new AppError('DB_TOO_NEW', `Database schema version ${current} is newer than this app (${latest})`, {
        version: current,
        supported: latest,
      });
    }
    const pending = migrations.filter((m) => m.version > current);
    for (const m of pending) m.up(db);
    if (pending.length > 0) {
      const broken = db.prepare('PRAGMA foreign_key_check').all();
      if (broken.length > 0) {
        throw new AppError('INTERNAL', 'Migration left dangling foreign keys', { rows: broken.length });
      }
      // PRAGMA takes no bound parameters; the value is an integer we computed.
      db.exec(`PRAGMA user_version = ${latest}`);
    }
    return pending.map((m) => m.version);
  });
}

/** The schema as SQL text, ordered, for comparing a fresh database with an upgraded one. */
export function schemaSnapshot(db: DatabaseSync): string[] {
  return db
    .prepare(
      `SELECT type || ' ' || name || ': ' || coalesce(sql, '') AS s FROM sqlite_schema
       WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`,
    )
    .all()
    .map((r) => String(r.s));
}
