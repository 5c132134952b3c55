import type { DatabaseSync } from 'node:sqlite';
import type { CaseDoc } from '../../shared/model/caseDoc.ts';
import { PageStatus, type Stage } from '../../shared/model/stage.ts';
import { ActivityKind } from '../../shared/model/dashboard.ts';
import { parseStored, readDoc, type Row } from './rows.ts';

// The read side of the volume dashboard: one query per aggregate, each scoped to one volume.

/** What the dashboard needs of every case of a volume. */
export interface DashboardCaseRow {
  id: number;
  uuid: string;
  number: number | null;
  title: string;
  stage: Stage;
  assignee: string | null;
  pageStart: number | null;
  pageEnd: number | null;
  version: number;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The volume's cases in case order (unnumbered last). */
export function dashboardCases(db: DatabaseSync, volumeId: number): DashboardCaseRow[] {
  return db
    .prepare(
      `SELECT id, uuid, number, title, stage, assignee, page_start AS pageStart, page_end AS pageEnd, version
       FROM cases WHERE volume_id = ? ORDER BY number IS NULL, number, id`,
    )
    .all(volumeId)
    .map((r) => ({
      id: Number(r.id),
      uuid: String(r.uuid),
      number: num(r.number),
      title: String(r.title),
      stage: String(r.stage),
      assignee: r.assignee === null ? null : String(r.assignee),
      pageStart: num(r.pageStart),
      pageEnd: num(r.pageEnd),
      version: Number(r.version),
    }));
}

export interface DashboardPageRow {
  index: number;
  printedLabel: string | null;
  status: PageStatus;
}

/** The volume's pages without their text. */
export function dashboardPages(db: DatabaseSync, volumeId: number): DashboardPageRow[] {
  return db
    .prepare('SELECT idx, printed_label AS printedLabel, status FROM pages WHERE volume_id = ? ORDER BY idx')
    .all(volumeId)
    .map((r) => ({
      index: Number(r.idx),
      printedLabel: r.printedLabel === null ? null : String(r.printedLabel),
      status: parseStored(PageStatus, r.status, `page ${String(r.idx)} status`),
    }));
}

/** When each case entered its stage: the time of the last stage-moving event of its log. */
export function stageSince(db: DatabaseSync, volumeId: number): Map<number, string> {
  const rows = db
    .prepare(
      `SELECT e.case_id AS caseId, max(e.at) AS since FROM case_events e JOIN cases c ON c.id = e.case_id
       WHERE c.volume_id = ? AND e.kind IN ('create', 'signoff', 'sendback', 'unlock', 'move')
       GROUP BY e.case_id`,
    )
    .all(volumeId);
  return new Map(rows.map((r) => [Number(r.caseId), String(r.since)]));
}

export interface FlagRow {
  caseId: number;
  reason: string;
  who: string;
  at: string;
}

/** Raised 有疑问 flags: cases whose last flag/unflag event (in log order) is a flag. */
export function openFlags(db: DatabaseSync, volumeId: number): FlagRow[] {
  return db
    .prepare(
      `SELECT caseId, kind, note, who, at FROM (
         SELECT e.case_id AS caseId, e.kind, e.note, e.who, e.at,
           row_number() OVER (PARTITION BY e.case_id ORDER BY e.at DESC, e.uuid DESC) AS rn
         FROM case_events e JOIN cases c ON c.id = e.case_id
         WHERE c.volume_id = ? AND e.kind IN ('flag', 'unflag'))
       WHERE rn = 1 AND kind = 'flag' ORDER BY at DESC`,
    )
    .all(volumeId)
    .map((r) => ({ caseId: Number(r.caseId), reason: String(r.note ?? ''), who: String(r.who), at: String(r.at) }));
}

/** Open notes (top-level, unresolved) per case: how many, and the newest one's time. */
export function openNoteCounts(db: DatabaseSync, volumeId: number): Array<{ caseId: number; count: number; latestAt: string }> {
  return db
    .prepare(
      `SELECT n.case_id AS caseId, count(*) AS n, max(n.at) AS latestAt FROM case_notes n JOIN cases c ON c.id = n.case_id
       WHERE c.volume_id = ? AND n.parent_id IS NULL AND n.resolved_at IS NULL
       GROUP BY n.case_id ORDER BY n DESC, latestAt DESC`,
    )
    .all(volumeId)
    .map((r) => ({ caseId: Number(r.caseId), count: Number(r.n), latestAt: String(r.latestAt) }));
}

/** Every sign-off of the volume's cases: who and when, oldest first. */
export function signoffTimes(db: DatabaseSync, volumeId: number): Array<{ who: string; at: string }> {
  return db
    .prepare(
      `SELECT e.who, e.at FROM case_events e JOIN cases c ON c.id = e.case_id
       WHERE c.volume_id = ? AND e.kind = 'signoff' ORDER BY e.at`,
    )
    .all(volumeId)
    .map((r) => ({ who: String(r.who), at: String(r.at) }));
}

export interface ActivityRow {
  caseId: number;
  kind: ActivityKind;
  who: string;
  at: string;
  fromStage: Stage | null;
  toStage: Stage | null;
  note: string | null;
  count: number;
}

/** The newest workflow events of the volume's cases (creation left out: an import is not news per case). */
export function recentEvents(db: DatabaseSync, volumeId: number, limit: number): ActivityRow[] {
  return db
    .prepare(
      `SELECT e.case_id AS caseId, e.kind, e.who, e.at, e.from_stage AS fromStage, e.to_stage AS toStage, e.note
       FROM case_events e JOIN cases c ON c.id = e.case_id
       WHERE c.volume_id = ? AND e.kind <> 'create' ORDER BY e.at DESC, e.uuid DESC LIMIT ?`,
    )
    .all(volumeId, limit)
    .map((r: Row) => ({
      caseId: Number(r.caseId),
      kind: parseStored(ActivityKind, r.kind, 'event kind'),
      who: String(r.who),
      at: String(r.at),
      fromStage: r.fromStage === null ? null : String(r.fromStage),
      toStage: String(r.toStage),
      note: r.note === null ? null : String(r.note),
      count: 1,
    }));
}

/**
 * The newest edits of the volume's cases, folded per case, person, kind and `hourOf(at)` (the
 * caller's local hour), so that autosaves make one entry, not dozens; newest first. Reads back from
 * the newest revision only until `limit` entries are complete.
 */
export function recentEdits(db: DatabaseSync, volumeId: number, limit: number, hourOf: (at: string) => string): ActivityRow[] {
  const rows = db
    .prepare(
      `SELECT r.case_id AS caseId, r.kind, r.who, r.at FROM case_revisions r JOIN cases c ON c.id = r.case_id
       WHERE c.volume_id = ? AND r.kind <> 'import' ORDER BY r.at DESC, r.id DESC`,
    )
    .iterate(volumeId);
  const groups = new Map<string, ActivityRow>();
  let lastHour = '';
  for (const r of rows) {
    const at = String(r.at);
    const hour = hourOf(at);
    // Older than every complete entry's hour: nothing further can join them.
    if (groups.size >= limit && hour !== lastHour) break;
    const key = `${String(r.caseId)}\u0000${String(r.who)}\u0000${String(r.kind)}\u0000${hour}`;
    const group = groups.get(key);
    if (group) group.count++;
    else if (groups.size < limit) {
      groups.set(key, {
        caseId: Number(r.caseId),
        kind: parseStored(ActivityKind, r.kind, 'revision kind'),
        who: String(r.who),
        at,
        fromStage: null,
        toStage: null,
        note: null,
        count: 1,
      });
      lastHour = hour;
    }
  }
  return [...groups.values()];
}

/** A case's stored document (for counting its suspects). */
export function storedCaseDoc(db: DatabaseSync, caseId: number): CaseDoc {
  const row = db.prepare('SELECT doc FROM cases WHERE id = ?').get(caseId);
  return readDoc(row?.doc, `case ${caseId} doc`);
}

/**
 * A fingerprint of each page's stored OCR, by page index, for the volume's pages that have it (like
 * `wordListSignature`, cheap rather than exact): its length in bytes, its start (size, skew, the
 * page's mean confidence, the first line's text) and its last bytes (the last line's confidences).
 * A page read again changes it. ~2 ms for 350 pages, where reading their OCR (9 MB of JSON) takes ~25 ms.
 */
export function pageOcrStamps(db: DatabaseSync, volumeId: number): Map<number, string> {
  const rows = db
    .prepare(
      // The tail in bytes: a negative substr of TEXT counts characters through the whole value (7× slower).
      `SELECT idx, octet_length(ocr) AS n, substr(ocr, 1, 160) AS head, hex(substr(CAST(ocr AS BLOB), -120)) AS tail
       FROM pages WHERE volume_id = ? AND ocr IS NOT NULL`,
    )
    .all(volumeId);
  return new Map(rows.map((r) => [Number(r.idx), `${String(r.n)}|${String(r.head)}|${String(r.tail)}`]));
}

/**
 * Changes whenever the word list does (an added, edited or removed word), so results computed with
 * the list can be cached against it.
 */
export function wordListSignature(db: DatabaseSync): string {
  const r = db.prepare(`SELECT count(*) AS n, coalesce(max(id), 0) AS id, coalesce(max(at), '') AS at FROM words`).get();
  return `${String(r?.n)}:${String(r?.id)}:${String(r?.at)}`;
}
