import fs from 'node:fs';
import path from 'node:path';
import type { ImportOptions, ImportResult } from '../../shared/model/importResult.ts';
import type { OcrPage } from '../../shared/model/ocr.ts';
import type { ProgressFn } from '../../shared/import/types.ts';
import { importPages, importText } from '../../shared/import/pipeline.ts';
import { ocrRawPages } from '../../shared/import/ocrPages.ts';
import { findOversizedItem } from '../../shared/import/limits.ts';
import { AppError, inFile } from '../../shared/ipc/errors.ts';
import { decodeText } from './decode.ts';
import { extractPdfPages } from './pdfText.ts';
import { inspectScanPdf, listImageScans, suggestScanOffset } from '../scans/inspect.ts';
import type { ScanSource } from '../scans/files.ts';
import { ocrCacheDir, ocrSource } from '../ocr/index.ts';
import { sha256File } from '../services/staging.ts';
import { sniffFile } from './sniff.ts';

/** A volume's text layer is at most a few MB; past this it is not a text layer we can help with. */
export const MAX_TEXT_BYTES = 64 * 1024 * 1024;
export const MAX_PDF_BYTES = 1024 * 1024 * 1024;

export interface ParsedImport {
  result: ImportResult;
  scanPageCount: number;
  suggestedOffset: number;
  /**
   * When OCR read the input (a scan alone, or a PDF's pages without text): the input's own files, its
   * scan if the user attached none (the import stores them as the volume's scan, page for page).
   */
  sourceScans?: ScanSource[];
}

export interface ParseInput {
  filePath: string;
  sourceName: string;
  scanPaths: string[];
  /** The names the user gave the scans (staged files sit under ids); defaults to the paths' base names. */
  scanNames?: string[];
  options: Partial<ImportOptions>;
  /** Where OCR keeps the pages it has read (`<library>/ocr-cache`), so that a cancelled or crashed import resumes; none = no resume. */
  ocrCacheRoot?: string;
}

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
 * Reads an input (a text layer in any common encoding; a PDF, its pages without a text layer read by
 * OCR; page images, or a folder of them, read by OCR) and runs the import pipeline on it. Used by the
 * import worker and, in-process, by the CLI.
 */
export async function parseImportFile(input: ParseInput, onProgress?: ProgressFn, signal?: AbortSignal): Promise<ParsedImport> {
  try {
    return await parseNamedFile(input, onProgress, signal);
  } catch (err) {
    throw inFile(err, input.sourceName);
  }
}

async function parseNamedFile(input: ParseInput, onProgress?: ProgressFn, signal?: AbortSignal): Promise<ParsedImport> {
  const stat = fs.statSync(input.filePath);
  const size = stat.size;
  const kind = stat.isDirectory() ? 'dir' : size > 0 ? sniffFile(input.filePath) : null;
  const meta = { sourceName: input.sourceName, encoding: 'utf-8' };
  let result: ImportResult;
  let sourceScans: ScanSource[] | undefined;
  if (kind === 'pdf') {
    if (size > MAX_PDF_BYTES) throw new AppError('IMPORT_TOO_LARGE', 'The PDF is too large', { size, limit: MAX_PDF_BYTES });
    onProgress?.({ phase: 'pdf', done: 0, total: 1 });
    const extracted = await extractPdfPages(fs.readFileSync(input.filePath), {
      onProgress: (p) => onProgress?.(p),
      ...(signal ? { signal } : {}),
    });
    signal?.throwIfAborted();
    // Pages without a text layer (all of them in an image-only scan) are read by OCR; the others keep their text.
    const textPages = new Set(extracted.pages.filter((p) => p.lines.some((l) => l.trim() !== '')).map((p) => p.index));
    if (textPages.size < extracted.pages.length) {
      const ocr = await readByOcr(input, onProgress, signal, textPages);
      result = withOcr(
        importPages(
          ocrRawPages(ocr, extracted.pages),
          { ...meta, encoding: extracted.hasText ? 'pdf+ocr' : 'ocr' },
          { ...input.options, onProgress },
        ),
        ocr,
      );
      sourceScans = [scanOf(input.filePath, input.sourceName)];
    } else {
      result = importPages(extracted.pages, { ...meta, encoding: 'pdf' }, { ...input.options, onProgress });
    }
  } else if (kind === 'dir' || kind === 'jpg' || kind === 'png' || kind === 'tif') {
    const ocr = await readByOcr(input, onProgress, signal);
    result = withOcr(importPages(ocrRawPages(ocr), { ...meta, encoding: 'ocr' }, { ...input.options, onProgress }), ocr);
    sourceScans =
      kind === 'dir'
        ? listImageScans(input.filePath).map((f) => scanOf(f, path.basename(f)))
        : [scanOf(input.filePath, input.sourceName)];
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
  // A scan read by OCR is its own scan, page for page, unless the user attached another.
  if (sourceScans && input.scanPaths.length === 0)
    return { result, scanPageCount: result.pages.length, suggestedOffset: 0, sourceScans };
  onProgress?.({ phase: 'scan', done: 0, total: input.scanPaths.length });
  const scanPageCount = await countScanPages(input.scanPaths, signal, input.scanNames);
  const suggestedOffset = scanPageCount > 0 ? suggestScanOffset(result.pages, scanPageCount) : 0;
  return { result, scanPageCount, suggestedOffset };
}

/** The input's pages read by OCR (null for a PDF page with a text layer), page by page under phase 'ocr'; resumes from the cache. */
async function readByOcr(
  input: ParseInput,
  onProgress?: ProgressFn,
  signal?: AbortSignal,
  textPages?: ReadonlySet<number>,
): Promise<(OcrPage | null)[]> {
  onProgress?.({ phase: 'ocr', done: 0, total: 0 });
  const { pages } = await ocrSource(input.filePath, {
    // The PDF's text layer was read once above: which pages have one is not decided again.
    ...(textPages ? { textPages } : {}),
    ...(input.ocrCacheRoot !== undefined ? { cacheDir: ocrCacheDir(input.ocrCacheRoot, input.filePath) } : {}),
    ...(signal ? { signal } : {}),
    onProgress: (done, total) => onProgress?.({ phase: 'ocr', done, total }),
  });
  signal?.throwIfAborted();
  // Nothing read anywhere (blank pages, no text layer either): no volume to make of it.
  if (!pages.some((p) => p === null || p.lines.some((l) => l.text.trim() !== ''))) {
    throw new AppError('IMPORT_EMPTY', 'OCR found no text on any page');
  }
  return pages;
}

/** The result with each OCR'd page's reading kept on it (the editor needs its boxes and confidences). */
function withOcr(result: ImportResult, ocr: readonly (OcrPage | null)[]): ImportResult {
  // Pages cut for length (never a printed page's OCR) no longer match the scan's pages: keep nothing then.
  if (result.pages.length !== ocr.length) return result;
  return { ...result, pages: result.pages.map((p, i) => (ocr[i] ? { ...p, ocr: ocr[i] } : p)) };
}

function scanOf(file: string, name: string): ScanSource {
  return { path: file, name, sha256: sha256File(file) };
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
