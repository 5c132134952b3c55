import fs from 'node:fs';
import path from 'node:path';
import type { ImportOptions, ImportResult } from '../../shared/model/importResult.ts';
import type { ProgressFn } from '../../shared/import/types.ts';
import { importPages, importText } from '../../shared/import/pipeline.ts';
import { findOversizedItem } from '../../shared/import/limits.ts';
import { AppError, inFile } from '../../shared/ipc/errors.ts';
import { decodeText } from './decode.ts';
import { extractPdfPages } from './pdfText.ts';
import { inspectScanPdf, suggestScanOffset } from '../scans/inspect.ts';
import { sniffFile } from './sniff.ts';

/** A volume's text layer is at most a few MB; past this it is not a text layer we can help with. */
export const MAX_TEXT_BYTES = 64 * 1024 * 1024;
export const MAX_PDF_BYTES = 1024 * 1024 * 1024;

export interface ParsedImport {
  result: ImportResult;
  scanPageCount: number;
  suggestedOffset: number;
}

export interface ParseInput {
  filePath: string;
  sourceName: string;
  scanPaths: string[];
  /** The names the user gave the scans (staged files sit under ids); defaults to the paths' base names. */
  scanNames?: string[];
  options: Partial<ImportOptions>;
}

const isPdf = (file: string) => sniffFile(file) === 'pdf';

/** Counts the pages of the scans the user attached: one PDF, or images one page each. */
export async function countScanPages(scanPaths: string[], signal?: AbortSignal, scanNames?: string[]): Promise<number> {
  let pages = 0;
  for (const [i, scan] of scanPaths.entries()) {
    const name = scanNames?.[i] ?? path.basename(scan);
    const kind = sniffFile(scan);
    try {
      if (kind === 'pdf') {
        pages += (await inspectScanPdf(fs.readFileSync(scan))).pageCount;
      } else if (kind !== null) {
        pages += 1;
      } else {
        throw new AppError('IMPORT_SCAN_UNSUPPORTED', `Not a PDF or an image`);
      }
    } catch (err) {
      throw inFile(err, name);
    }
    signal?.throwIfAborted();
  }
  return pages;
}

/**
 * Reads an input file (text layer in any common encoding, or a PDF with a text layer) and runs the
 * import pipeline on it. Used by the import worker and, in-process, by the CLI.
 */
export async function parseImportFile(input: ParseInput, onProgress?: ProgressFn, signal?: AbortSignal): Promise<ParsedImport> {
  try {
    return await parseNamedFile(input, onProgress, signal);
  } catch (err) {
    throw inFile(err, input.sourceName);
  }
}

async function parseNamedFile(input: ParseInput, onProgress?: ProgressFn, signal?: AbortSignal): Promise<ParsedImport> {
  const size = fs.statSync(input.filePath).size;
  const meta = { sourceName: input.sourceName, encoding: 'utf-8' };
  let result: ImportResult;
  if (size > 0 && isPdf(input.filePath)) {
    if (size > MAX_PDF_BYTES) throw new AppError('IMPORT_TOO_LARGE', 'The PDF is too large', { size, limit: MAX_PDF_BYTES });
    onProgress?.({ phase: 'pdf', done: 0, total: 1 });
    const extracted = await extractPdfPages(fs.readFileSync(input.filePath), {
      onProgress: (p) => onProgress?.(p),
      ...(signal ? { signal } : {}),
    });
    signal?.throwIfAborted();
    if (!extracted.hasText) {
      throw new AppError('IMPORT_PDF_BROKEN', 'The PDF has no text layer (it is an image scan: attach it as the scan)', {
        reason: 'no-text',
      });
    }
    result = importPages(extracted.pages, { ...meta, encoding: 'pdf' }, { ...input.options, onProgress });
  } else {
    if (size > MAX_TEXT_BYTES)
      throw new AppError('IMPORT_TOO_LARGE', 'The text file is too large', { size, limit: MAX_TEXT_BYTES });
    onProgress?.({ phase: 'decode', done: 0, total: 1 });
    const decoded = decodeText(fs.readFileSync(input.filePath));
    signal?.throwIfAborted();
    result = importText(decoded.text, { ...meta, encoding: decoded.encoding }, { ...input.options, onProgress });
  }
  signal?.throwIfAborted();
  refuseOversizedItems(result);
  onProgress?.({ phase: 'scan', done: 0, total: input.scanPaths.length });
  const scanPageCount = await countScanPages(input.scanPaths, signal, input.scanNames);
  const suggestedOffset = scanPageCount > 0 ? suggestScanOffset(result.pages, scanPageCount) : 0;
  return { result, scanPageCount, suggestedOffset };
}

/** A case (or front-matter item) no real volume has: the text's structure was not found. Refused before any preview. */
function refuseOversizedItems(result: ImportResult): void {
  const item = findOversizedItem(result);
  if (!item) return;
  throw new AppError(
    'IMPORT_CASE_TOO_LONG',
    `“${item.title}” has ${item.chars} characters, over the limit of ${item.limit} for one item`,
    {
      ...item,
      pages: item.pageStart === item.pageEnd ? `${item.pageStart + 1}` : `${item.pageStart + 1}–${item.pageEnd + 1}`,
    },
  );
}
