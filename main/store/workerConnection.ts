import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../shared/ipc/errors.ts';
import { DB_FILE } from './libraryFile.ts';
import { LATEST_VERSION, getUserVersion } from './migrations/index.ts';

/** A worker's write waits this long for the main connection's short writes (saves) to finish. */
const WORKER_BUSY_TIMEOUT_MS = 30_000;

/**
 * A second connection to a library this process has open (its lock held, its file checked and
 * migrated by `openLibrary`), for a worker thread that writes off the main thread. WAL lets the
 * main connection keep reading while this one writes; writers take turns through the busy timeout.
 */
export function openWorkerConnection(libraryDir: string): DatabaseSync {
  const file = path.join(libraryDir, DB_FILE);
  const db = new DatabaseSync(file, { timeout: WORKER_BUSY_TIMEOUT_MS, enableForeignKeyConstraints: true });
  try {
    db.exec('PRAGMA synchronous = FULL');
    const version = getUserVersion(db);
    if (version !== LATEST_VERSION) {
      throw new AppError('CONFLICT', `${file} is at schema ${version}, not ${LATEST_VERSION}`, {
        file,
        version,
        supported: LATEST_VERSION,
      });
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
