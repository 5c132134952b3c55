import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { tocOrder } from '../../shared/export/exportModel.ts';
import { zipFiles } from '../../shared/export/zip.ts';
import { AppError } from '../../shared/ipc/errors.ts';
import type { Case, CaseSummary, Volume } from '../../shared/model/entities.ts';
import {
  FORMAT_INFO,
  ZIP_MEDIA_TYPE,
  type ExportCaseRef,
  type ExportPreview,
  type ExportRequest,
  type ExportSummary,
} from '../../shared/model/export.ts';
import { exportPlatform } from '../export/platform.ts';
import { exportName, isSplit, renderExport, type Rendered } from '../export/renderExport.ts';
import { writeFileAtomic, writeFolderAtomic } from '../export/writeAtomic.ts';
import { getCase, getCaseSummary, getVolume, listCases } from '../store/index.ts';
import type { AppContext } from './context.ts';
import type { JobContext } from './jobs.ts';
import { APP_VERSION } from './version.ts';

export const EXPORT_JOB = 'export';
const GENERATOR = `编校台 Casebook Workbench ${APP_VERSION}`;
/** Downloads kept at once in browser mode (each export replaces the oldest beyond this). */
const KEEP_DOWNLOADS = 5;

interface Scoped {
  volume: Volume;
  /** In table-of-contents order. */
  included: CaseSummary[];
  excluded: CaseSummary[];
}

const ref = (c: CaseSummary): ExportCaseRef => ({ id: c.id, number: c.number, title: c.title, stage: c.stage });

/**
 * The cases a request takes, and those it leaves out (listed in the summary, never silently
 * dropped). A case id from another volume is refused by name; an unknown volume is NOT_FOUND.
 */
function resolveScope(ctx: AppContext, req: Pick<ExportRequest, 'volumeId' | 'scope'>): Scoped {
  const db = ctx.lib.db;
  const volume = getVolume(db, req.volumeId);
  const all = listCases(db, volume.id);
  let chosen: (c: CaseSummary) => boolean;
  switch (req.scope.kind) {
    case 'volume':
      chosen = () => true;
      break;
    case 'stage': {
      const stage = req.scope.stage;
      chosen = (c) => c.stage === stage;
      break;
    }
    case 'cases': {
      const ids = new Set(req.scope.caseIds);
      for (const id of ids) {
        const c = getCaseSummary(db, id);
        if (c.volumeId !== volume.id) {
          throw new AppError(
            'EXPORT_CASE_NOT_IN_VOLUME',
            `Case ${id} belongs to volume ${c.volumeId}, not to volume ${volume.id}`,
            {
              caseId: id,
              volumeId: volume.id,
            },
          );
        }
      }
      chosen = (c) => ids.has(c.id);
      break;
    }
  }
  const ordered = tocOrder(all);
  return { volume, included: ordered.filter(chosen), excluded: ordered.filter((c) => !chosen(c)) };
}

function emptyScope(req: Pick<ExportRequest, 'scope'>, volume: Volume): AppError {
  const what = req.scope.kind === 'stage' ? `at stage ${req.scope.stage}` : req.scope.kind === 'volume' ? 'at all' : 'chosen';
  return new AppError('EXPORT_EMPTY_SCOPE', `No case ${what} in volume ${volume.id} “${volume.title}”; nothing was written`, {
    scope: req.scope.kind,
    ...(req.scope.kind === 'stage' ? { stage: req.scope.stage } : {}),
  });
}

/** What the dialog shows before exporting: counts, the lists, and the name that will be written. */
export function previewExport(ctx: AppContext, req: ExportRequest): ExportPreview {
  const s = resolveScope(ctx, req);
  const name = exportName(req, s.volume.title, s.included);
  return {
    volumeId: s.volume.id,
    volumeTitle: s.volume.title,
    fileName: isSplit(req) && !exportPlatform().chooseDestination ? `${name}.zip` : name,
    included: s.included.map(ref),
    excluded: s.excluded.map(ref),
  };
}

/** Throws CANCELLED once `signal` has fired: checked between steps, so nothing half-written is kept. */
const cancelCheck = (signal: AbortSignal | undefined) => () => {
  if (signal?.aborted) throw new AppError('CANCELLED', 'Export cancelled; nothing was written');
};

interface Hooks {
  signal?: AbortSignal;
  progress?: (phase: string, done: number, total: number) => void;
}

/** Reads the included cases and renders them. */
async function render(ctx: AppContext, req: ExportRequest, s: Scoped, hooks: Hooks): Promise<Rendered> {
  const stopIfCancelled = cancelCheck(hooks.signal);
  const cases: Case[] = [];
  for (const [i, c] of s.included.entries()) {
    stopIfCancelled();
    cases.push(getCase(ctx.lib.db, c.id));
    hooks.progress?.('load', i + 1, s.included.length);
  }
  try {
    return await renderExport(cases, req, {
      volumeTitle: s.volume.title,
      generator: GENERATOR,
      now: new Date(),
      identifier: `urn:uuid:${randomUUID()}`,
      printer: () => exportPlatform().pdfPrinter(),
      ...(hooks.signal ? { signal: hooks.signal } : {}),
      ...(hooks.progress ? { progress: hooks.progress } : {}),
    });
  } catch (err) {
    // A renderer stopped by the signal fails its own way; the caller hears CANCELLED.
    stopIfCancelled();
    throw err;
  }
}

interface Written {
  path: string;
  files: number;
  bytes: number;
}

/** Writes a rendering to `target`: a file, or (split) a folder of files. Nothing half-written. */
function writeRendered(rendered: Rendered, target: string, signal: AbortSignal | undefined): Written {
  if (rendered.split)
    return { path: target, files: rendered.files.length, bytes: writeFolderAtomic(target, rendered.files, cancelCheck(signal)) };
  return { path: target, files: 1, bytes: writeFileAtomic(target, rendered.files[0]!.data, cancelCheck(signal)) };
}

function summary(
  s: Scoped,
  req: ExportRequest,
  jobId: string,
  fileName: string,
  written: Written,
  delivery: ExportSummary['delivery'],
): ExportSummary {
  return {
    jobId,
    volumeId: s.volume.id,
    volumeTitle: s.volume.title,
    fileName,
    format: req.format,
    included: s.included.map(ref),
    excluded: s.excluded.map(ref),
    files: written.files,
    bytes: written.bytes,
    delivery,
    path: delivery === 'saved' ? written.path : null,
  };
}

/** Exports to a path on this machine (the CLI, and Electron after its save dialog). `out` is a folder when split. */
export async function exportToPath(ctx: AppContext, req: ExportRequest, out: string, hooks: Hooks = {}): Promise<ExportSummary> {
  const s = resolveScope(ctx, req);
  if (s.included.length === 0) throw emptyScope(req, s.volume);
  const target = path.resolve(out);
  const rendered = await render(ctx, req, s, hooks);
  hooks.progress?.('write', 0, 1);
  const written = writeRendered(rendered, target, hooks.signal);
  hooks.progress?.('write', 1, 1);
  return summary(s, req, '', path.basename(target), written, 'saved');
}

interface Download {
  path: string;
  fileName: string;
  mediaType: string;
  size: number;
}

interface Outbox {
  dir: string;
  downloads: Map<string, Download>;
}

/** Browser mode's finished exports, waiting to be downloaded: `<library>/.exports/`, cleared when first used. */
const outboxes = new WeakMap<AppContext, Outbox>();

function outbox(ctx: AppContext): Outbox {
  let box = outboxes.get(ctx);
  if (!box) {
    const dir = path.join(ctx.lib.dir, '.exports');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    box = { dir, downloads: new Map() };
    outboxes.set(ctx, box);
  }
  return box;
}

function keepDownload(box: Outbox, jobId: string, d: Download): void {
  box.downloads.set(jobId, d);
  for (const [id, old] of [...box.downloads].slice(0, Math.max(0, box.downloads.size - KEEP_DOWNLOADS))) {
    fs.rmSync(path.dirname(old.path), { recursive: true, force: true });
    box.downloads.delete(id);
  }
}

async function runDownloadJob(
  ctx: AppContext,
  req: ExportRequest,
  s: Scoped,
  job: JobContext,
  jobId: () => string,
): Promise<ExportSummary> {
  const rendered = await render(ctx, req, s, { signal: job.signal, progress: job.progress });
  const box = outbox(ctx);
  const id = jobId();
  const dir = path.join(box.dir, id);
  fs.mkdirSync(dir, { recursive: true });
  const fileName = rendered.split ? `${rendered.name}.zip` : rendered.name;
  const data = rendered.split ? zipFiles(rendered.files) : rendered.files[0]!.data;
  job.progress('write', 0, 1);
  let bytes: number;
  try {
    bytes = writeFileAtomic(path.join(dir, fileName), data, cancelCheck(job.signal));
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  keepDownload(box, id, {
    path: path.join(dir, fileName),
    fileName,
    mediaType: rendered.split ? ZIP_MEDIA_TYPE : FORMAT_INFO[req.format].mediaType,
    size: bytes,
  });
  return summary(s, req, id, fileName, { path: path.join(dir, fileName), files: rendered.files.length, bytes }, 'download');
}

/**
 * Starts an export job. With a platform that asks where to save (Electron), the dialog comes first
 * and the job writes there; otherwise the job leaves the file for `GET /export/<jobId>`.
 */
export async function startExport(ctx: AppContext, req: ExportRequest): Promise<{ jobId: string; fileName: string }> {
  const s = resolveScope(ctx, req);
  if (s.included.length === 0) throw emptyScope(req, s.volume);
  const suggested = exportName(req, s.volume.title, s.included);
  const choose = exportPlatform().chooseDestination;
  if (choose) {
    const target = await choose(suggested, isSplit(req) ? 'folder' : 'file');
    if (!target) throw new AppError('CANCELLED', 'No destination chosen');
    // The job reads its own id only after its first await, by which time start() has returned it.
    let id = '';
    id = ctx.jobs.start(EXPORT_JOB, async (job) => ({
      ...(await exportToPath(ctx, req, target, { signal: job.signal, progress: job.progress })),
      jobId: id,
    }));
    return { jobId: id, fileName: path.basename(target) };
  }
  let id = '';
  id = ctx.jobs.start(EXPORT_JOB, (job) => runDownloadJob(ctx, req, s, job, () => id));
  return { jobId: id, fileName: isSplit(req) ? `${suggested}.zip` : suggested };
}

export function exportResult(ctx: AppContext, jobId: string): ExportSummary {
  return ctx.jobs.result<ExportSummary>(jobId, EXPORT_JOB);
}

/** The finished file of a browser-mode export, for the download route. */
export function exportDownload(ctx: AppContext, jobId: string): Download {
  exportResult(ctx, jobId);
  const d = outbox(ctx).downloads.get(jobId);
  if (!d || !fs.existsSync(d.path)) throw new AppError('NOT_FOUND', `No export file for job ${jobId}`, { jobId });
  return d;
}
