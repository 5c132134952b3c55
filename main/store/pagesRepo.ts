import type { DatabaseSync } from 'node:sqlite';
import { AppError, zodIssues } from '../../shared/ipc/errors.ts';
import { Page } from '../../shared/model/entities.ts';
import { OcrPage } from '../../shared/model/ocr.ts';
import { PageStatus } from '../../shared/model/stage.ts';
import { withTransaction } from './transaction.ts';
import { notFound, parseJson, parseStored, type Row } from './rows.ts';
import { getVolume, scanPageFor } from './volumesRepo.ts';
import { newUuid } from './uuid.ts';

const PAGE_COLUMNS = `id, volume_id AS volumeId, idx AS "index", printed_label AS printedLabel,
  scan_page AS scanPage, raw_text AS rawText, status`;

function toPage(row: Row): Page {
  return parseStored(Page, row, `page ${String(row.id)}`);
}

export function listPages(db: DatabaseSync, volumeId: number): Page[] {
  return db.prepare(`SELECT ${PAGE_COLUMNS} FROM pages WHERE volume_id = ? ORDER BY idx`).all(volumeId).map(toPage);
}

export function getPage(db: DatabaseSync, id: number): Page {
  const row = db.prepare(`SELECT ${PAGE_COLUMNS} FROM pages WHERE id = ?`).get(id);
  if (!row) throw notFound('page', id);
  return toPage(row);
}

export function setPageStatus(db: DatabaseSync, id: number, status: PageStatus): Page {
  const checked = PageStatus.parse(status);
  const res = db.prepare('UPDATE pages SET status = ? WHERE id = ?').run(checked, id);
  if (res.changes === 0) throw notFound('page', id);
  return getPage(db, id);
}

export interface NewPage {
  index: number;
  printedLabel: string | null;
  rawText: string;
  status?: PageStatus;
  /** Defaults to the page paired by the volume's scan offset. */
  scanPage?: number | null;
  /** What OCR read on the page's image; absent or null when its text came from a text layer. */
  ocr?: OcrPage | null;
  /** A page arriving from the team's server keeps its uuid. */
  uuid?: string;
}

/** Checks OCR data before it is written, so bad input is a VALIDATION error rather than a corrupt row later. */
function ocrJson(ocr: OcrPage | null | undefined, index: number): string | null {
  if (ocr === undefined || ocr === null) return null;
  const parsed = OcrPage.safeParse(ocr);
  if (!parsed.success) {
    throw new AppError('VALIDATION', `Invalid OCR data for page ${index}`, {
      page: index,
      issues: zodIssues(parsed.error).slice(0, 5),
    });
  }
  return JSON.stringify(parsed.data);
}

/**
 * What OCR read on a volume's page (by its 0-based index), or null when the page's text came from a
 * text layer. Kept out of `listPages`: a page's OCR is tens of kilobytes, needed one page at a time.
 */
export function getPageOcr(db: DatabaseSync, volumeId: number, index: number): OcrPage | null {
  const row = db.prepare('SELECT id, ocr FROM pages WHERE volume_id = ? AND idx = ?').get(volumeId, index);
  if (!row) {
    getVolume(db, volumeId);
    throw new AppError('NOT_FOUND', `page ${index} of volume ${volumeId} not found`, { entity: 'page', volumeId, index });
  }
  if (row.ocr === null) return null;
  const where = `OCR of page ${String(row.id)}`;
  return parseStored(OcrPage, parseJson(row.ocr, where), where);
}

/** Adds pages to a volume in one transaction; an index already present fails the whole call. */
export function insertPages(db: DatabaseSync, volumeId: number, pages: readonly NewPage[]): void {
  withTransaction(db, () => {
    const scan = getVolume(db, volumeId).scan;
    const insert = db.prepare(
      `INSERT INTO pages (volume_id, idx, printed_label, scan_page, raw_text, status, ocr, uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const p of pages) {
      const scanPage = p.scanPage === undefined ? scanPageFor(p.index, scan) : p.scanPage;
      const status = PageStatus.parse(p.status ?? 'unproofed');
      insert.run(volumeId, p.index, p.printedLabel, scanPage, p.rawText, status, ocrJson(p.ocr, p.index), p.uuid ?? newUuid());
    }
  });
}

/**
 * Replaces what OCR read on a volume's page (by its 0-based index): a page read again and kept by
 * the user. Only the OCR changes; the page's text and every case stay as they are.
 */
export function setPageOcr(db: DatabaseSync, volumeId: number, index: number, ocr: OcrPage): void {
  const json = ocrJson(ocr, index);
  const res = db.prepare('UPDATE pages SET ocr = ? WHERE volume_id = ? AND idx = ?').run(json, volumeId, index);
  if (res.changes === 0) {
    getVolume(db, volumeId);
    throw new AppError('NOT_FOUND', `page ${index} of volume ${volumeId} not found`, { entity: 'page', volumeId, index });
  }
}
