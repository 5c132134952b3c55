import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/ipc/errors.ts';
import type { LockIdentity, LockInfo } from '../../shared/ipc/library.ts';
import { bootId, ownStartTime, pidNamespace, probeProcess, type ProcessState } from './processProbe.ts';

export const LOCK_FILE = 'library.lock';

/** A lock file whose content cannot be read yet may be mid-write by its owner; older than this, it is debris. */
const UNREADABLE_GRACE_MS = 10_000;
/** How often the holder touches its lock's mtime, so that another host can see it is still there. */
export const HEARTBEAT_MS = 60_000;
/** Another host's lock untouched for this long is called quiet (probably left by a crash); still taken only on confirmation. */
const QUIET_AFTER_MS = 10 * HEARTBEAT_MS;

interface LockContent {
  pid: number;
  hostname: string;
  startedAt: string;
  /** The holder's own start time (Linux /proc): a live pid with another start time is a reused pid. */
  processStart: string | null;
  /** A different boot of the same host means the holder is gone. */
  bootId: string | null;
  /** Pids are only comparable inside one pid namespace (containers, sandboxes). */
  pidNs: string | null;
  /** Set by holders that refresh the lock every HEARTBEAT_MS (older versions did not). */
  heartbeatMs: number | null;
}

type Found =
  | { kind: 'none' }
  | { kind: 'directory' }
  | { kind: 'unreadable'; raw: string; mtimeMs: number }
  | { kind: 'held'; raw: string; mtimeMs: number; content: LockContent; sameHost: boolean; state: ProcessState | null };

export interface LibraryLock {
  readonly file: string;
  release(): void;
}

/**
 * Takes the single-writer lock of a library folder: `library.lock` created exclusively, naming its
 * holder. A lock whose holder is provably gone (same host: dead, dying or zombie pid, pid reused by
 * another process, or a previous boot) is taken over; anything else is LIBRARY_LOCKED with who holds
 * it. Another host's lock is never taken here: only `takeOverLock`, after the user confirms.
 */
export function acquireLock(dir: string): LibraryLock {
  const file = path.join(dir, LOCK_FILE);
  const mine: LockContent = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    processStart: ownStartTime(),
    bootId: bootId(),
    pidNs: pidNamespace(),
    heartbeatMs: HEARTBEAT_MS,
  };
  const text = JSON.stringify(mine);
  for (let attempt = 0; attempt < 5; attempt++) {
    let fd: number;
    try {
      fd = fs.openSync(file, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const found = findLock(file);
      if (found.kind === 'none') continue;
      if (found.kind === 'directory') throw lockIsDirectory(dir, file);
      const stale =
        found.kind === 'unreadable'
          ? Date.now() - found.mtimeMs > UNREADABLE_GRACE_MS
          : found.sameHost && found.state !== 'running';
      if (!stale) throw lockedError(dir, file, found);
      removeIfUnchanged(file, found.raw);
      continue;
    }
    try {
      fs.writeSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return holdLock(file, text);
  }
  throw new AppError('LIBRARY_LOCKED', `Could not take the lock of library ${dir}`, { library: dir, lockFile: file, pid: null });
}

function holdLock(file: string, text: string): LibraryLock {
  const heartbeat = setInterval(() => {
    try {
      // Touch only our own lock: after a confirmed take-over elsewhere, the file is someone else's.
      if (fs.readFileSync(file, 'utf8') !== text) return;
      const now = new Date();
      fs.utimesSync(file, now, now);
    } catch {
      // A missing or unwritable lock is reported by the next open, not by the heartbeat.
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  return {
    file,
    release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      // Remove only our own lock: a stale-takeover race must not delete someone else's.
      try {
        if (fs.readFileSync(file, 'utf8') === text) fs.unlinkSync(file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    },
  };
}

/** Who holds the library's lock now, or null when there is no lock file (or the lock path is a folder). */
export function inspectLock(dir: string): LockInfo | null {
  const file = path.join(dir, LOCK_FILE);
  const found = findLock(file);
  return found.kind === 'none' || found.kind === 'directory' ? null : lockInfo(file, found);
}

/**
 * Removes a lock the user chose to take over: another host's, an unreadable one, or a stale one.
 * Refused (CONFLICT) when its holder is provably running on this machine, or when the lock is no
 * longer the one the user saw (`expected`). No lock at all is fine: there is nothing to take.
 */
export function takeOverLock(dir: string, expected?: LockIdentity): void {
  const file = path.join(dir, LOCK_FILE);
  const found = findLock(file);
  if (found.kind === 'none') return;
  if (found.kind === 'directory') throw lockIsDirectory(dir, file);
  const info = lockInfo(file, found);
  if (info.sameHost && info.alive) {
    throw new AppError(
      'CONFLICT',
      `Library ${dir} is open in a running instance (pid ${info.pid}) on this computer; close it instead`,
      {
        ...lockDetails(dir, info),
        reason: 'holder-running',
      },
    );
  }
  const changed = () =>
    new AppError('CONFLICT', `The lock of library ${dir} changed since it was shown; look again before taking it over`, {
      ...lockDetails(dir, info),
      reason: 'lock-changed',
    });
  if (expected && (expected.pid !== info.pid || expected.hostname !== info.hostname || expected.startedAt !== info.startedAt)) {
    throw changed();
  }
  if (!removeIfUnchanged(file, found.raw)) throw changed();
}

function findLock(file: string): Found {
  let raw: string;
  let mtimeMs: number;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return { kind: 'directory' };
    mtimeMs = stat.mtimeMs;
    raw = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'none' };
    if (code === 'EISDIR') return { kind: 'directory' };
    throw err;
  }
  const content = parseLock(raw);
  if (!content) return { kind: 'unreadable', raw, mtimeMs };
  const sameName = content.hostname === os.hostname();
  const myNs = pidNamespace();
  // Same name in another pid namespace (a container, a sandbox): its pids mean nothing here.
  const sameHost = sameName && (content.pidNs === null || myNs === null || content.pidNs === myNs);
  if (!sameHost) return { kind: 'held', raw, mtimeMs, content, sameHost, state: null };
  const myBoot = bootId();
  const state =
    content.bootId !== null && myBoot !== null && content.bootId !== myBoot
      ? 'gone'
      : probeProcess(content.pid, content.processStart);
  return { kind: 'held', raw, mtimeMs, content, sameHost, state };
}

function parseLock(raw: string): LockContent | null {
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null) return null;
    const r = v as Record<string, unknown>;
    if (!Number.isInteger(r.pid) || (r.pid as number) <= 0 || typeof r.hostname !== 'string') return null;
    const text = (x: unknown) => (typeof x === 'string' && x ? x : null);
    return {
      pid: r.pid as number,
      hostname: r.hostname,
      startedAt: typeof r.startedAt === 'string' ? r.startedAt : '',
      processStart: text(r.processStart),
      bootId: text(r.bootId),
      pidNs: text(r.pidNs),
      heartbeatMs: typeof r.heartbeatMs === 'number' && r.heartbeatMs > 0 ? r.heartbeatMs : null,
    };
  } catch {
    return null;
  }
}

/** Unlinks the lock only if it still holds `raw`: another process may have replaced it meanwhile. */
function removeIfUnchanged(file: string, raw: string): boolean {
  try {
    if (fs.readFileSync(file, 'utf8') !== raw) return false;
    fs.unlinkSync(file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw err;
  }
}

function lockInfo(file: string, found: Found & { kind: 'unreadable' | 'held' }): LockInfo {
  const heartbeatAt = new Date(found.mtimeMs).toISOString();
  if (found.kind === 'unreadable') {
    return { file, pid: null, hostname: null, startedAt: null, heartbeatAt, sameHost: false };
  }
  const { content, sameHost } = found;
  const info: LockInfo = {
    file,
    pid: content.pid,
    hostname: content.hostname,
    startedAt: content.startedAt || null,
    heartbeatAt,
    sameHost,
  };
  if (sameHost) info.alive = found.state === 'running';
  else if (content.heartbeatMs !== null)
    info.quiet = Date.now() - found.mtimeMs > Math.max(QUIET_AFTER_MS, 10 * content.heartbeatMs);
  return info;
}

function lockDetails(dir: string, info: LockInfo): Record<string, unknown> {
  const { file, ...rest } = info;
  return { library: dir, lockFile: file, ...rest };
}

function lockedError(dir: string, file: string, found: Found & { kind: 'unreadable' | 'held' }): AppError {
  const info = lockInfo(file, found);
  const by =
    info.pid === null
      ? 'an unreadable lock'
      : `pid ${info.pid} on ${info.hostname}${info.startedAt ? ` since ${info.startedAt}` : ''}`;
  return new AppError('LIBRARY_LOCKED', `Library ${dir} is already open (${by}; lock file ${file})`, lockDetails(dir, info));
}

function lockIsDirectory(dir: string, file: string): AppError {
  return new AppError('LIBRARY_LOCKED', `The lock path ${file} is a folder, not a lock file; move or rename it`, {
    library: dir,
    lockFile: file,
    pid: null,
    reason: 'lock-is-directory',
  });
}
