import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { ReplaceBatch } from '../../shared/model/replace.ts';
import { Stage } from '../../shared/model/stage.ts';
import { notFound, parseJson, parseStored, rowId, type Row } from './rows.ts';
import { newUuid } from './uuid.ts';

/** A case as a replace reads it: the stored doc JSON kept as text, so an undo can put back the same bytes. */
export interface StoredCase {
  id: number;
  volumeId: number;
  number: number | null;
  title: string;
  organization: string;
  stage: Stage;
  version: number;
  docJson: string;
  text: string;
}

const StoredCaseRow = z.object({
  id: z.number(),
  volumeId: z.number(),
  number: z.number().nullable(),
  title: z.string(),
  organization: z.string(),
  stage: Stage,
  version: z.number(),
  docJson: z.string(),
  text: z.string(),
});

const CASE_COLUMNS = `id, volume_id AS volumeId, number, title, organization, stage, version, doc AS docJson, text`;

function toStoredCase(r: Row): StoredCase {
  return parseStored(StoredCaseRow, r, `case ${String(r.id)}`);
}

/**
 * The cases of a volume in case order, or only `caseIds` among them (each must belong to the
 * volume, else NOT_FOUND).
 */
export function listVolumeCasesForReplace(db: DatabaseSync, volumeId: number, caseIds?: readonly number[]): StoredCase[] {
  const all = db
    .prepare(`SELECT ${CASE_COLUMNS} FROM cases WHERE volume_id = ? ORDER BY number IS NULL, number, id`)
    .all(volumeId)
    .map(toStoredCase);
  if (caseIds === undefined) return all;
  const wanted = new Set(caseIds);
  const found = all.filter((c) => wanted.has(c.id));
  if (found.length !== wanted.size) {
    const have = new Set(found.map((c) => c.id));
    throw notFound(
      'case',
      [...wanted].find((id) => !have.has(id))!,
    );
  }
  return found;
}

export function getCaseForReplace(db: DatabaseSync, id: number): StoredCase {
  const row = db.prepare(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = ?`).get(id);
  if (!row) throw notFound('case', id);
  return toStoredCase(row);
}

export interface CaseWrite {
  id: number;
  /** The new version. */
  version: number;
  docJson: string;
  text: string;
  title: string;
  organization: string;
  at: string;
}

/** Writes a case's whole text as a new version (the FTS triggers follow in the same transaction). */
export function writeCaseText(db: DatabaseSync, w: CaseWrite): void {
  db.prepare(`UPDATE cases SET doc = ?, text = ?, title = ?, organization = ?, version = ?, updated_at = ? WHERE id = ?`).run(
    w.docJson,
    w.text,
    w.title,
    w.organization,
    w.version,
    w.at,
    w.id,
  );
}

export interface NewBatch {
  volumeId: number;
  find: string;
  replacement: string;
  regex: boolean;
  caseSensitive: boolean;
  reason: string;
  who: string;
  at: string;
  hits: number;
}

export function insertBatch(db: DatabaseSync, b: NewBatch): number {
  const res = db
    .prepare(
      `INSERT INTO replace_batches (uuid, volume_id, find, replacement, flags, reason, who, at, hits)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      newUuid(),
      b.volumeId,
      b.find,
      b.replacement,
      JSON.stringify({ regex: b.regex, caseSensitive: b.caseSensitive }),
      b.reason,
      b.who,
      b.at,
      b.hits,
    );
  return rowId(res.lastInsertRowid);
}

/** A touched case's row as it was before the batch, and the version the batch gave it. */
export interface BatchCaseBefore {
  batchId: number;
  caseId: number;
  hits: number;
  versionBefore: number;
  versionAfter: number;
  docBefore: string;
  textBefore: string;
  titleBefore: string;
  organizationBefore: string;
}

export function insertBatchCase(db: DatabaseSync, c: BatchCaseBefore): void {
  db.prepare(
    `INSERT INTO replace_batch_cases (batch_id, case_id, hits, version_before, version_after, doc_before, text_before,
       title_before, organization_before)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.batchId,
    c.caseId,
    c.hits,
    c.versionBefore,
    c.versionAfter,
    c.docBefore,
    c.textBefore,
    c.titleBefore,
    c.organizationBefore,
  );
}

const Flags = z.object({ regex: z.boolean(), caseSensitive: z.boolean() });

const BATCH_COLUMNS = `b.id, b.uuid, b.volume_id AS volumeId, b.find, b.replacement, b.flags, b.reason, b.who, b.at, b.hits,
  (SELECT count(*) FROM replace_batch_cases bc WHERE bc.batch_id = b.id) AS cases,
  b.undone_at AS undoneAt, b.undone_by AS undoneBy`;

function toBatch(r: Row): ReplaceBatch {
  const where = `replace batch ${String(r.id)}`;
  const flags = parseStored(Flags, parseJson(r.flags, `${where} flags`), `${where} flags`);
  const { flags: _stored, ...rest } = r;
  return parseStored(ReplaceBatch, { ...rest, ...flags }, where);
}

/** A volume's batches, newest first. */
export function listBatches(db: DatabaseSync, volumeId: number): ReplaceBatch[] {
  return db
    .prepare(`SELECT ${BATCH_COLUMNS} FROM replace_batches b WHERE b.volume_id = ? ORDER BY b.id DESC`)
    .all(volumeId)
    .map(toBatch);
}

export function getBatch(db: DatabaseSync, id: number): ReplaceBatch {
  const row = db.prepare(`SELECT ${BATCH_COLUMNS} FROM replace_batches b WHERE b.id = ?`).get(id);
  if (!row) throw notFound('replace batch', id);
  return toBatch(row);
}

/** A touched case as an undo needs it: its row before the batch, and where it stands now. */
export interface BatchCase extends BatchCaseBefore {
  number: number | null;
  /** The case's title now (for naming it in a refusal). */
  title: string;
  currentVersion: number;
  stage: Stage;
}

const BatchCaseRow = z.object({
  batchId: z.number(),
  caseId: z.number(),
  hits: z.number(),
  versionBefore: z.number(),
  versionAfter: z.number(),
  docBefore: z.string(),
  textBefore: z.string(),
  titleBefore: z.string(),
  organizationBefore: z.string(),
  number: z.number().nullable(),
  title: z.string(),
  currentVersion: z.number(),
  stage: Stage,
});

/** The cases a batch touched that still exist (a deleted case took its row with it), in case order. */
export function listBatchCases(db: DatabaseSync, batchId: number): BatchCase[] {
  return db
    .prepare(
      `SELECT bc.batch_id AS batchId, bc.case_id AS caseId, bc.hits, bc.version_before AS versionBefore,
         bc.version_after AS versionAfter, bc.doc_before AS docBefore, bc.text_before AS textBefore,
         bc.title_before AS titleBefore, bc.organization_before AS organizationBefore,
         c.number, c.title, c.version AS currentVersion, c.stage
       FROM replace_batch_cases bc JOIN cases c ON c.id = bc.case_id
       WHERE bc.batch_id = ? ORDER BY c.number IS NULL, c.number, c.id`,
    )
    .all(batchId)
    .map((r) => parseStored(BatchCaseRow, r, `replace batch ${batchId} case ${String(r.caseId)}`));
}

export function markBatchUndone(db: DatabaseSync, id: number, who: string, at: string): void {
  const res = db
    .prepare('UPDATE replace_batches SET undone_at = ?, undone_by = ? WHERE id = ? AND undone_at IS NULL')
    .run(at, who, id);
  if (res.changes === 0) throw notFound('replace batch', id);
}
