import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { AppError } from '../../shared/ipc/errors.ts';
import { SCAN_FILE_NAME } from '../../shared/ipc/transport.ts';
import type { ScanInfo } from '../../shared/model/entities.ts';
import { referencedScanFiles, type Library } from '../store/index.ts';
import { sniffFile } from '../import/sniff.ts';

/** Copies scan bytes into the library as `<sha256>.<ext>` and returns that name. */
export function storeScanFile(lib: Library, bytes: Uint8Array, ext: string): string {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return putScanFile(lib.scansDir, sha256, ext, (tmp) => fs.writeFileSync(tmp, bytes));
}

/** Copies a scan file already on disk (a staged upload, whose hash is known) without reading it into memory. */
function storeScanFileFrom(scansDir: string, source: string, sha256: string, ext: string): string {
  return putScanFile(scansDir, sha256, ext, (tmp) => fs.copyFileSync(source, tmp));
}

/**
 * Content addressing makes a second copy of the same file free; the write goes through a temp file
 * (named per process and thread: imports write from workers) so a crash never leaves a truncated
 * scan under a valid name.
 */
function putScanFile(scansDir: string, sha256: string, ext: string, write: (tmp: string) => void): string {
  const name = `${sha256}.${ext.toLowerCase().replace(/^\./, '')}`;
  if (!SCAN_FILE_NAME.test(name)) {
    throw new AppError('IMPORT_SCAN_UNSUPPORTED', `Unsupported scan file type: ${ext}`, { ext });
  }
  const target = path.join(scansDir, name);
  if (fs.existsSync(target)) return name;
  const tmp = `${target}.${process.pid}.${threadId}.tmp`;
  write(tmp);
  fs.renameSync(tmp, target);
  return name;
}

/** The absolute path of a scan file, refusing any name that is not a content-hash file name (no traversal). */
export function scanFilePath(lib: Library, name: string): string {
  if (!SCAN_FILE_NAME.test(name)) throw new AppError('NOT_FOUND', `No such scan file: ${name}`, { name });
  return path.join(lib.scansDir, name);
}

/** Deletes scan files no volume refers to (left behind by deletes and re-imports). Returns their names. */
export function pruneScanFiles(lib: Library): string[] {
  const keep = referencedScanFiles(lib.db);
  const removed: string[] = [];
  for (const name of fs.readdirSync(lib.scansDir)) {
    if (SCAN_FILE_NAME.test(name) && !keep.has(name)) {
      fs.rmSync(path.join(lib.scansDir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}

/** A scan file on disk with its content hash (a staged upload, or a file the CLI hashed). */
export interface ScanSource {
  path: string;
  name: string;
  sha256: string;
}

/** Copies the scans into the library by content hash (streamed, never read whole) and describes them. */
export function storeScans(scansDir: string, scans: readonly ScanSource[], pageCount: number, offset: number): ScanInfo | null {
  if (scans.length === 0) return null;
  const kinds = scans.map((s) => sniffFile(s.path));
  const bad = scans.find((_, i) => kinds[i] === null);
  if (bad) throw new AppError('IMPORT_SCAN_UNSUPPORTED', `Not a PDF or an image: ${bad.name}`, { file: bad.name });
  if (kinds.includes('pdf') && scans.length > 1) {
    throw new AppError('IMPORT_SCAN_UNSUPPORTED', 'Attach one scan PDF, or images only', { count: scans.length });
  }
  const files = scans.map((s, i) => storeScanFileFrom(scansDir, s.path, s.sha256, kinds[i]!));
  return { kind: kinds[0] === 'pdf' ? 'pdf' : 'images', files, pageCount, offset };
}
