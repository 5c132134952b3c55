import fs from 'node:fs';

/**
 * What can be learnt about a pid on this machine. On Linux /proc tells a process that is dying (killed,
 * exiting, dumping core, or a zombie not yet reaped) from a running one, and a pid reused by another
 * process from the one that wrote a lock (by its start time). Elsewhere only "the pid exists" is known.
 */
export type ProcessState = 'running' | 'dying' | 'gone' | 'reused';

// Flags from include/linux/sched.h, as shown in field 9 of /proc/<pid>/stat.
const PF_EXITING = 0x4;
const PF_DUMPCORE = 0x200;
const PF_SIGNALED = 0x400;
const SIGKILL_BIT = 1n << 8n;

interface ProcStat {
  state: string;
  flags: number;
  /** Field 22: start time in clock ticks since boot, kept as text (only compared). */
  startTime: string;
}

/** Null where /proc is missing (not Linux) or hides the pid (gone, or another user's under hidepid). */
function readProcStat(pid: number | 'self'): ProcStat | null {
  let raw: string;
  try {
    raw = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) may hold spaces and parentheses: fields 3… follow the last ')'.
  const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
  const [state, flags, startTime] = [fields[0], fields[6], fields[19]];
  if (!state || !flags || !startTime) return null;
  return { state, flags: Number(flags), startTime };
}

/** A SIGKILL stays pending from the kill until the process is gone, through uninterruptible I/O (fsync). */
function killPending(pid: number): boolean {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    for (const name of ['ShdPnd', 'SigPnd']) {
      const hex = new RegExp(`^${name}:\\s*([0-9a-f]+)`, 'm').exec(status)?.[1];
      if (hex && (BigInt(`0x${hex}`) & SIGKILL_BIT) !== 0n) return true;
    }
  } catch {
    // Gone meanwhile, or /proc/<pid>/status hidden: the stat fields decide.
  }
  return false;
}

/** A value fixed for the life of this process, read from /proc on first use only. */
function once<T>(read: () => T): () => T {
  let cached: { value: T } | undefined;
  return () => (cached ??= { value: read() }).value;
}

/** This process's start time as the OS records it (Linux), or null where it cannot be read. */
export const ownStartTime = once((): string | null => readProcStat('self')?.startTime ?? null);

/** Identifies the current boot of this machine (Linux), or null. */
export const bootId = once((): string | null => {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
});

/**
 * The state of `pid` on this machine. `startTime` is what the lock's writer recorded of itself; when it
 * is known and differs from the live process's, the pid now belongs to someone else.
 */
export function probeProcess(pid: number, startTime: string | null): ProcessState {
  const stat = readProcStat(pid);
  if (stat === null) return pidExists(pid) ? 'running' : 'gone';
  if (stat.state === 'Z' || stat.state === 'X' || stat.state === 'x') return 'dying';
  if ((stat.flags & (PF_EXITING | PF_DUMPCORE | PF_SIGNALED)) !== 0 || killPending(pid)) return 'dying';
  if (startTime !== null && startTime !== stat.startTime) return 'reused';
  return 'running';
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** This process's pid namespace (Linux): a pid means the same process only inside the same namespace. */
export const pidNamespace = once((): string | null => {
  try {
    return fs.readlinkSync('/proc/self/ns/pid');
  } catch {
    return null;
  }
});
