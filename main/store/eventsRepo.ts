import type { DatabaseSync } from 'node:sqlite';
import { CaseEvent, deriveCaseState, type CaseState, type EventKind } from '../../shared/workflow/events.ts';
import type { Stage } from '../../shared/model/stage.ts';
import { notFound, nowIso, parseStored } from './rows.ts';
import { newUuid } from './uuid.ts';

const EVENT_COLUMNS = `id, uuid, case_id AS caseId, kind, from_stage AS fromStage, to_stage AS toStage, who, at, note,
  relaxed = 1 AS relaxed`;

function toEvent(r: Record<string, unknown>): CaseEvent {
  return parseStored(CaseEvent, { ...r, relaxed: Boolean(r.relaxed) }, `case event ${String(r.id)}`);
}

/** A case's log in log order (time, then uuid: the order a merge of two machines' logs keeps). */
export function listEvents(db: DatabaseSync, caseId: number): CaseEvent[] {
  return db.prepare(`SELECT ${EVENT_COLUMNS} FROM case_events WHERE case_id = ? ORDER BY at, uuid`).all(caseId).map(toEvent);
}

export interface NewEvent {
  caseId: number;
  kind: EventKind;
  fromStage: Stage | null;
  toStage: Stage;
  who: string;
  at?: string;
  note?: string | null;
  relaxed?: boolean;
}

/** Appends to the log and re-derives the case's cached stage from it, in the caller's transaction. */
export function appendEvent(db: DatabaseSync, e: NewEvent): CaseEvent {
  const uuid = insertEvent(db, e);
  refreshStage(db, e.caseId);
  return toEvent(db.prepare(`SELECT ${EVENT_COLUMNS} FROM case_events WHERE uuid = ?`).get(uuid) ?? {});
}

/**
 * Writes a case's first event (its creation), whose stage the new row already holds: nothing to
 * re-derive, which keeps a 1,000-case import from reading back 1,000 logs. Returns its uuid.
 */
export function insertCreationEvent(db: DatabaseSync, e: Omit<NewEvent, 'kind' | 'fromStage'>): string {
  return insertEvent(db, { ...e, kind: 'create', fromStage: null });
}

function insertEvent(db: DatabaseSync, e: NewEvent): string {
  const uuid = newUuid();
  db.prepare(
    `INSERT INTO case_events (uuid, case_id, kind, from_stage, to_stage, who, at, note, relaxed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(uuid, e.caseId, e.kind, e.fromStage, e.toStage, e.who, e.at ?? nowIso(), e.note ?? null, e.relaxed ? 1 : 0);
  return uuid;
}

/** The case's state as its log says. */
export function caseState(db: DatabaseSync, caseId: number): CaseState {
  const state = deriveCaseState(listEvents(db, caseId));
  if (!state) throw notFound('case', caseId);
  return state;
}

/**
 * `cases.stage` is a cache of the log's answer, kept for filters and indexes; this rewrites it from
 * the log (after an append, and after a sync merges events in).
 */
export function refreshStage(db: DatabaseSync, caseId: number): void {
  const state = deriveCaseState(listEvents(db, caseId));
  if (!state) return;
  db.prepare('UPDATE cases SET stage = ? WHERE id = ? AND stage IS NOT ?').run(state.stage, caseId, state.stage);
}
