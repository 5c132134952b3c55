import type { DatabaseSync } from 'node:sqlite';

// What makes a file a library database; shared by db.ts (opening) and backups.ts (checking copies).

/** The database file inside a library folder. */
export const DB_FILE = 'library.sqlite';

/** `PRAGMA application_id` of a library database ('CsBk'), set by the first migration. */
export const APPLICATION_ID = 0x4373426b;

/** The rows of a check pragma that are not 'ok': empty when the file is healthy. */
export function checkProblems(db: DatabaseSync, pragma: 'quick_check' | 'integrity_check'): string[] {
  return db
    .prepare(`PRAGMA ${pragma}`)
    .all()
    .map((r) => String(r[pragma]))
    .filter((s) => s !== 'ok');
}
