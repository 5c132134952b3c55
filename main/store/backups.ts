import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync, backup } from 'node:sqlite';
import { AppError } from '../../shared/ipc/errors.ts';
import type { BackupInfo, BackupKind, RestoredBackup } from '../../shared/model/backup.ts';
import { APPLICATION_ID, DB_FILE, checkProblems } from './libraryFile.ts';
import { acquireLock } from './lock.ts';

export const BACKUPS_DIR = 'backups';
export type { BackupInfo, BackupKind, RestoredBackup };

/** How many copies of each kind are kept; manual and pre-restore copies are never pruned (the user made or caused them). */
export const RETENTION: Readonly<Record<BackupKind, number>> = {
  daily: 7,
  weekly: 4,
  operation: 10,
  manual: Infinity,
  'pre-restore': Infinity,
};

const EXT = '.sqlite';
/** `20250301T081502123Z-operation-import-volume-3.sqlite`: time (UTC, ms), kind, a slug of the reason. */
const NAME_RE = /^(\d{8}T\d{9}Z)-(daily|weekly|operation|manual|pre-restore)(?:-([a-z0-9-]+))?\.sqlite$/;
const SLUG_MAX = 40;
const STALE_TMP_MS = 24 * 3600_000;
/** backup()'s pages per step; node:sqlite takes no negative "all", so the largest int32. */
const ALL_PAGES = 2 ** 31 - 1;
/** A WAL reader waits only while another connection recovers or checkpoints-restarts the WAL. */
const SNAPSHOT_BUSY_MS = 5000;

export function backupsDir(libraryDir: string): string {
  return path.join(path.resolve(libraryDir), BACKUPS_DIR);
}

/**
 * A consistent copy of the open database by SQLite's online backup, written under a temporary name,
 * turned into a self-contained rollback-journal file, checked with integrity_check, then renamed in.
 *
 * The copy reads through its own read-only connection to `db`'s file, in one backup step: that step
 * is one WAL read transaction (a snapshot of what was committed), run on libuv's thread pool, so
 * saves on `db` carry on meanwhile. Stepping on `db` itself fails with SQLITE_LOCKED whenever a step
 * meets a transaction open on it, and small steps from a second connection restart after every
 * write from `db` (https://www.sqlite.org/c3ref/backup_finish.html). `at` (default now) dates the
 * copy; the scheduler passes its own clock.
 */
export async function takeBackup(
  db: DatabaseSync,
  libraryDir: string,
  kind: BackupKind,
  reason: string,
  at: Date = new Date(),
): Promise<BackupInfo> {
  const pending = beginCopy(libraryDir, kind, reason, at);
  const file = db.location();
  const source = file ? new DatabaseSync(file, { readOnly: true, timeout: SNAPSHOT_BUSY_MS }) : db;
  try {
    await backup(source, pending.tmp, { rate: ALL_PAGES });
    return completeCopy(pending);
  } catch (err) {
    throw abandonCopy(pending, err);
  } finally {
    if (source !== db) source.close();
  }
}

/**
 * The same copy for callers that cannot await (opening a library before migrating it): `VACUUM INTO`
 * writes a compact, consistent snapshot from one read transaction, then the same checks and rename.
 */
export function takeBackupSync(
  db: DatabaseSync,
  libraryDir: string,
  kind: BackupKind,
  reason: string,
  at: Date = new Date(),
): BackupInfo {
  const pending = beginCopy(libraryDir, kind, reason, at);
  try {
    db.prepare('VACUUM INTO ?').run(pending.tmp);
    return completeCopy(pending);
  } catch (err) {
    throw abandonCopy(pending, err);
  }
}

interface PendingCopy {
  libraryDir: string;
  dir: string;
  name: string;
  tmp: string;
  kind: BackupKind;
  reason: string;
  createdAt: string;
}

function beginCopy(libraryDir: string, kind: BackupKind, reason: string, at: Date): PendingCopy {
  const dir = backupsDir(libraryDir);
  fs.mkdirSync(dir, { recursive: true });
  const name = freeName(dir, at, kind, reason);
  const tmp = `${path.join(dir, name)}.tmp`;
  return { libraryDir: path.resolve(libraryDir), dir, name, tmp, kind, reason, createdAt: at.toISOString() };
}

function completeCopy(p: PendingCopy): BackupInfo {
  const final = path.join(p.dir, p.name);
  finishCopy(p.tmp);
  fsyncFile(p.tmp);
  fs.renameSync(p.tmp, final);
  fsyncDir(p.dir);
  writeSidecar(final, { kind: p.kind, reason: p.reason, createdAt: p.createdAt });
  return { name: p.name, kind: p.kind, reason: p.reason, createdAt: p.createdAt, size: fs.statSync(final).size };
}

function abandonCopy(p: PendingCopy, err: unknown): AppError {
  removeQuietly(p.tmp, `${p.tmp}-wal`, `${p.tmp}-shm`, `${p.tmp}-journal`);
  if (err instanceof AppError) return err;
  return new AppError('INTERNAL', `Backup failed: ${err instanceof Error ? err.message : String(err)}`, {
    library: p.libraryDir,
  });
}

/** Every backup in the library's `backups/` folder, newest first. Needs no database. */
export function listBackups(libraryDir: string): BackupInfo[] {
  const dir = backupsDir(libraryDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const out: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    let size: number;
    try {
      const st = fs.statSync(path.join(dir, name));
      if (!st.isFile()) continue;
      size = st.size;
    } catch {
      continue;
    }
    const side = readSidecar(path.join(dir, name));
    out.push({ name, kind: parsed.kind, reason: side?.reason ?? parsed.slug, createdAt: parsed.createdAt, size });
  }
  return out.sort(newestFirst);
}

/**
 * Puts backup `name` in place of the library's database. The library must not be open in this
 * process; the writer lock is taken for the duration, so another process holding it is refused.
 * The current database file (even a damaged or 0-byte one, with its -wal if any) is first kept as
 * a 'pre-restore' backup by plain file copy; then the chosen copy goes in under a temporary name,
 * the old -wal/-shm are removed (a stale WAL must never meet the new file) and a rename swaps it in.
 * Returns the restored backup, with `kept`: the pre-restore copy (null when there was no database file).
 */
export function restoreBackup(libraryDir: string, name: string): RestoredBackup {
  const root = path.resolve(libraryDir);
  const dir = backupsDir(root);
  const source = path.join(dir, name);
  if (!parseBackupName(name) || !fs.existsSync(source)) {
    throw new AppError('NOT_FOUND', `No backup named ${name} in ${dir}`, { library: root, name });
  }
  const lock = acquireLock(root);
  try {
    const file = path.join(root, DB_FILE);
    const staged = `${file}.restoring`;
    removeQuietly(staged, `${staged}-wal`, `${staged}-shm`, `${staged}-journal`);
    fs.copyFileSync(source, staged);
    if (fs.existsSync(`${source}-wal`)) fs.copyFileSync(`${source}-wal`, `${staged}-wal`);
    try {
      // Folds a kept -wal into the copy and proves it is a library before anything is replaced.
      finishCopy(staged);
      fsyncFile(staged);
    } catch (err) {
      removeQuietly(staged, `${staged}-wal`, `${staged}-shm`, `${staged}-journal`);
      throw err instanceof AppError
        ? err
        : new AppError('DB_CORRUPT', `Backup ${name} is not a readable library database`, {
            file: source,
            problems: [err instanceof Error ? err.message : String(err)],
          });
    }
    let kept: BackupInfo | null;
    try {
      kept = keepCurrent(root, file);
    } catch (err) {
      // No copy of the current file (a full disk, say): then nothing is replaced either.
      removeQuietly(staged);
      throw err;
    }
    removeQuietly(`${file}-wal`, `${file}-shm`, `${file}-journal`);
    fs.renameSync(staged, file);
    fsyncDir(root);
    const restored = listBackups(root).find((b) => b.name === name)!;
    return { ...restored, kept };
  } finally {
    lock.release();
  }
}

/** Which backups to delete so that each kind keeps its RETENTION count of newest copies. */
export function backupsToPrune(backups: readonly BackupInfo[]): string[] {
  const seen = new Map<BackupKind, number>();
  const out: string[] = [];
  for (const b of [...backups].sort(newestFirst)) {
    const n = (seen.get(b.kind) ?? 0) + 1;
    seen.set(b.kind, n);
    if (n > RETENTION[b.kind]) out.push(b.name);
  }
  return out;
}

/** Deletes what the retention policy gives up (with sidecars) and debris of interrupted copies; returns the deleted names. */
export function pruneBackups(libraryDir: string, now = new Date()): string[] {
  const dir = backupsDir(libraryDir);
  const doomed = backupsToPrune(listBackups(libraryDir));
  for (const name of doomed) {
    const file = path.join(dir, name);
    removeQuietly(file, `${file}-wal`, `${file}.json`);
  }
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!/\.sqlite\.tmp(-wal|-shm|-journal)?$/.test(name)) continue;
    const file = path.join(dir, name);
    // A copy still being written is minutes old at most; a day-old temp file is from a crash.
    if (now.getTime() - fs.statSync(file).mtimeMs > STALE_TMP_MS) removeQuietly(file);
  }
  return doomed;
}

/** The file name of a backup taken at `at`; `n` disambiguates two taken in the same millisecond. */
export function backupName(at: Date, kind: BackupKind, reason: string, n = 0): string {
  const stamp = at.toISOString().replace(/[-:.]/g, '');
  const slug = slugify(reason);
  return `${stamp}-${kind}${slug ? `-${slug}` : ''}${n > 0 ? `-${n}` : ''}${EXT}`;
}

/** Kind, time and reason slug from a backup file name, or null for anything else in the folder. */
export function parseBackupName(name: string): { kind: BackupKind; createdAt: string; slug: string } | null {
  if (name !== path.basename(name)) return null;
  const m = NAME_RE.exec(name);
  if (!m) return null;
  const s = m[1]!;
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
  if (Number.isNaN(Date.parse(iso))) return null;
  return { kind: m[2] as BackupKind, createdAt: iso, slug: m[3] ?? '' };
}

function slugify(reason: string): string {
  return reason
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, SLUG_MAX)
    .replace(/^-+|-+$/g, '');
}

function freeName(dir: string, at: Date, kind: BackupKind, reason: string): string {
  for (let n = 0; ; n++) {
    const name = backupName(at, kind, reason, n);
    const file = path.join(dir, name);
    if (!fs.existsSync(file) && !fs.existsSync(`${file}.tmp`)) return name;
  }
}

function newestFirst(a: BackupInfo, b: BackupInfo): number {
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : a.name > b.name ? -1 : 0;
}

/**
 * Makes a fresh copy self-contained (journal_mode DELETE folds any WAL in) and checks it is a
 * healthy library database; throws DB_CORRUPT otherwise.
 */
function finishCopy(file: string): void {
  const db = new DatabaseSync(file);
  try {
    const appId = Number(db.prepare('PRAGMA application_id').get()?.application_id ?? 0);
    if (appId !== APPLICATION_ID) {
      throw new AppError('DB_CORRUPT', `${file} is not a Casebook library database`, {
        file,
        problems: ['not a library database'],
      });
    }
    db.exec('PRAGMA journal_mode = DELETE');
    const problems = checkProblems(db, 'integrity_check');
    if (problems.length > 0) {
      throw new AppError('DB_CORRUPT', `${file} failed integrity_check: ${problems[0]}`, {
        file,
        problems: problems.slice(0, 10),
      });
    }
  } finally {
    db.close();
  }
}

/** Keeps the current database file (and its -wal) as a pre-restore backup, without opening it. */
function keepCurrent(root: string, file: string): BackupInfo | null {
  if (!fs.existsSync(file)) return null;
  const dir = backupsDir(root);
  fs.mkdirSync(dir, { recursive: true });
  const createdAt = new Date();
  const reason = 'before restore';
  const name = freeName(dir, createdAt, 'pre-restore', reason);
  const target = path.join(dir, name);
  fs.copyFileSync(file, `${target}.tmp`);
  fsyncFile(`${target}.tmp`);
  const wal = `${file}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
    fs.copyFileSync(wal, `${target}-wal`);
    fsyncFile(`${target}-wal`);
  }
  fs.renameSync(`${target}.tmp`, target);
  fsyncDir(dir);
  writeSidecar(target, { kind: 'pre-restore', reason, createdAt: createdAt.toISOString() });
  return { name, kind: 'pre-restore', reason, createdAt: createdAt.toISOString(), size: fs.statSync(target).size };
}

interface Sidecar {
  kind: BackupKind;
  reason: string;
  createdAt: string;
}

/** The full reason (the name holds only an ASCII slug); optional: listing falls back to the name. */
function writeSidecar(file: string, side: Sidecar): void {
  try {
    fs.writeFileSync(`${file}.json`, `${JSON.stringify(side)}\n`);
  } catch {
    // The backup itself is complete; only the long reason is lost.
  }
}

function readSidecar(file: string): Sidecar | null {
  try {
    const v = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')) as Partial<Sidecar>;
    return typeof v.reason === 'string' ? (v as Sidecar) : null;
  } catch {
    return null;
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  // Directories cannot be opened for fsync on Windows; the rename is still atomic there.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function removeQuietly(...files: string[]): void {
  for (const f of files) {
    try {
      fs.unlinkSync(f);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}
