import { z } from 'zod';
import { AppErrorShape } from './errors.ts';

/** Who holds a library's writer lock, as far as this machine can tell. */
export const LockInfo = z.object({
  /** The lock file's path. */
  file: z.string(),
  /** Null when the lock file cannot be read (empty or garbled). */
  pid: z.number().int().nullable(),
  hostname: z.string().nullable(),
  /** ISO time the holder took the lock. */
  startedAt: z.string().nullable(),
  /** ISO time the holder last touched the lock (it does so every minute while the library is open). */
  heartbeatAt: z.string().nullable(),
  /** The holder runs on this machine (same host, boot and pid namespace), so its pid can be probed. */
  sameHost: z.boolean(),
  /** Same host only: whether the holder is still running. Another host's process cannot be probed. */
  alive: z.boolean().optional(),
  /** Another host's lock whose holder has not touched it for a long time: probably left by a crash. */
  quiet: z.boolean().optional(),
});
export type LockInfo = z.infer<typeof LockInfo>;

export const LibraryStatus = z.object({
  libraryPath: z.string(),
  /** `unavailable`: the library could not be opened; only recovery calls and preferences work. */
  state: z.enum(['open', 'unavailable']),
  /** Why the library is not open (LIBRARY_LOCKED, DB_CORRUPT, DB_TOO_NEW …). */
  error: AppErrorShape.nullable(),
  lock: LockInfo.nullable(),
});
export type LibraryStatus = z.infer<typeof LibraryStatus>;

/** The lock the user saw when confirming a take-over: a different one by then is not taken. */
export const LockIdentity = z.object({
  pid: z.number().int().nullable(),
  hostname: z.string().nullable(),
  startedAt: z.string().nullable(),
});
export type LockIdentity = z.infer<typeof LockIdentity>;
