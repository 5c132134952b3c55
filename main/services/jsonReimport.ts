import { readExportJson, reimportCases } from '../../shared/export/json.ts';
import type { ExportJson } from '../../shared/export/jsonSchema.ts';
import fs from 'node:fs';
import { AppError, inFile } from '../../shared/ipc/errors.ts';
import type { Volume } from '../../shared/model/entities.ts';
import { firstStage, stageIndex } from '../../shared/workflow/settings.ts';
import { createCase, createVolume, getVolume, getWorkflow, withTransaction } from '../store/index.ts';
import { backupBeforeOperation } from './backupService.ts';
import { currentUser, type AppContext } from './context.ts';

/**
 * Imports a JSON export (shared/export/jsonSchema.ts) as a new volume, in one transaction: the same
 * cases in the same order, with their numbers, titles, organisations, stages and tagged text. A
 * file that is not such an export, or not its version, is refused by name and nothing is written.
 */
export function importExportJson(ctx: AppContext, text: string, title?: string): Volume {
  return writeExportJson(ctx, readOrRefuse(text), title);
}

/** A staged upload that is a JSON export; the upload is let go after, whatever happens. */
export async function importStagedExportJson(ctx: AppContext, fileId: string, title?: string): Promise<Volume> {
  const staged = ctx.staging.get(fileId);
  try {
    return await importExportJsonFile(ctx, fs.readFileSync(staged.path, 'utf8'), staged.name, title);
  } finally {
    ctx.staging.discard(fileId);
  }
}

/**
 * A JSON export the user chose (an upload or a file on the command line): checked first and refused
 * by the file's name, so that a wrong file costs nothing; then backed up before, and written.
 */
export async function importExportJsonFile(ctx: AppContext, text: string, fileName: string, title?: string): Promise<Volume> {
  let json: ExportJson;
  try {
    json = readOrRefuse(text);
  } catch (err) {
    throw inFile(err, fileName);
  }
  await backupBeforeOperation(ctx, 'import');
  return writeExportJson(ctx, json, title);
}

function readOrRefuse(text: string): ExportJson {
  const read = readExportJson(text);
  if (!read.ok) throw new AppError('VALIDATION', read.message, { issues: read.issues.slice(0, 20) });
  return read.value;
}

function writeExportJson(ctx: AppContext, json: ExportJson, title: string | undefined): Volume {
  const db = ctx.lib.db;
  const who = currentUser(ctx);
  return withTransaction(db, () => {
    const volume = createVolume(db, { title: title?.trim() || json.volume.title });
    // A stage this library's list lacks (the export came from a library with its own stages)
    // lands the case on the first stage rather than refusing the whole file.
    const settings = getWorkflow(db);
    for (const c of reimportCases(json)) {
      const stage = stageIndex(settings, c.stage) >= 0 ? c.stage : firstStage(settings);
      createCase(db, { ...c, stage, volumeId: volume.id, pageEnd: c.pageStart, who });
    }
    return getVolume(db, volume.id);
  });
}
