import fs from 'node:fs';
import path from 'node:path';
import type { ImportPreview } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/errors.ts';
import type { Volume } from '../../shared/model/entities.ts';
import type { PreviewSlice } from '../../shared/model/importPreview.ts';
import type { ImportOptions } from '../../shared/model/importResult.ts';
import { findVolumeBySourceHash } from '../store/index.ts';
import { ImportSession } from '../import/importSession.ts';
import { writeParsedImport, type CommitRequest } from '../import/importWrite.ts';
import { parseImportFile, type ParseInput } from '../import/parseImportFile.ts';
import type { PreviewSummary, SliceItem, SliceRequest } from '../import/preview.ts';
import { listImageScans } from '../scans/inspect.ts';
import { backupBeforeOperation } from './backupService.ts';
import { currentUser, type AppContext } from './context.ts';
import { imagesHash, sha256File, type StagedEntry } from './staging.ts';

export const IMPORT_JOB = 'import';

/** Parsed imports waiting for their commit, each holding a worker and its parse: the oldest beyond this are dropped. */
export const MAX_WAITING_IMPORTS = 3;

interface PendingImport {
  file: StagedEntry;
  scans: StagedEntry[];
  session: ImportSession;
  summary: PreviewSummary | null;
  committing: boolean;
}

/** The imports of each app context that have not ended, by job id. */
const pending = new WeakMap<AppContext, Map<string, PendingImport>>();

function pendingFor(ctx: AppContext): Map<string, PendingImport> {
  let map = pending.get(ctx);
  if (!map) pending.set(ctx, (map = new Map()));
  return map;
}

function parseInput(ctx: AppContext, file: StagedEntry, scans: StagedEntry[], options: Partial<ImportOptions>): ParseInput {
  return {
    filePath: file.path,
    sourceName: file.name,
    scanPaths: scans.map((s) => s.path),
    scanNames: scans.map((s) => s.name),
    options,
    ocrCacheRoot: ocrCacheRoot(ctx),
  };
}

/** Where OCR keeps the pages it has read, so that a cancelled or crashed import resumes there. */
const ocrCacheRoot = (ctx: AppContext): string => path.join(ctx.lib.dir, 'ocr-cache');

/**
 * Starts an import: a worker parses the staged file (the UI polls the job, then asks for the
 * preview), keeps the parse for the preview's slices, and later writes it. The import's staged
 * files and worker are let go when its job ends: committed, failed, cancelled or dropped.
 */
export function startImport(ctx: AppContext, fileId: string, scanFileIds: string[], options: Partial<ImportOptions>): string {
  const file = ctx.staging.get(fileId);
  const scans = scanFileIds.map((id) => ctx.staging.get(id));
  const fileIds = [fileId, ...scanFileIds];
  ctx.staging.retain(fileIds);
  const session = new ImportSession(parseInput(ctx, file, scans, options), file.size);
  const entry: PendingImport = { file, scans, session, summary: null, committing: false };
  const jobId = ctx.jobs.start(
    IMPORT_JOB,
    async (job) => {
      entry.summary = await session.parsed(job);
      dropOldWaiting(ctx);
      return entry.summary;
    },
    {
      resumable: true,
      onEnd: () => {
        pendingFor(ctx).delete(jobId);
        void session.end();
        ctx.staging.release(fileIds);
      },
    },
  );
  // A new parse of the same file (other rules) supersedes the earlier ones.
  for (const [id, other] of pendingFor(ctx)) {
    if (other.file.fileId === fileId && !other.committing) ctx.jobs.cancel(id);
  }
  pendingFor(ctx).set(jobId, entry);
  return jobId;
}

function dropOldWaiting(ctx: AppContext): void {
  const waiting = [...pendingFor(ctx)].filter(([, e]) => e.summary !== null && !e.committing);
  for (const [id] of waiting.slice(0, Math.max(0, waiting.length - MAX_WAITING_IMPORTS))) ctx.jobs.cancel(id);
}

/** The import of a job whose parse is done and which has not ended (the job's own error otherwise). */
function parsedImport(ctx: AppContext, jobId: string): PendingImport & { summary: PreviewSummary } {
  ctx.jobs.result(jobId, IMPORT_JOB);
  const entry = pendingFor(ctx).get(jobId);
  if (!entry?.summary) throw new AppError('NOT_FOUND', `No import ${jobId} waiting for its commit`, { jobId });
  return entry as PendingImport & { summary: PreviewSummary };
}

export function previewImport(ctx: AppContext, jobId: string): ImportPreview {
  const entry = parsedImport(ctx, jobId);
  return {
    jobId,
    sha256: entry.file.sha256,
    ...entry.summary,
    existingVolume: findVolumeBySourceHash(ctx.lib.db, entry.file.sha256),
    memory: { peakMb: mb(entry.session.peakHeapBytes), budgetMb: entry.session.budget.totalMb },
  };
}

/** One slice of the preview's rows, read from the import's worker. */
export function previewSlice(ctx: AppContext, jobId: string, req: SliceRequest): Promise<PreviewSlice<SliceItem>> {
  return parsedImport(ctx, jobId).session.slice(req);
}

export interface CommitInput {
  title: string;
  scanOffset: number;
  replaceVolumeId: number | null;
}

/**
 * Writes a previewed import, from its worker (the main thread stays free to answer the UI), in one
 * transaction, after a backup of the library. The import's job runs again meanwhile: `jobs:get`
 * shows the cases written, `jobs:cancel` rolls the write back. Answers with the volume.
 */
export async function commitImport(ctx: AppContext, jobId: string, input: CommitInput): Promise<Volume> {
  const entry = parsedImport(ctx, jobId);
  if (entry.committing) throw new AppError('CONFLICT', 'This import is already being written', { jobId });
  entry.committing = true;
  try {
    await backupBeforeOperation(ctx, input.replaceVolumeId ? 'replace' : 'import');
  } catch (err) {
    entry.committing = false;
    throw err;
  }
  const request = commitRequest(ctx, entry.file, entry.scans, input);
  return ctx.writeGate.hold(() =>
    ctx.jobs.resume(jobId, IMPORT_JOB, (job) => entry.session.commit(ctx.lib.dir, ctx.lib.scansDir, request, job)),
  );
}

function commitRequest(
  ctx: AppContext,
  file: { name: string; sha256: string },
  scans: CommitRequest['scans'],
  input: CommitInput,
): CommitRequest {
  return {
    title: input.title,
    sourceName: file.name,
    sourceHash: file.sha256,
    scans: scans.map((s) => ({ path: s.path, name: s.name, sha256: s.sha256 })),
    scanOffset: input.scanOffset,
    replaceVolumeId: input.replaceVolumeId,
    who: currentUser(ctx),
    language: ctx.prefs.get().language,
  };
}

/**
 * Parses and writes a file in-process (the CLI, the bundled sample): no worker, no job, nothing
 * staged. A backup is taken first, as for any import.
 */
export async function importFileNow(
  ctx: AppContext,
  filePath: string,
  scanPaths: string[],
  input: Omit<CommitInput, 'scanOffset'> & { scanOffset?: number },
  options: Partial<ImportOptions> = {},
): Promise<Volume> {
  const file = { name: path.basename(filePath), sha256: sourceHash(filePath) };
  const scans = scanPaths.map((p) => ({ path: p, name: path.basename(p), sha256: sha256File(p) }));
  const parsed = await parseImportFile({
    filePath,
    sourceName: file.name,
    scanPaths,
    scanNames: scans.map((s) => s.name),
    options,
    ocrCacheRoot: ocrCacheRoot(ctx),
  });
  await backupBeforeOperation(ctx, input.replaceVolumeId ? 'replace' : 'import');
  const request = commitRequest(ctx, file, scans, { ...input, scanOffset: input.scanOffset ?? parsed.suggestedOffset });
  return writeParsedImport(ctx.lib.db, ctx.lib.scansDir, parsed, request);
}

/** A file's SHA-256; a folder of page images (a scan read by OCR) hashes its images' hashes in page order. */
function sourceHash(filePath: string): string {
  if (!fs.statSync(filePath).isDirectory()) return sha256File(filePath);
  return imagesHash(listImageScans(filePath).map(sha256File));
}

export const SAMPLE_DIR = path.resolve(import.meta.dirname, '..', 'sample');
export const SAMPLE_TITLE = '创先争优好做法（示例）';

/** The bundled sample: the seed excerpt's text layer with its image scan. */
export function installSample(ctx: AppContext): Promise<Volume> {
  return importFileNow(ctx, path.join(SAMPLE_DIR, 'excerpt.txt'), [path.join(SAMPLE_DIR, 'excerpt-scan.pdf')], {
    title: SAMPLE_TITLE,
    replaceVolumeId: null,
  });
}

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
