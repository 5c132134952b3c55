import type { DatabaseSync } from 'node:sqlite';
import { Page } from '../../shared/model/entities.ts';
import { PageStatus } from '../../shared/model/stage.ts';
import { withTransaction } from './transaction.ts';
import { notFound, parseStored, type Row } from './rows.ts';
import { getVolume, scanPageFor } from './volumesRepo.ts';

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
}

/** Adds pages to a volume in one transaction; an index already present fails the whole call. */
export function insertPages(db: DatabaseSync, volumeId: number, pages: readonly NewPage[]): void {
  withTransaction(db, () => {
    const scan = getVolume(db, volumeId).scan;
    const insert = db.prepare(
      `INSERT INTO pages (volume_id, idx, printed_label, scan_page, raw_text, status) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (const p of pages) {
      const scanPage = p.scanPage === undefined ? scanPageFor(p.index, scan) : p.scanPage;
      insert.run(volumeId, p.index, p.printedLabel, scanPage, p.rawText, PageStatus.parse(p.status ?? 'unproofed'));
    }
  });
}
