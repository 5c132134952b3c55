import { readExportJson, reimportCases } from '../../shared/export/json.ts';
import fs from 'node:fs';
import { AppError, inFile } from '../../shared/ipc/errors.ts';
import type { Volume } from '../../shared/model/entities.ts';
import { createCase, createVolume, getVolume, withTransaction } from '../store/index.ts';
import { backupBeforeOperation } from './backupService.ts';
import { currentUser, type AppContext } from './context.ts';

/**
 * Imports a JSON export (shared/export/jsonSchema.ts) as a new volume, in one transaction: the same
 * cases in the same order, with their numbers, titles, organisations, stages and tagged text. A
 * file that is not such an export, or not its version, is refused by name and nothing is written.
 */
export function importExportJson(ctx: AppContext, text: string, title?: string): Volume {
  const read = readExportJson(text);
  if (!read.ok) throw new AppError('VALIDATION', read.message, { issues: read.issues.slice(0, 20) });
  const db = ctx.lib.db;
  const who = currentUser(ctx);
  return withTransaction(db, () => {
    const volume = createVolume(db, { title: title?.trim() || read.value.volume.title });
    for (const c of reimportCases(read.value)) {
      createCase(db, { ...c, volumeId: volume.id, pageEnd: c.pageStart, who });
    }
    return getVolume(db, volume.id);
  });
}

/** A staged upload that is a JSON export: backed up before, the upload let go after, whatever happens. */
export async function importStagedExportJson(ctx: AppContext, fileId: string, title?: string): Promise<Volume> {
  const staged = ctx.staging.get(fileId);
  try {
    const text = fs.readFileSync(staged.path, 'utf8');
    // Refused before the backup, so that a wrong file costs nothing.
    const read = readExportJson(text);
    if (!read.ok) throw inFile(new AppError('VALIDATION', read.message, { issues: read.issues.slice(0, 20) }), staged.name);
    await backupBeforeOperation(ctx, 'import');
    return importExportJson(ctx, text, title);
  } finally {
    ctx.staging.discard(fileId);
  }
}
