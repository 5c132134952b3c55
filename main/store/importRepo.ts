import type { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../shared/ipc/errors.ts';
import type { CaseDoc } from '../../shared/model/caseDoc.ts';
import type { ScanInfo, Volume } from '../../shared/model/entities.ts';
import type { ImportedTocEntry } from '../../shared/model/importResult.ts';
import { createCase } from './casesRepo.ts';
import { appendEvent } from './eventsRepo.ts';
import { insertPages, type NewPage } from './pagesRepo.ts';
import { nowIso } from './rows.ts';
import { replaceToc } from './tocRepo.ts';
import { withTransaction } from './transaction.ts';
import { createVolume, getVolume } from './volumesRepo.ts';

export interface ImportCase {
  number: number | null;
  title: string;
  organization: string;
  pageStart: number | null;
  pageEnd: number | null;
  printedStart: string | null;
  printedEnd: string | null;
  doc: CaseDoc;
  /** Defaults to the document's plain text. */
  text?: string;
  /** Raise the 有疑问 flag right after creation, with this reason (the import could not be sure of it). */
  flag?: string | null;
}

export interface ImportWrite {
  volume: { title: string; sourceName: string | null; sourceHash: string | null; scan: ScanInfo | null };
  /** Re-import into this volume: its pages, cases (with their history) and contents are replaced; its id stays. */
  replaceVolumeId?: number | null;
  pages: readonly NewPage[];
  toc: readonly ImportedTocEntry[];
  cases: readonly ImportCase[];
  who: string;
  at?: string;
}

/** Watching a long write: progress per case, and a way to stop it (the transaction rolls back). */
export interface ImportWriteHooks {
  onProgress?(done: number, total: number): void;
  /** Asked before each case; true rolls the whole write back with CANCELLED. */
  shouldStop?(): boolean;
  /**
   * Asked once, right before COMMIT: false rolls back with CANCELLED. Once it has returned true the
   * write is past stopping (a cancel must then be refused, or it would report a volume not written).
   */
  commitPoint?(): boolean;
}

/**
 * Writes a parsed volume in one transaction: volume, pages, contents, and each case with its
 * 'import' revision (and its 有疑问 flag, when the import asks for one). Any failure (a bad document, a duplicate page) leaves the library as it was,
 * including the volume being replaced, and so does stopping it through `hooks.shouldStop`.
 */
export function writeImport(db: DatabaseSync, input: ImportWrite, hooks: ImportWriteHooks = {}): Volume {
  const at = input.at ?? nowIso();
  const total = input.cases.length;
  const checkStop = (): void => {
    if (hooks.shouldStop?.()) throw new AppError('CANCELLED', 'Import cancelled; nothing was written');
  };
  return withTransaction(db, () => {
    checkStop();
    const volumeId = input.replaceVolumeId
      ? clearVolume(db, input.replaceVolumeId, input.volume, at)
      : createVolume(db, { ...input.volume, at }).id;
    insertPages(db, volumeId, input.pages);
    replaceToc(db, volumeId, input.toc);
    hooks.onProgress?.(0, total);
    for (const [k, c] of input.cases.entries()) {
      checkStop();
      const created = createCase(db, {
        volumeId,
        number: c.number,
        title: c.title,
        organization: c.organization,
        pageStart: c.pageStart,
        pageEnd: c.pageEnd,
        printedStart: c.printedStart,
        printedEnd: c.printedEnd,
        doc: c.doc,
        ...(c.text === undefined ? {} : { text: c.text }),
        who: input.who,
        at,
      });
      if (c.flag) {
        // After the creation event in log order: same time, later (time-ordered) uuid.
        appendEvent(db, {
          caseId: created.id,
          kind: 'flag',
          fromStage: created.stage,
          toStage: created.stage,
          who: input.who,
          at,
          note: c.flag,
        });
      }
      hooks.onProgress?.(k + 1, total);
    }
    checkStop();
    const volume = getVolume(db, volumeId);
    if (hooks.commitPoint && !hooks.commitPoint()) throw new AppError('CANCELLED', 'Import cancelled; nothing was written');
    return volume;
  });
}

function clearVolume(db: DatabaseSync, id: number, volume: ImportWrite['volume'], at: string): number {
  getVolume(db, id);
  // Deleting cases cascades to their revisions, events and tags, and the triggers drop them from the index.
  db.prepare('DELETE FROM cases WHERE volume_id = ?').run(id);
  db.prepare('DELETE FROM pages WHERE volume_id = ?').run(id);
  db.prepare('DELETE FROM toc_entries WHERE volume_id = ?').run(id);
  db.prepare('UPDATE volumes SET title = ?, source_name = ?, source_hash = ?, scan = ?, updated_at = ? WHERE id = ?').run(
    volume.title,
    volume.sourceName,
    volume.sourceHash,
    volume.scan ? JSON.stringify(volume.scan) : null,
    at,
    id,
  );
  return id;
}
