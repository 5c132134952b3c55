import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { StagedFile } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/errors.ts';
import { sniffFile } from '../import/sniff.ts';
import { listImageScans } from '../scans/inspect.ts';

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

  /**
   * Several staged page images made one source, as a folder of them is (`import DIR`): they move into a
   * folder of their own under their names, which give the page order (`listImageScans`, natural order),
   * and are staged as one file, hashed as `import DIR` hashes a folder (`imagesHash`). The images are not
   * staged alone any more. Refuses anything but JPEG/PNG/TIFF (IMPORT_SCAN_UNSUPPORTED, naming the file).
   */
  bundle(fileIds: readonly string[], now = Date.now()): StagedEntry {
    if (new Set(fileIds).size !== fileIds.length) throw new AppError('VALIDATION', 'A file is named twice', { fileIds });
    const parts = fileIds.map((id) => this.get(id));
    const kinds = parts.map((part) => {
      const kind = sniffFile(part.path);
      if (kind !== 'jpg' && kind !== 'png' && kind !== 'tif') {
        throw new AppError('IMPORT_SCAN_UNSUPPORTED', `${part.name}: not a page image`, { file: part.name });
      }
      if (this.#entries.get(part.fileId)!.refs > 0) {
        throw new AppError('CONFLICT', `${part.name} is being imported already`, { file: part.name });
      }
      return kind;
    });
    const fileId = randomUUID();
    const dir = path.join(this.#dir, fileId);
    fs.mkdirSync(dir);
    const hashes = new Map<string, string>();
    const taken = new Set<string>();
    try {
      parts.forEach((part, i) => {
        const name = uniqueName(imageFileName(part.name, kinds[i]!), taken);
        // Same folder, same filesystem: a move, never a second copy of a volume's images.
        fs.renameSync(part.path, path.join(dir, name));
        hashes.set(name, part.sha256);
        // Its bytes stay counted, now as the bundle's.
        this.#entries.delete(part.fileId);
      });
    } catch (err) {
      // The images moved so far are gone with the folder; the others stay staged alone.
      for (const part of parts) if (!this.#entries.has(part.fileId)) this.#bytes -= part.size;
      fs.rmSync(dir, { recursive: true, force: true });
      throw err;
    }
    const ordered = listImageScans(dir).map((f) => path.basename(f));
    const staged: StagedEntry = {
      fileId,
      name: bundleName(ordered),
      size: parts.reduce((n, p) => n + p.size, 0),
      sha256: imagesHash(ordered.map((n) => hashes.get(n)!)),
      path: dir,
    };
    this.#entries.set(fileId, { staged, refs: 0, at: now });
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
    fs.rmSync(entry.staged.path, { recursive: true, force: true });
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

/** The hash of page images taken as one source (a folder, or images bundled): their SHA-256s in page order. */
export function imagesHash(hashes: readonly string[]): string {
  const hash = createHash('sha256');
  for (const h of hashes) hash.update(`${h}\n`);
  return hash.digest('hex');
}

const IMAGE_EXTENSIONS = { jpg: /\.jpe?g$/i, png: /\.png$/i, tif: /\.tiff?$/i } as const;

/** A name a folder of page images lists (`listImageScans`): not hidden, with its kind's extension. */
function imageFileName(name: string, kind: keyof typeof IMAGE_EXTENSIONS): string {
  const visible = path.basename(name).replace(/^\.+/, '') || 'page';
  return IMAGE_EXTENSIONS[kind].test(visible) ? visible : `${visible}.${kind}`;
}

/**
 * `name`, or `stem (2).ext` and so on when the folder has it already (two folders' `001.jpg` dropped
 * together); `taken` holds the names given so far, lower-cased (a case-insensitive disk has one file for both).
 */
function uniqueName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  let next = name;
  for (let k = 2; taken.has(next.toLowerCase()); k++) next = `${name.slice(0, dot)} (${k})${name.slice(dot)}`;
  taken.add(next.toLowerCase());
  return next;
}

/**
 * A name for page images taken together (the source's name, and the volume's default title): what
 * their names share before the page numbers (`创先争优_001.jpg`, `创先争优_002.jpg` → `创先争优`),
 * else the first one's name without its extension.
 */
export function bundleName(names: readonly string[]): string {
  const stems = names.map((n) => n.replace(/\.[^.]+$/, ''));
  let prefix = stems[0] ?? '';
  for (const s of stems.slice(1)) {
    let k = 0;
    while (k < prefix.length && k < s.length && prefix[k] === s[k]) k++;
    prefix = prefix.slice(0, k);
  }
  const shared = stems.length > 1 ? prefix.replace(/[\s\d\-_.,·#(（第]+$/u, '') : '';
  return shared || stems[0] || 'scan';
}
