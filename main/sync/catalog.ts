import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { ScanInfo } from '../../shared/model/entities.ts';
import { OcrPage } from '../../shared/model/ocr.ts';
import { PageStatus } from '../../shared/model/stage.ts';
import { insertPages } from '../store/pagesRepo.ts';
import { withTransaction } from '../store/transaction.ts';
import { createVolume } from '../store/volumesRepo.ts';

/**
 * What a new machine needs before a volume's shared document means anything: which volumes the
 * server's library holds, and each volume's import data (pages with their text and OCR, the scan's
 * file names). These never change after the import, so they travel once over HTTP, not in Yjs;
 * what the team edits (page statuses, case fields, the log, the text) comes with the documents.
 */

export const CatalogEntry = z.object({ uuid: z.string(), title: z.string(), pages: z.number().int().nonnegative() });
export type CatalogEntry = z.infer<typeof CatalogEntry>;

export const VolumeImport = z.object({
  uuid: z.string(),
  title: z.string(),
  sourceName: z.string().nullable(),
  sourceHash: z.string().nullable(),
  scan: ScanInfo.nullable(),
  pages: z.array(
    z.object({
      uuid: z.string(),
      index: z.number().int().nonnegative(),
      printedLabel: z.string().nullable(),
      scanPage: z.number().int().nonnegative().nullable(),
      rawText: z.string(),
      status: PageStatus,
      ocr: OcrPage.nullable(),
    }),
  ),
});
export type VolumeImport = z.infer<typeof VolumeImport>;

export function listCatalog(db: DatabaseSync): CatalogEntry[] {
  return db
    .prepare(
      'SELECT v.uuid, v.title, (SELECT count(*) FROM pages p WHERE p.volume_id = v.id) AS pages FROM volumes v ORDER BY v.id',
    )
    .all()
    .map((r) => ({ uuid: String(r.uuid), title: String(r.title), pages: Number(r.pages) }));
}

export function volumeImport(db: DatabaseSync, uuid: string): VolumeImport | null {
  const v = db.prepare('SELECT id, uuid, title, source_name, source_hash, scan FROM volumes WHERE uuid = ?').get(uuid);
  if (!v) return null;
  const pages = db
    .prepare('SELECT uuid, idx, printed_label, scan_page, raw_text, status, ocr FROM pages WHERE volume_id = ? ORDER BY idx')
    .all(Number(v.id))
    .map((p) => ({
      uuid: String(p.uuid),
      index: Number(p.idx),
      printedLabel: p.printed_label === null ? null : String(p.printed_label),
      scanPage: p.scan_page === null ? null : Number(p.scan_page),
      rawText: String(p.raw_text),
      status: PageStatus.parse(p.status),
      ocr: p.ocr === null ? null : OcrPage.parse(JSON.parse(String(p.ocr))),
    }));
  return {
    uuid: String(v.uuid),
    title: String(v.title),
    sourceName: v.source_name === null ? null : String(v.source_name),
    sourceHash: v.source_hash === null ? null : String(v.source_hash),
    scan: v.scan === null ? null : ScanInfo.parse(JSON.parse(String(v.scan))),
    pages,
  };
}

/** Creates a volume the server announced, with its pages; returns its local id (the existing one if present). */
export function materializeVolume(db: DatabaseSync, v: VolumeImport): number {
  return withTransaction(db, () => {
    const have = db.prepare('SELECT id FROM volumes WHERE uuid = ?').get(v.uuid);
    if (have) return Number(have.id);
    const volume = createVolume(db, {
      uuid: v.uuid,
      title: v.title,
      sourceName: v.sourceName,
      sourceHash: v.sourceHash,
      scan: v.scan,
    });
    insertPages(db, volume.id, v.pages);
    return volume.id;
  });
}
