import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { StagedFile } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/errors.ts';

export interface StagedEntry extends StagedFile {
  path: string;
}

export interface StagingLimits {
  /** Total bytes staged at once (an upload is at most 512 MB; a volume's scans can be several). */
  maxBytes: number;
  /** Files staged at once (a scan as page images is one file per page). */
  maxFiles: number;
  /** A file no job has taken up after this long is taken for abandoned (a dialog closed before parsing). */
  idleMs: number;
}

const STAGING_LIMITS: StagingLimits = { maxBytes: 2 * 1024 ** 3, maxFiles: 1000, idleMs: 30 * 60_000 };

interface Entry {
  staged: StagedEntry;
  /** Jobs holding the file; when the last lets go, the file is deleted. */
  refs: number;
  /** When it was staged, for files no job ever took up. */
  at: number;
}

/**
 * Files the user chose, written once into the library's `.staging/` folder (same filesystem as
 * `scans/`, so attaching a scan is a copy, never a second upload). A file lives while a job holds
 * it (`retain`/`release`): it is deleted when the last of its jobs ends. Files never taken up are
 * deleted after `idleMs`; the total is capped (STAGING_FULL past it). Cleared at start-up.
 */
export class StagingArea {
  #dir: string;
  #limits: StagingLimits;
  #entries = new Map<string, Entry>();
  #bytes = 0;

  constructor(libraryDir: string, limits: StagingLimits = STAGING_LIMITS) {
    this.#dir = path.join(libraryDir, '.staging');
    this.#limits = limits;
    fs.rmSync(this.#dir, { recursive: true, force: true });
    fs.mkdirSync(this.#dir, { recursive: true });
  }

  stage(name: string, bytes: Uint8Array, now = Date.now()): StagedEntry {
    this.#dropIdle(now);
    if (this.#entries.size + 1 > this.#limits.maxFiles || this.#bytes + bytes.byteLength > this.#limits.maxBytes) {
      throw new AppError('STAGING_FULL', 'Too many files are waiting to be imported', {
        count: this.#entries.size,
        sizeMb: Math.round(this.#bytes / 1024 ** 2),
        maxFiles: this.#limits.maxFiles,
        maxMb: Math.round(this.#limits.maxBytes / 1024 ** 2),
      });
    }
    const fileId = randomUUID();
    const file = path.join(this.#dir, fileId);
    fs.writeFileSync(file, bytes);
    const staged: StagedEntry = {
      fileId,
      name: path.basename(name),
      size: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      path: file,
    };
    this.#entries.set(fileId, { staged, refs: 0, at: now });
    this.#bytes += staged.size;
    return staged;
  }

  get(fileId: string): StagedEntry {
    const entry = this.#entries.get(fileId);
    if (!entry) throw new AppError('NOT_FOUND', `No staged file ${fileId}`, { fileId });
    return entry.staged;
  }

  /** A job takes up these files: they stay until it lets go. */
  retain(fileIds: readonly string[]): void {
    for (const id of fileIds) this.get(id);
    for (const id of fileIds) this.#entries.get(id)!.refs++;
  }

  /** A job is over with these files; each is deleted once no job holds it. */
  release(fileIds: readonly string[]): void {
    for (const id of fileIds) {
      const entry = this.#entries.get(id);
      if (!entry) continue;
      entry.refs = Math.max(0, entry.refs - 1);
      if (entry.refs === 0) this.#delete(id);
    }
  }

  /** Deletes a file used outside a job (attached as a scan) at once, unless a job holds it. */
  discard(fileId: string): void {
    if ((this.#entries.get(fileId)?.refs ?? 0) === 0) this.#delete(fileId);
  }

  /** What is staged now: for tests and the limits' error. */
  usage(): { count: number; bytes: number } {
    return { count: this.#entries.size, bytes: this.#bytes };
  }

  clear(): void {
    fs.rmSync(this.#dir, { recursive: true, force: true });
    this.#entries.clear();
    this.#bytes = 0;
  }

  #dropIdle(now: number): void {
    for (const [id, entry] of this.#entries) {
      if (entry.refs === 0 && now - entry.at > this.#limits.idleMs) this.#delete(id);
    }
  }

  #delete(fileId: string): void {
    const entry = this.#entries.get(fileId);
    if (!entry) return;
    this.#entries.delete(fileId);
    this.#bytes -= entry.staged.size;
    fs.rmSync(entry.staged.path, { force: true });
  }
}

/** SHA-256 of a file, read in chunks (a scan can be hundreds of MB). */
export function sha256File(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}
