import { newUuid } from './uuid.ts';
import type { DatabaseSync } from 'node:sqlite';
import { ScanInfo, Volume } from '../../shared/model/entities.ts';
import { withTransaction } from './transaction.ts';
import { notFound, nowIso, parseJson, parseStored, rowId, type Row } from './rows.ts';

const VOLUME_COLUMNS = `
  v.id, v.title, v.source_name AS sourceName, v.source_hash AS sourceHash, v.scan,
  (SELECT count(*) FROM cases c WHERE c.volume_id = v.id) AS caseCount,
  (SELECT count(*) FROM pages p WHERE p.volume_id = v.id) AS pageCount,
  v.created_at AS createdAt, v.updated_at AS updatedAt`;

function toVolume(row: Row): Volume {
  const where = `volume ${String(row.id)}`;
  const scan = row.scan === null ? null : parseStored(ScanInfo, parseJson(row.scan, `${where} scan`), `${where} scan`);
  return parseStored(Volume, { ...row, scan }, where);
}

export function listVolumes(db: DatabaseSync): Volume[] {
  return db.prepare(`SELECT ${VOLUME_COLUMNS} FROM volumes v ORDER BY v.created_at, v.id`).all().map(toVolume);
}

export function getVolume(db: DatabaseSync, id: number): Volume {
  const row = db.prepare(`SELECT ${VOLUME_COLUMNS} FROM volumes v WHERE v.id = ?`).get(id);
  if (!row) throw notFound('volume', id);
  return toVolume(row);
}

export function findVolumeBySourceHash(db: DatabaseSync, sourceHash: string): Volume | null {
  const row = db.prepare(`SELECT ${VOLUME_COLUMNS} FROM volumes v WHERE v.source_hash = ? ORDER BY v.id LIMIT 1`).get(sourceHash);
  return row ? toVolume(row) : null;
}

export interface NewVolume {
  title: string;
  sourceName?: string | null;
  sourceHash?: string | null;
  scan?: ScanInfo | null;
  at?: string;
  /** A volume arriving from the team's server keeps its uuid. */
  uuid?: string;
}

export function createVolume(db: DatabaseSync, input: NewVolume): Volume {
  const at = input.at ?? nowIso();
  const scan = input.scan ? ScanInfo.parse(input.scan) : null;
  const res = db
    .prepare(
      `INSERT INTO volumes (uuid, title, source_name, source_hash, scan, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.uuid ?? newUuid(),
      input.title,
      input.sourceName ?? null,
      input.sourceHash ?? null,
      scan ? JSON.stringify(scan) : null,
      at,
      at,
    );
  return getVolume(db, rowId(res.lastInsertRowid));
}

export function renameVolume(db: DatabaseSync, id: number, title: string): Volume {
  const res = db.prepare('UPDATE volumes SET title = ?, updated_at = ? WHERE id = ?').run(title, nowIso(), id);
  if (res.changes === 0) throw notFound('volume', id);
  return getVolume(db, id);
}

/** Deletes the volume with its pages, cases (and their history, tags), and table of contents. */
export function deleteVolume(db: DatabaseSync, id: number): void {
  const res = db.prepare('DELETE FROM volumes WHERE id = ?').run(id);
  if (res.changes === 0) throw notFound('volume', id);
}

/** The scan page paired with text page `index`, or null when the offset pushes it outside the scan. */
export function scanPageFor(index: number, scan: ScanInfo | null): number | null {
  if (!scan) return null;
  const p = index + scan.offset;
  return p >= 0 && p < scan.pageCount ? p : null;
}

/**
 * Attaches, changes or removes a volume's scan. Each page's scan_page follows from the offset, so
 * they are recomputed in the same transaction.
 */
export function setVolumeScan(db: DatabaseSync, id: number, scan: ScanInfo | null): Volume {
  const checked = scan ? ScanInfo.parse(scan) : null;
  return withTransaction(db, () => {
    const res = db
      .prepare('UPDATE volumes SET scan = ?, updated_at = ? WHERE id = ?')
      .run(checked ? JSON.stringify(checked) : null, nowIso(), id);
    if (res.changes === 0) throw notFound('volume', id);
    if (checked) {
      db.prepare(
        `UPDATE pages SET scan_page = CASE WHEN idx + :offset BETWEEN 0 AND :count - 1 THEN idx + :offset END
         WHERE volume_id = :id`,
      ).run({ offset: checked.offset, count: checked.pageCount, id });
    } else {
      db.prepare('UPDATE pages SET scan_page = NULL WHERE volume_id = ?').run(id);
    }
    return getVolume(db, id);
  });
}

/** Scan file names referenced by any volume (to keep when pruning the scans folder). */
export function referencedScanFiles(db: DatabaseSync): Set<string> {
  const files = new Set<string>();
  for (const v of listVolumes(db)) for (const f of v.scan?.files ?? []) files.add(f);
  return files;
}
