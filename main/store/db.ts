import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../shared/ipc/errors.ts';
import { listBackups, pruneBackups, takeBackupSync } from './backups.ts';
import { APPLICATION_ID, DB_FILE, checkProblems } from './libraryFile.ts';
import { acquireLock, type LibraryLock } from './lock.ts';
import { LATEST_VERSION, getUserVersion, migrate } from './migrations/index.ts';

export { APPLICATION_ID, DB_FILE };
export const SCANS_DIR = 'scans';
const BUSY_TIMEOUT_MS = 5000;

/** An open library folder: the database, the scans folder, and (unless read-only) the writer lock. */
export interface Library {
  readonly dir: string;
  readonly db: DatabaseSync;
  readonly scansDir: string;
  readonly readOnly: boolean;
  close(): void;
}

export interface OpenOptions {
  /** Open without the writer lock and without migrating; the database must exist at the current version. */
  readOnly?: boolean;
}

/**
 * Opens (creating if needed) the library in `dir`. Order matters: the lock is taken before the file
 * is touched; the file is checked (quick_check, schema version) before anything writes to it, so a
 * damaged or newer database is refused byte-for-byte intact.
 */
export function openLibrary(dir: string, opts: OpenOptions = {}): Library {
  const root = path.resolve(dir);
  const readOnly = opts.readOnly ?? false;
  const file = path.join(root, DB_FILE);
  const scansDir = path.join(root, SCANS_DIR);
  if (readOnly && !fs.existsSync(file)) {
    throw new AppError('NOT_FOUND', `No library database at ${file}`, { library: root, file });
  }
  if (!readOnly) fs.mkdirSync(root, { recursive: true });
  const lock: LibraryLock | null = readOnly ? null : acquireLock(root);
  let db: DatabaseSync;
  try {
    db = openDatabase(file, readOnly);
    if (!readOnly) fs.mkdirSync(scansDir, { recursive: true });
  } catch (err) {
    lock?.release();
    throw err;
  }
  let closed = false;
  return {
    dir: root,
    db,
    scansDir,
    readOnly,
    close() {
      if (closed) return;
      closed = true;
      try {
        if (!readOnly) db.exec('PRAGMA optimize');
        db.close();
      } finally {
        lock?.release();
      }
    },
  };
}

function openDatabase(file: string, readOnly: boolean): DatabaseSync {
  try {
    return openCheckedDatabase(file, readOnly);
  } catch (err) {
    // A refused file is left as it is; say whether a backup could replace it.
    if (err instanceof AppError && err.code === 'DB_CORRUPT') {
      throw new AppError(err.code, err.message, { ...err.details, backups: listBackups(path.dirname(file)).length });
    }
    throw err;
  }
}

function openCheckedDatabase(file: string, readOnly: boolean): DatabaseSync {
  // SQLite would silently make a 0-byte file a new, empty library; that file once held one.
  if (fs.existsSync(file) && fs.statSync(file).size === 0) {
    throw new AppError('DB_CORRUPT', `${file} is empty (0 bytes)`, { file, problems: ['empty file (0 bytes)'] });
  }
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file, { readOnly, timeout: BUSY_TIMEOUT_MS, enableForeignKeyConstraints: true });
  } catch (err) {
    throw asCorrupt(err, file) ?? err;
  }
  try {
    quickCheck(db, file);
    const version = getUserVersion(db);
    checkOwnership(db, file, version);
    if (version > LATEST_VERSION) {
      throw new AppError('DB_TOO_NEW', `${file} was written by a newer version of the app (schema ${version})`, {
        file,
        version,
        supported: LATEST_VERSION,
      });
    }
    if (readOnly) {
      if (version < LATEST_VERSION) {
        throw new AppError('CONFLICT', `${file} needs upgrading; open it for writing once`, {
          file,
          version,
          supported: LATEST_VERSION,
        });
      }
    } else {
      const mode = db.prepare('PRAGMA journal_mode = WAL').get()?.journal_mode;
      if (mode !== 'wal') throw new AppError('INTERNAL', `Could not switch ${file} to WAL (got ${String(mode)})`);
      db.exec('PRAGMA synchronous = FULL');
      if (version >= 1 && version < LATEST_VERSION) {
        // A consistent copy of the existing library before its schema changes; no copy, no migration.
        takeBackupSync(db, path.dirname(file), 'operation', `before migration ${version} to ${LATEST_VERSION}`);
        pruneBackups(path.dirname(file));
      }
      migrate(db);
    }
    return db;
  } catch (err) {
    db.close();
    throw asCorrupt(err, file) ?? err;
  }
}

function quickCheck(db: DatabaseSync, file: string): void {
  const problems = checkProblems(db, 'quick_check');
  if (problems.length > 0) {
    throw new AppError('DB_CORRUPT', `${file} is damaged: ${problems[0]}`, { file, problems: problems.slice(0, 10) });
  }
}

/** Refuses a valid SQLite file that belongs to something else, before migrations would write into it. */
function checkOwnership(db: DatabaseSync, file: string, version: number): void {
  const appId = Number(db.prepare('PRAGMA application_id').get()?.application_id ?? 0);
  const hasSchema = db.prepare('SELECT 1 FROM sqlite_schema LIMIT 1').get() !== undefined;
  if ((appId !== 0 && appId !== APPLICATION_ID) || (version === 0 && hasSchema)) {
    throw new AppError('DB_CORRUPT', `${file} is an SQLite database, but not a Casebook library`, {
      file,
      problems: ['not a library database'],
    });
  }
}

const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;
const SQLITE_READONLY = 8;

function asCorrupt(err: unknown, file: string): AppError | null {
  const code = (err as { errcode?: unknown } | null)?.errcode;
  if (typeof code !== 'number') return null;
  const primary = code & 0xff;
  if (primary !== SQLITE_CORRUPT && primary !== SQLITE_NOTADB) return null;
  const reason = err instanceof Error ? err.message : String(err);
  return new AppError('DB_CORRUPT', `${file} is not a readable library database: ${reason}`, {
    file,
    problems: [reason],
  });
}

/**
 * A full health report: quick_check plus the search index against its content table. Empty when
 * healthy; meant for a "check library" command and for tests after a crash.
 */
export function checkIntegrity(db: DatabaseSync): string[] {
  const problems = checkProblems(db, 'quick_check');
  try {
    db.exec(`INSERT INTO cases_fts(cases_fts, rank) VALUES ('integrity-check', 1)`);
  } catch (err) {
    // A read-only handle cannot run the FTS check command; the other checks still stand.
    if (((err as { errcode?: number }).errcode ?? 0) % 256 !== SQLITE_READONLY) {
      problems.push(`cases_fts: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const fk = db.prepare('PRAGMA foreign_key_check').all();
  if (fk.length > 0) problems.push(`${fk.length} rows with dangling foreign keys`);
  return problems;
}

/** True when the library holds no volume yet (first run: offer the sample). */
export function libraryIsEmpty(lib: Library): boolean {
  return lib.db.prepare('SELECT NOT EXISTS (SELECT 1 FROM volumes) AS empty').get()?.empty === 1;
}
