import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/ipc/errors.ts';

export const LOCK_FILE = 'library.lock';

/** A lock file whose content cannot be read yet may be mid-write by its owner; older than this, it is debris. */
const UNREADABLE_GRACE_MS = 10_000;

interface LockContent {
  pid: number;
  hostname: string;
  startedAt: string;
}

export interface LibraryLock {
  readonly file: string;
  release(): void;
}

/**
 * Takes the single-writer lock of a library folder: `library.lock` created exclusively, holding
 * {pid, hostname, startedAt}. A lock whose process is gone (same host, dead pid) is taken over.
 * A lock from another host cannot be probed and counts as held.
 */
export function acquireLock(dir: string): LibraryLock {
  const file = path.join(dir, LOCK_FILE);
  const mine: LockContent = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString() };
  const text = JSON.stringify(mine);
  for (let attempt = 0; attempt < 5; attempt++) {
    let fd: number;
    try {
      fd = fs.openSync(file, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(file);
      if (holder === 'gone') continue;
      if (holder !== 'stale') throw lockedError(dir, holder);
      try {
        fs.unlinkSync(file);
      } catch (unlinkErr) {
        if ((unlinkErr as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkErr;
      }
      continue;
    }
    try {
      fs.writeSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    let released = false;
    return {
      file,
      release() {
        if (released) return;
        released = true;
        // Remove only our own lock: a stale-takeover race must not delete someone else's.
        try {
          if (fs.readFileSync(file, 'utf8') === text) fs.unlinkSync(file);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        }
      },
    };
  }
  throw new AppError('LIBRARY_LOCKED', `Could not take the lock of library ${dir}`, { library: dir, pid: null });
}

type Holder = LockContent | { pid: null; hostname: null; startedAt: null };

function readLock(file: string): Holder | 'stale' | 'gone' {
  let raw: string;
  let mtimeMs: number;
  try {
    raw = fs.readFileSync(file, 'utf8');
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw err;
  }
  const content = parseLock(raw);
  if (!content) {
    return Date.now() - mtimeMs > UNREADABLE_GRACE_MS ? 'stale' : { pid: null, hostname: null, startedAt: null };
  }
  if (content.hostname !== os.hostname()) return content;
  return isAlive(content.pid) ? content : 'stale';
}

function parseLock(raw: string): LockContent | null {
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null) return null;
    const { pid, hostname, startedAt } = v as Record<string, unknown>;
    if (!Number.isInteger(pid) || (pid as number) <= 0 || typeof hostname !== 'string') return null;
    return { pid: pid as number, hostname, startedAt: typeof startedAt === 'string' ? startedAt : '' };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockedError(dir: string, holder: Holder): AppError {
  const by = `pid ${holder.pid ?? '?'} on ${holder.hostname ?? '?'}`;
  return new AppError('LIBRARY_LOCKED', `Library ${dir} is already open (${by})`, {
    library: dir,
    pid: holder.pid,
    hostname: holder.hostname,
    startedAt: holder.startedAt,
  });
}
