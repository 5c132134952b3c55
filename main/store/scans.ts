import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/ipc/errors.ts';
import { SCAN_FILE_NAME } from '../../shared/ipc/transport.ts';
import type { Library } from './db.ts';
import { referencedScanFiles } from './volumesRepo.ts';

/**
 * Copies scan bytes into the library as `<sha256>.<ext>` and returns that name. Content addressing
 * makes a second copy of the same file free; the write goes through a temp file so a crash never
 * leaves a truncated scan under a valid name.
 */
export function storeScanFile(lib: Library, bytes: Uint8Array, ext: string): string {
  const name = `${createHash('sha256').update(bytes).digest('hex')}.${ext.toLowerCase().replace(/^\./, '')}`;
  if (!SCAN_FILE_NAME.test(name)) {
    throw new AppError('IMPORT_SCAN_UNSUPPORTED', `Unsupported scan file type: ${ext}`, { ext });
  }
  const target = path.join(lib.scansDir, name);
  if (fs.existsSync(target)) return name;
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
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
