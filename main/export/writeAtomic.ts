import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/ipc/errors.ts';
import { toBytes, type ExportFile } from '../../shared/export/zip.ts';

/**
 * Writing exports so that nothing is ever half-written: each file goes to a hidden temporary file
 * beside its destination and is renamed into place only when complete (a rename within a folder
 * is atomic). A cancel or failure removes the temporary files; a destination that cannot be
 * written is EXPORT_DESTINATION, naming it.
 */

export function destinationError(target: string, err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = (err as NodeJS.ErrnoException | null)?.code ?? 'EIO';
  const message = err instanceof Error ? err.message : String(err);
  return new AppError('EXPORT_DESTINATION', `Cannot write ${target}: ${message}`, { path: target, reason: code });
}

/** The folder must exist and be writable; the target must not be a folder. */
function checkTarget(target: string, kind: 'file' | 'folder'): void {
  const dir = kind === 'file' ? path.dirname(target) : target;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch (err) {
    throw destinationError(target, err);
  }
  if (!stat.isDirectory()) throw new AppError('EXPORT_DESTINATION', `Not a folder: ${dir}`, { path: target, reason: 'ENOTDIR' });
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    throw destinationError(target, err);
  }
  if (kind === 'file' && fs.statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
    throw new AppError('EXPORT_DESTINATION', `A folder is in the way: ${target}`, { path: target, reason: 'EISDIR' });
  }
}

const tempName = (target: string): string =>
  path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID().slice(0, 8)}.part`);

/** Writes one file through a temporary sibling, renamed into place at the end. `beforeRename` may throw to abandon it. */
export function writeFileAtomic(target: string, data: Uint8Array | string, beforeRename?: () => void): number {
  checkTarget(target, 'file');
  const temp = tempName(target);
  const bytes = toBytes(data);
  try {
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    beforeRename?.();
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw destinationError(target, err);
  }
  return bytes.byteLength;
}

/**
 * Writes files into a folder (created when missing, its parent must exist): all of them to a hidden
 * temporary folder inside it first, then each renamed into place, so a failure or cancel before
 * the renames leaves the folder as it was.
 */
export function writeFolderAtomic(folder: string, files: readonly ExportFile[], beforeRename?: () => void): number {
  try {
    if (!fs.existsSync(folder)) {
      checkTarget(path.dirname(folder), 'folder');
      fs.mkdirSync(folder);
    }
  } catch (err) {
    throw destinationError(folder, err);
  }
  checkTarget(folder, 'folder');
  const staging = path.join(folder, `.export-${randomUUID().slice(0, 8)}.part`);
  let bytes = 0;
  try {
    fs.mkdirSync(staging);
    for (const f of files) {
      const data = toBytes(f.data);
      fs.writeFileSync(path.join(staging, f.name), data);
      bytes += data.byteLength;
    }
    beforeRename?.();
    for (const f of files) {
      const target = path.join(folder, f.name);
      if (fs.statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
        throw new AppError('EXPORT_DESTINATION', `A folder is in the way: ${target}`, { path: target, reason: 'EISDIR' });
      }
    }
    for (const f of files) fs.renameSync(path.join(staging, f.name), path.join(folder, f.name));
  } catch (err) {
    throw destinationError(folder, err);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return bytes;
}
