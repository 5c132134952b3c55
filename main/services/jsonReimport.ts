import { readExportJson, reimportCases } from '../../shared/export/json.ts';
import { AppError } from '../../shared/ipc/errors.ts';
import type { Volume } from '../../shared/model/entities.ts';
import { createCase, createVolume, getVolume, withTransaction } from '../store/index.ts';
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
