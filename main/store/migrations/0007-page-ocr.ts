import type { DatabaseSync } from 'node:sqlite';

export const version = 7;
export const name = 'page-ocr';

// What OCR read on a scanned page (shared/model/ocr.ts: line boxes, character boxes and
// confidences), as compact JSON beside the page's raw text: the editor needs it after the import
// (low-confidence suspects, linking text and scan). NULL for pages that had a text layer, and for
// every page imported before OCR existed.
export function up(db: DatabaseSync): void {
  db.exec(`ALTER TABLE pages ADD COLUMN ocr TEXT CHECK (ocr IS NULL OR json_valid(ocr));`);
}
