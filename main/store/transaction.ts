import type { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../shared/ipc/errors.ts';

let savepointSeq = 0;

/**
 * Runs `fn` in one transaction: BEGIN IMMEDIATE (so the write lock is taken up front and a busy
 * database fails at BEGIN, not halfway), COMMIT on return, ROLLBACK on throw. Nested calls become
 * savepoints, so repository functions compose into a caller's transaction.
 */
export function withTransaction<T>(db: DatabaseSync, fn: () => T): T {
  const nested = db.isTransaction;
  const savepoint = `sp_${++savepointSeq}`;
  db.exec(nested ? `SAVEPOINT ${savepoint}` : 'BEGIN IMMEDIATE');
  let result: T;
  try {
    result = fn();
    // node:sqlite is synchronous; an async fn would commit before its awaits ran.
    if (result instanceof Promise) {
      result.catch(() => {});
      throw new AppError('INTERNAL', 'withTransaction needs a synchronous function');
    }
  } catch (err) {
    if (db.isTransaction) {
      db.exec(nested ? `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}` : 'ROLLBACK');
    }
    throw err;
  }
  db.exec(nested ? `RELEASE ${savepoint}` : 'COMMIT');
  return result;
}
