import type { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../shared/ipc/errors.ts';
import { withBlockIds } from '../../shared/model/blockIds.ts';
import { docPages, docToPlainText, type CaseDoc } from '../../shared/model/caseDoc.ts';
import { Case, CaseSummary, Revision, RevisionSummary } from '../../shared/model/entities.ts';
import { Stage } from '../../shared/model/stage.ts';
import { firstStage, stageIndex } from '../../shared/workflow/settings.ts';
import { appendEvent, insertCreationEvent } from './eventsRepo.ts';
import { reanchorNotes } from './notesRepo.ts';
import { withTransaction } from './transaction.ts';
import { newUuid } from './uuid.ts';
import { assertUnlocked, getWorkflow } from './workflowRepo.ts';
import { checkDoc, notFound, nowIso, parseStored, readDoc, rowId, type Row } from './rows.ts';

const SUMMARY_COLUMNS = `c.id, c.volume_id AS volumeId, c.number, c.title, c.organization, c.stage, c.assignee,
  c.page_start AS pageStart, c.page_end AS pageEnd, c.printed_start AS printedStart, c.printed_end AS printedEnd,
  c.version, c.updated_at AS updatedAt,
  (SELECT CASE e.kind WHEN 'flag' THEN coalesce(e.note, '') END FROM case_events e
    WHERE e.case_id = c.id AND e.kind IN ('flag', 'unflag') ORDER BY e.at DESC, e.uuid DESC LIMIT 1) AS flag`;

function toSummary(row: Row): CaseSummary {
  return parseStored(CaseSummary, row, `case ${String(row.id)}`);
}

function toCase(row: Row): Case {
  const where = `case ${String(row.id)}`;
  return parseStored(Case, { ...row, doc: readDoc(row.doc, `${where} doc`) }, where);
}

export function listCases(db: DatabaseSync, volumeId: number, opts: { stage?: Stage } = {}): CaseSummary[] {
  const sql = `SELECT ${SUMMARY_COLUMNS} FROM cases c WHERE c.volume_id = ?
    ${opts.stage ? 'AND c.stage = ?' : ''} ORDER BY c.number IS NULL, c.number, c.id`;
  const params = opts.stage ? [volumeId, opts.stage] : [volumeId];
  return db
    .prepare(sql)
    .all(...params)
    .map(toSummary);
}

export function getCaseSummary(db: DatabaseSync, id: number): CaseSummary {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM cases c WHERE c.id = ?`).get(id);
  if (!row) throw notFound('case', id);
  return toSummary(row);
}

/** The summaries of the cases with these ids (those that exist), in one read (search lists up to 500). */
export function listCaseSummaries(db: DatabaseSync, ids: readonly number[]): CaseSummary[] {
  if (ids.length === 0) return [];
  return db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM cases c WHERE c.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids))
    .map(toSummary);
}

export function getCase(db: DatabaseSync, id: number): Case {
  const row = db
    .prepare(`SELECT ${SUMMARY_COLUMNS}, c.doc, c.text, c.created_at AS createdAt FROM cases c WHERE c.id = ?`)
    .get(id);
  if (!row) throw notFound('case', id);
  return toCase(row);
}

/** Cases per stage in a volume, every stage of the library's list present (zero when empty), in order. */
export function countCasesByStage(db: DatabaseSync, volumeId: number): Record<Stage, number> {
  const counts: Record<Stage, number> = Object.fromEntries(getWorkflow(db).stages.map((s) => [s.key, 0]));
  const rows = db.prepare('SELECT stage, count(*) AS n FROM cases WHERE volume_id = ? GROUP BY stage').all(volumeId);
  for (const r of rows) counts[String(r.stage)] = Number(r.n);
  return counts;
}

export interface NewCase {
  volumeId: number;
  number?: number | null;
  title: string;
  organization?: string;
  stage?: Stage;
  assignee?: string | null;
  pageStart?: number | null;
  pageEnd?: number | null;
  printedStart?: string | null;
  printedEnd?: string | null;
  doc: CaseDoc;
  /** Defaults to the document's plain text. */
  text?: string;
  who: string;
  at?: string;
  /** A case arriving from the team's server keeps its uuid and gets its events from the shared log. */
  uuid?: string;
  withCreationEvent?: boolean;
}

/**
 * Adds a case at version 1 with its origin revision (kind 'import': the one thinning never removes)
 * and a creation event (no previous stage).
 */
export function createCase(db: DatabaseSync, input: NewCase): Case {
  const doc = withBlockIds(checkDoc(input.doc));
  const stage = input.stage === undefined ? firstStage(getWorkflow(db)) : knownStage(db, input.stage);
  const text = input.text ?? docToPlainText(doc);
  const at = input.at ?? nowIso();
  const docJson = JSON.stringify(doc);
  return withTransaction(db, () => {
    const res = db
      .prepare(
        `INSERT INTO cases (uuid, volume_id, number, title, organization, stage, assignee, page_start, page_end,
           printed_start, printed_end, doc, text, version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
      )
      .run(
        input.uuid ?? newUuid(),
        input.volumeId,
        input.number ?? null,
        input.title,
        input.organization ?? '',
        stage,
        input.assignee ?? null,
        input.pageStart ?? null,
        input.pageEnd ?? null,
        input.printedStart ?? null,
        input.printedEnd ?? null,
        docJson,
        text,
        at,
        at,
      );
    const id = rowId(res.lastInsertRowid);
    insertRevision(db, { caseId: id, version: 1, kind: 'import', who: input.who, at, docJson, text });
    if (input.withCreationEvent !== false) insertCreationEvent(db, { caseId: id, toStage: stage, who: input.who, at });
    return getCase(db, id);
  });
}

export function deleteCase(db: DatabaseSync, id: number): void {
  const res = db.prepare('DELETE FROM cases WHERE id = ?').run(id);
  if (res.changes === 0) throw notFound('case', id);
}

export interface SaveCaseInput {
  id: number;
  /** The version the edit started from. */
  version: number;
  doc: CaseDoc;
  /** Defaults to the document's plain text. */
  text?: string;
  title?: string;
  organization?: string;
  who: string;
  at?: string;
}

/**
 * Saves an edit if nobody saved since `version` was read (else CONFLICT with the current version),
 * bumping the version and recording a 'save' revision in the same transaction.
 */
export function saveCase(db: DatabaseSync, input: SaveCaseInput): CaseSummary {
  const doc = withBlockIds(checkDoc(input.doc));
  const text = input.text ?? docToPlainText(doc);
  const at = input.at ?? nowIso();
  const docJson = JSON.stringify(doc);
  return withTransaction(db, () => {
    const next = checkVersion(db, input.id, input.version) + 1;
    assertUnlocked(db, input.id);
    checkPagesInVolume(db, input.id, doc);
    reanchorNotes(db, input.id, doc);
    db.prepare(
      `UPDATE cases SET doc = ?, text = ?, title = coalesce(?, title), organization = coalesce(?, organization),
         version = ?, updated_at = ? WHERE id = ?`,
    ).run(docJson, text, input.title ?? null, input.organization ?? null, next, at, input.id);
    insertRevision(db, { caseId: input.id, version: next, kind: 'save', who: input.who, at, docJson, text });
    return getCaseSummary(db, input.id);
  });
}

export interface RestoreInput {
  caseId: number;
  revisionId: number;
  version: number;
  who: string;
  at?: string;
}

/** Puts an old revision's text back as a new version (kind 'restore'); history is never rewritten. */
export function restoreRevision(db: DatabaseSync, input: RestoreInput): Case {
  const at = input.at ?? nowIso();
  return withTransaction(db, () => {
    const next = checkVersion(db, input.caseId, input.version) + 1;
    assertUnlocked(db, input.caseId);
    const rev = getRevision(db, input.revisionId);
    if (rev.caseId !== input.caseId) throw notFound('revision', input.revisionId);
    const doc = withBlockIds(rev.doc);
    reanchorNotes(db, input.caseId, doc);
    const docJson = JSON.stringify(doc);
    db.prepare('UPDATE cases SET doc = ?, text = ?, version = ?, updated_at = ? WHERE id = ?').run(
      docJson,
      rev.text,
      next,
      at,
      input.caseId,
    );
    insertRevision(db, {
      caseId: input.caseId,
      version: next,
      kind: 'restore',
      who: input.who,
      at,
      docJson,
      text: rev.text,
    });
    return getCase(db, input.caseId);
  });
}

/** A document may only point at pages its volume has (page 0 in a volume without pages). */
function checkPagesInVolume(db: DatabaseSync, caseId: number, doc: CaseDoc): void {
  const row = db
    .prepare('SELECT count(*) AS n FROM pages WHERE volume_id = (SELECT volume_id FROM cases WHERE id = ?)')
    .get(caseId);
  const pageCount = Math.max(1, Number(row?.n ?? 0));
  const outside = docPages(doc).filter((p) => p >= pageCount);
  if (outside.length > 0) {
    throw new AppError(
      'VALIDATION',
      `The document refers to pages the volume does not have (${outside.slice(0, 5).join(', ')})`,
      {
        pages: outside.slice(0, 20),
        pageCount,
      },
    );
  }
}

function checkVersion(db: DatabaseSync, id: number, expected: number): number {
  const row = db.prepare('SELECT version FROM cases WHERE id = ?').get(id);
  if (!row) throw notFound('case', id);
  const current = Number(row.version);
  if (current !== expected) {
    const message = `Case ${id} was saved elsewhere (now version ${current}, edit based on ${expected})`;
    throw new AppError('CONFLICT', message, {
      id,
      currentVersion: current,
    });
  }
  return current;
}

export interface SetStageInput {
  id: number;
  stage: Stage;
  who: string;
  note?: string | null;
  at?: string;
}

/**
 * Moves a case to any stage without the sign-off rules (an administrative move, recorded as a
 * `move` event; the IPC contract offers only `cases:act`, which enforces them). Setting the current
 * stage records nothing.
 */
export function setStage(db: DatabaseSync, input: SetStageInput): CaseSummary {
  const at = input.at ?? nowIso();
  return withTransaction(db, () => {
    const stage = knownStage(db, input.stage);
    const current = getCaseSummary(db, input.id);
    if (current.stage === stage) return current;
    appendEvent(db, {
      caseId: input.id,
      kind: 'move',
      fromStage: current.stage,
      toStage: stage,
      who: input.who,
      at,
      note: input.note ?? null,
    });
    db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(at, input.id);
    return getCaseSummary(db, input.id);
  });
}

/** A stage key of the library's list, else STAGE_UNKNOWN. */
export function knownStage(db: DatabaseSync, key: string): Stage {
  const parsed = Stage.safeParse(key);
  if (!parsed.success || stageIndex(getWorkflow(db), parsed.data) < 0) {
    throw new AppError('STAGE_UNKNOWN', `Unknown stage ${key}`, { stage: key });
  }
  return parsed.data;
}

export function setAssignee(db: DatabaseSync, id: number, assignee: string | null): CaseSummary {
  const res = db.prepare('UPDATE cases SET assignee = ?, updated_at = ? WHERE id = ?').run(assignee, nowIso(), id);
  if (res.changes === 0) throw notFound('case', id);
  return getCaseSummary(db, id);
}

const REVISION_COLUMNS = 'id, case_id AS caseId, version, kind, who, at, chars';

/** Revisions of a case, newest first. */
export function listRevisions(db: DatabaseSync, caseId: number): RevisionSummary[] {
  return db
    .prepare(`SELECT ${REVISION_COLUMNS} FROM case_revisions WHERE case_id = ? ORDER BY version DESC`)
    .all(caseId)
    .map((r) => parseStored(RevisionSummary, r, `revision ${String(r.id)}`));
}

export function getRevision(db: DatabaseSync, id: number): Revision {
  const row = db.prepare(`SELECT ${REVISION_COLUMNS}, doc, text FROM case_revisions WHERE id = ?`).get(id);
  if (!row) throw notFound('revision', id);
  const where = `revision ${id}`;
  return parseStored(Revision, { ...row, doc: readDoc(row.doc, `${where} doc`) }, where);
}

export interface RevisionRow {
  caseId: number;
  version: number;
  kind: RevisionSummary['kind'];
  who: string;
  at: string;
  docJson: string;
  text: string;
}

/** Records a case's new version in its history (in the caller's transaction, beside the case's update). */
export function insertRevision(db: DatabaseSync, r: RevisionRow): void {
  db.prepare(
    `INSERT INTO case_revisions (case_id, version, kind, who, at, doc, text, chars)
     VALUES (?, ?, ?, ?, ?, ?, ?, length(?))`,
  ).run(r.caseId, r.version, r.kind, r.who, r.at, r.docJson, r.text, r.text);
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Revisions younger than `keepAllMs` all stay; then the newest per hour up to `hourlyMs` old; then the newest per day. */
export const THIN_POLICY = { keepAllMs: DAY_MS, hourlyMs: 7 * DAY_MS } as const;

/**
 * Drops revisions that autosaves piled up, keeping every one from the last day, then the newest of
 * each hour (up to a week old), then the newest of each day. The import revision and the revision
 * of the current version always stay. Returns how many were deleted.
 */
export function thinRevisions(db: DatabaseSync, caseId: number, now: Date = new Date()): number {
  return withTransaction(db, () => {
    const current = db.prepare('SELECT version FROM cases WHERE id = ?').get(caseId);
    if (!current) throw notFound('case', caseId);
    const rows = db
      .prepare('SELECT id, version, kind, at FROM case_revisions WHERE case_id = ? ORDER BY at DESC, version DESC')
      .all(caseId);
    const seenBuckets = new Set<string>();
    const doomed: number[] = [];
    for (const r of rows) {
      const atMs = Date.parse(String(r.at));
      const age = now.getTime() - atMs;
      // NaN (an unparsable time) also lands here: keep what we cannot date.
      if (!(age >= THIN_POLICY.keepAllMs)) continue;
      const bucket = age < THIN_POLICY.hourlyMs ? `h${Math.floor(atMs / HOUR_MS)}` : `d${Math.floor(atMs / DAY_MS)}`;
      const pinned = r.kind === 'import' || r.version === current.version;
      if (seenBuckets.has(bucket) && !pinned) doomed.push(Number(r.id));
      seenBuckets.add(bucket);
    }
    const del = db.prepare('DELETE FROM case_revisions WHERE id = ?');
    for (const id of doomed) del.run(id);
    return doomed.length;
  });
}
