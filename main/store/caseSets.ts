import type { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../shared/ipc/errors.ts';
import { rowId } from './rows.ts';

/** Case ids as one JSON parameter, read in SQL with `json_each(?)`: one bound value however many ids. */
export function idsParam(ids: readonly number[]): string {
  return JSON.stringify([...new Set(ids)]);
}

/** Refuses the whole set when any id names no case (NOT_FOUND, listing up to 20 of them), so a bulk edit writes all or nothing. */
export function assertCasesExist(db: DatabaseSync, ids: readonly number[]): void {
  const missing = db
    .prepare('SELECT j.value AS id FROM json_each(?) j WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = j.value)')
    .all(idsParam(ids))
    .map((r) => rowId(r.id as number));
  if (missing.length > 0) {
    throw new AppError('NOT_FOUND', `${missing.length} of the cases were not found`, {
      entity: 'case',
      id: missing[0],
      ids: missing.slice(0, 20),
      missing: missing.length,
    });
  }
}
