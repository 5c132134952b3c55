import type { DatabaseSync } from 'node:sqlite';
import { TocEntry } from '../../shared/model/entities.ts';
import type { ImportedTocEntry } from '../../shared/model/importResult.ts';
import { withTransaction } from './transaction.ts';
import { parseStored } from './rows.ts';

export function listToc(db: DatabaseSync, volumeId: number): TocEntry[] {
  return db
    .prepare(
      `SELECT id, volume_id AS volumeId, number, title, organization, page
       FROM toc_entries WHERE volume_id = ? ORDER BY idx`,
    )
    .all(volumeId)
    .map((r) => parseStored(TocEntry, r, `toc entry ${String(r.id)}`));
}

/** Replaces a volume's table of contents with `entries`, in their order. */
export function replaceToc(db: DatabaseSync, volumeId: number, entries: readonly ImportedTocEntry[]): void {
  withTransaction(db, () => {
    db.prepare('DELETE FROM toc_entries WHERE volume_id = ?').run(volumeId);
    const insert = db.prepare(
      'INSERT INTO toc_entries (volume_id, idx, number, title, organization, page) VALUES (?, ?, ?, ?, ?, ?)',
    );
    entries.forEach((e, i) => insert.run(volumeId, i, e.number, e.title, e.organization, e.page));
  });
}
