import { AppError } from '../../shared/ipc/errors.ts';
import type { OcrPage } from '../../shared/model/ocr.ts';
import type { ReocrRotation } from '../../shared/model/reocr.ts';
import { ocrScanPage } from '../ocr/pageOcr.ts';
import { scanFilePath } from '../scans/files.ts';
import { getVolume, listPages, setPageOcr } from '../store/index.ts';
import type { AppContext } from './context.ts';

export const REOCR_JOB = 'reocr';

/**
 * Starts reading one page of a volume (0-based page index) again with OCR, from the volume's stored
 * scan: poll `jobs:get` (phases `render`, `ocr`), cancel with `jobs:cancel`, then read the reading
 * with `reocrResult`. Nothing is written: the page's stored OCR and all text stay as they are.
 * Refused before any work: OCR_NO_SCAN (the volume has none), NOT_FOUND (no such page),
 * OCR_NO_SCAN_PAGE (no scan page pairs with it).
 */
export function startReocr(
  ctx: AppContext,
  input: { volumeId: number; index: number; rotation: ReocrRotation },
): { jobId: string } {
  const db = ctx.lib.db;
  const volume = getVolume(db, input.volumeId);
  const scan = volume.scan;
  if (!scan) throw new AppError('OCR_NO_SCAN', `Volume ${volume.id} has no scan`, { volumeId: volume.id });
  const page = listPages(db, volume.id).find((p) => p.index === input.index);
  if (!page) {
    throw new AppError('NOT_FOUND', `page ${input.index} of volume ${volume.id} not found`, {
      entity: 'page',
      volumeId: volume.id,
      index: input.index,
    });
  }
  const scanPage = page.scanPage;
  if (scanPage === null || scanPage >= scan.pageCount) {
    throw new AppError('OCR_NO_SCAN_PAGE', `Page ${input.index + 1} has no page of the scan`, {
      page: input.index + 1,
      scanPages: scan.pageCount,
    });
  }
  const files = scan.files.map((name) => scanFilePath(ctx.lib, name));
  const turn = input.rotation === 'auto' ? 0 : input.rotation;
  const jobId = ctx.jobs.start(REOCR_JOB, (job) =>
    ocrScanPage(files, scanPage, {
      turn,
      signal: job.signal,
      onProgress: (phase, done, total) => job.progress(phase, done, total),
    }),
  );
  return { jobId };
}

/** A finished re-OCR job's reading (CANCELLED, or the job's own error, when it did not finish). */
export function reocrResult(ctx: AppContext, jobId: string): OcrPage {
  return ctx.jobs.result<OcrPage>(jobId, REOCR_JOB);
}

/** Keeps a reading the user accepted as the page's OCR (suspects and line links use it from then on). */
export function keepPageOcr(ctx: AppContext, input: { volumeId: number; index: number; ocr: OcrPage }): { ok: true } {
  setPageOcr(ctx.lib.db, input.volumeId, input.index, input.ocr);
  return { ok: true };
}
