import type { DatabaseSync } from 'node:sqlite';
import { CaseEvent, deriveCaseState, isStageKind, type CaseState, type EventKind } from '../../shared/workflow/events.ts';
import type { Stage } from '../../shared/model/stage.ts';
import { notFound, nowIso, parseStored } from './rows.ts';
import { newUuid } from './uuid.ts';
import { linkNewEvent } from '../../shared/workflow/forks.ts';
import { hlcIso, nextHlc } from '../../shared/sync/hlc.ts';

const EVENT_COLUMNS = `id, uuid, case_id AS caseId, kind, from_stage AS fromStage, to_stage AS toStage, who, at, note,
  relaxed = 1 AS relaxed, prev_uuid AS prev, merges, hlc, rejected`;

function toEvent(r: Record<string, unknown>): CaseEvent {
  const merges = typeof r.merges === 'string' ? (JSON.parse(r.merges) as unknown) : [];
  return parseStored(CaseEvent, { ...r, relaxed: Boolean(r.relaxed), merges }, `case event ${String(r.id)}`);
}

/** A case's log in log order (time, then uuid: the order a merge of two machines' logs keeps). */
export function listEvents(db: DatabaseSync, caseId: number): CaseEvent[] {
  return db
    .prepare(`SELECT ${EVENT_COLUMNS} FROM case_events WHERE case_id = ? ORDER BY at, coalesce(hlc, ''), uuid`)
    .all(caseId)
    .map(toEvent);
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

/**
 * Every new event names the one it was appended after (and closes any other heads: an open stage
 * conflict) and carries a clock stamp later than every event of the case, so a team's merged logs
 * keep their order and show their forks (shared/workflow/forks.ts, shared/sync/hlc.ts).
 */
function insertEvent(db: DatabaseSync, e: NewEvent): string {
  const uuid = newUuid();
  const creation = e.kind === 'create';
  // One read of the log serves both the link (stage events only) and the latest clock stamp.
  const log = creation ? [] : listEvents(db, e.caseId);
  const link = isStageKind(e.kind)
    ? linkNewEvent(
        log
          .filter((x) => !x.rejected && isStageKind(x.kind))
          .map((x) => ({ uuid: x.uuid, prev: x.prev ?? null, merges: x.merges ?? [] })),
      )
    : { prev: null, merges: [] };
  const latest = log.reduce<string | null>((max, x) => (x.hlc && (max === null || x.hlc > max) ? x.hlc : max), null);
  const stamp = nextHlc(latest, Date.now(), nodeId(db));
  // The stamp never runs behind an event already in the log, even when this machine's clock does.
  const at = e.at ?? maxIso(nowIso(), latest === null ? null : hlcIso(latest));
  db.prepare(
    `INSERT INTO case_events (uuid, case_id, kind, from_stage, to_stage, who, at, note, relaxed, prev_uuid, merges, hlc)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    uuid,
    e.caseId,
    e.kind,
    e.fromStage,
    e.toStage,
    e.who,
    at,
    e.note ?? null,
    e.relaxed ? 1 : 0,
    link.prev,
    link.merges.length > 0 ? JSON.stringify(link.merges) : null,
    stamp,
  );
  return uuid;
}

function maxIso(a: string, b: string | null): string {
  return b !== null && b > a ? b : a;
}

/** This library's node id in clock stamps: made once, kept in library_settings. */
function nodeId(db: DatabaseSync): string {
  const cached = nodeIds.get(db);
  if (cached) return cached;
  // Made on first use (OR IGNORE: another connection may have made it first), then read back.
  db.prepare("INSERT OR IGNORE INTO library_settings (key, value) VALUES ('sync.node', ?)").run(
    newUuid().replaceAll('-', '').slice(-12),
  );
  const id = String(db.prepare("SELECT value FROM library_settings WHERE key = 'sync.node'").get()!.value);
  nodeIds.set(db, id);
  return id;
}

/** Read once per connection: an import stamps a creation event per case. */
const nodeIds = new WeakMap<DatabaseSync, string>();

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
