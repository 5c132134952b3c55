import type { DatabaseSync } from 'node:sqlite';
import type { AssigneeCount } from '../../shared/model/tags.ts';
import { assertCasesExist, idsParam } from './caseSets.ts';
import { nowIso } from './rows.ts';
import { withTransaction } from './transaction.ts';

/** The distinct assignees of the library's cases, by name, with their case counts. */
export function listAssignees(db: DatabaseSync): AssigneeCount[] {
  return db
    .prepare(
      'SELECT assignee AS name, count(*) AS cases FROM cases WHERE assignee IS NOT NULL GROUP BY assignee ORDER BY assignee',
    )
    .all()
    .map((r) => ({ name: String(r.name), cases: Number(r.cases) }));
}

/**
 * Assigns every case in `ids` to `assignee` (null clears it), in one transaction; an unknown id
 * refuses the whole call. Only cases whose assignee changes are touched (and counted).
 */
export function assignCases(db: DatabaseSync, ids: readonly number[], assignee: string | null): { changed: number } {
  return withTransaction(db, () => {
    assertCasesExist(db, ids);
    const res = db
      .prepare(
        `UPDATE cases SET assignee = ?, updated_at = ?
          WHERE id IN (SELECT value FROM json_each(?)) AND assignee IS NOT ?`,
      )
      .run(assignee, nowIso(), idsParam(ids), assignee);
    return { changed: Number(res.changes) };
  });
}
