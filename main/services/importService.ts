import fs from 'node:fs';
import path from 'node:path';
import type { ImportPreview } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/errors.ts';
import type { ScanInfo, Volume } from '../../shared/model/entities.ts';
import type { ImportOptions, ImportResult } from '../../shared/model/importResult.ts';
import { docToPlainText } from '../../shared/model/caseDoc.ts';
import { findVolumeBySourceHash, storeScanFile, writeImport, type ImportCase } from '../store/index.ts';
import { parseImportFile, type ParsedImport, type ParseInput } from '../import/parseImportFile.ts';
import { runImportWorker } from '../import/runImportWorker.ts';
import { sniffFile } from '../import/sniff.ts';
import { currentUser, type AppContext } from './context.ts';
import type { StagedEntry } from './staging.ts';

export const IMPORT_JOB = 'import';

interface PendingImport {
  file: StagedEntry;
  scans: StagedEntry[];
}

/** Staged inputs of each import job, kept until the job is committed or forgotten. */
const pending = new WeakMap<AppContext, Map<string, PendingImport>>();

function pendingFor(ctx: AppContext): Map<string, PendingImport> {
  let map = pending.get(ctx);
  if (!map) pending.set(ctx, (map = new Map()));
  return map;
}

function parseInput(file: StagedEntry, scans: StagedEntry[], options: Partial<ImportOptions>): ParseInput {
  return {
    filePath: file.path,
    sourceName: file.name,
    scanPaths: scans.map((s) => s.path),
    options,
  };
}

/** Starts parsing a staged file in a worker; the UI polls the job and then asks for the preview. */
export function startImport(ctx: AppContext, fileId: string, scanFileIds: string[], options: Partial<ImportOptions>): string {
  const file = ctx.staging.get(fileId);
  const scans = scanFileIds.map((id) => ctx.staging.get(id));
  const jobId = ctx.jobs.start(IMPORT_JOB, (job) => runImportWorker(parseInput(file, scans, options), job));
  pendingFor(ctx).set(jobId, { file, scans });
  return jobId;
}

export function previewImport(ctx: AppContext, jobId: string): ImportPreview {
  const parsed = ctx.jobs.result<ParsedImport>(jobId, IMPORT_JOB);
  const entry = pendingFor(ctx).get(jobId);
  if (!entry) throw new AppError('NOT_FOUND', `No import ${jobId}`, { jobId });
  return {
    jobId,
    sha256: entry.file.sha256,
    result: parsed.result,
    scanPageCount: parsed.scanPageCount,
    suggestedOffset: parsed.suggestedOffset,
    existingVolume: findVolumeBySourceHash(ctx.lib.db, entry.file.sha256),
  };
}

/** Copies the scans into the library by content hash and describes them for the volume. */
function storeScans(ctx: AppContext, scans: StagedEntry[], pageCount: number, offset: number): ScanInfo | null {
  if (scans.length === 0) return null;
  const kinds = scans.map((s) => sniffFile(s.path));
  const bad = scans.find((_, i) => kinds[i] === null);
  if (bad) throw new AppError('IMPORT_SCAN_UNSUPPORTED', `Not a PDF or an image: ${bad.name}`, { file: bad.name });
  if (kinds.includes('pdf') && scans.length > 1) {
    throw new AppError('IMPORT_SCAN_UNSUPPORTED', 'Attach one scan PDF, or images only', { count: scans.length });
  }
  const files = scans.map((s, i) => storeScanFile(ctx.lib, fs.readFileSync(s.path), kinds[i]!));
  return { kind: kinds[0] === 'pdf' ? 'pdf' : 'images', files, pageCount, offset };
}

function importCases(result: ImportResult): ImportCase[] {
  const front: ImportCase[] = result.frontMatter.map((fm) => ({
    number: null,
    title: fm.title,
    organization: fm.byline ?? '',
    pageStart: fm.pageStart,
    pageEnd: fm.pageEnd,
    printedStart: null,
    printedEnd: null,
    doc: fm.doc,
    text: docToPlainText(fm.doc),
  }));
  const cases: ImportCase[] = result.cases.map((c) => ({
    number: c.number,
    title: c.title,
    organization: c.organization,
    pageStart: c.pageStart,
    pageEnd: c.pageEnd,
    printedStart: c.printedPages ? String(c.printedPages[0]) : null,
    printedEnd: c.printedPages ? String(c.printedPages[1]) : null,
    doc: c.doc,
    text: docToPlainText(c.doc),
  }));
  return [...front, ...cases];
}

export interface CommitInput {
  title: string;
  scanOffset: number;
  replaceVolumeId: number | null;
}

/** Writes a parsed import into the library in one transaction (scan files are content-addressed, written first). */
export function commitParsed(ctx: AppContext, entry: PendingImport, parsed: ParsedImport, input: CommitInput): Volume {
  const scan = storeScans(ctx, entry.scans, parsed.scanPageCount, input.scanOffset);
  return writeImport(ctx.lib.db, {
    volume: { title: input.title, sourceName: entry.file.name, sourceHash: entry.file.sha256, scan },
    replaceVolumeId: input.replaceVolumeId,
    pages: parsed.result.pages.map((p) => ({
      index: p.index,
      printedLabel: p.printed === null ? null : String(p.printed),
      rawText: p.raw,
    })),
    toc: parsed.result.toc,
    cases: importCases(parsed.result),
    who: currentUser(ctx),
  });
}

export function commitImport(ctx: AppContext, jobId: string, input: CommitInput): Volume {
  const parsed = ctx.jobs.result<ParsedImport>(jobId, IMPORT_JOB);
  const entry = pendingFor(ctx).get(jobId);
  if (!entry) throw new AppError('NOT_FOUND', `No import ${jobId}`, { jobId });
  const volume = commitParsed(ctx, entry, parsed, input);
  pendingFor(ctx).delete(jobId);
  return volume;
}

/** Parses and writes a file in-process (CLI, the bundled sample): no worker, no job. */
export async function importFileNow(
  ctx: AppContext,
  filePath: string,
  scanPaths: string[],
  input: Omit<CommitInput, 'scanOffset'> & { scanOffset?: number },
  options: Partial<ImportOptions> = {},
): Promise<Volume> {
  const file = ctx.staging.stagePath(filePath);
  const scans = scanPaths.map((p) => ctx.staging.stagePath(p));
  const parsed = await parseImportFile(parseInput(file, scans, options));
  return commitParsed(ctx, { file, scans }, parsed, { ...input, scanOffset: input.scanOffset ?? parsed.suggestedOffset });
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
