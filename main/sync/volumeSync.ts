import type { DatabaseSync } from 'node:sqlite';
import type * as Y from 'yjs';
import type { CaseDoc } from '../../shared/model/caseDoc.ts';
import { PageStatus } from '../../shared/model/stage.ts';
import {
  appendEvents,
  readVolume,
  setCaseMeta,
  setExtra,
  setPageStatus,
  type CaseMeta,
  type SyncEvent,
  type VolumeState,
} from '../../shared/sync/volumeDoc.ts';
import { EventKind } from '../../shared/workflow/events.ts';
import { createCase } from '../store/casesRepo.ts';
import { setSyncBase } from './caseRows.ts';
import { applyExtras, extrasFromLibrary, removedTags } from './volumeExtras.ts';
import { applyReviewMarks, clearedReviews, reviewMarksFromLibrary } from './reviewMarks.ts';
import { refreshStage } from '../store/eventsRepo.ts';
import { withTransaction } from '../store/transaction.ts';
import { createVolume } from '../store/volumesRepo.ts';
import { clearDirty } from './dirty.ts';

/**
 * The bridge between a volume's shared document and the library's rows: what the volume document
 * holds (case fields, page statuses, the workflow log) is read from the rows to seed or publish it,
 * and written back into the rows when the team's changes arrive, so the case table, dashboard,
 * search, export and CLI keep reading SQLite as before.
 */

interface CaseRow {
  id: number;
  uuid: string;
  meta: CaseMeta;
}

function caseRows(db: DatabaseSync, volumeId: number): CaseRow[] {
  return db
    .prepare(
      `SELECT id, uuid, number, title, organization, assignee, page_start, page_end, printed_start, printed_end
       FROM cases WHERE volume_id = ? ORDER BY id`,
    )
    .all(volumeId)
    .map((r) => ({
      id: Number(r.id),
      uuid: String(r.uuid),
      meta: {
        number: r.number === null ? null : Number(r.number),
        title: String(r.title),
        organization: String(r.organization),
        assignee: r.assignee === null ? null : String(r.assignee),
        pageStart: r.page_start === null ? null : Number(r.page_start),
        pageEnd: r.page_end === null ? null : Number(r.page_end),
        printedStart: r.printed_start === null ? null : String(r.printed_start),
        printedEnd: r.printed_end === null ? null : String(r.printed_end),
      },
    }));
}

function eventRows(db: DatabaseSync, volumeId: number): SyncEvent[] {
  return db
    .prepare(
      `SELECT e.uuid, c.uuid AS caseUuid, e.kind, e.from_stage, e.to_stage, e.who, e.at, e.note, e.relaxed,
         e.prev_uuid, e.merges, e.hlc, e.snapshot
       FROM case_events e JOIN cases c ON c.id = e.case_id
       WHERE c.volume_id = ? ORDER BY e.at, coalesce(e.hlc, ''), e.uuid`,
    )
    .all(volumeId)
    .map((r) => ({
      uuid: String(r.uuid),
      caseUuid: String(r.caseUuid),
      kind: EventKind.parse(r.kind),
      fromStage: r.from_stage === null ? null : String(r.from_stage),
      toStage: String(r.to_stage),
      who: String(r.who),
      at: String(r.at),
      note: r.note === null ? null : String(r.note),
      relaxed: Number(r.relaxed) === 1,
      prev: r.prev_uuid === null ? null : String(r.prev_uuid),
      merges: typeof r.merges === 'string' ? (JSON.parse(r.merges) as string[]) : [],
      hlc: r.hlc === null ? null : String(r.hlc),
      snapshot: r.snapshot === null ? null : String(r.snapshot),
    }));
}

/** What a volume's shared document holds, read from the library's rows. */
export function volumeStateFromLibrary(db: DatabaseSync, volumeId: number): Omit<VolumeState, 'rejected'> {
  const vol = db.prepare('SELECT title FROM volumes WHERE id = ?').get(volumeId);
  const cases: Record<string, CaseMeta> = {};
  for (const c of caseRows(db, volumeId)) cases[c.uuid] = c.meta;
  const pages: Record<string, PageStatus> = {};
  for (const p of db.prepare('SELECT uuid, status FROM pages WHERE volume_id = ? ORDER BY idx').all(volumeId)) {
    pages[String(p.uuid)] = PageStatus.parse(p.status);
  }
  return {
    title: String(vol?.title ?? ''),
    cases,
    pages,
    events: eventRows(db, volumeId),
    extras: Object.fromEntries([...extrasFromLibrary(db, volumeId), ...reviewMarksFromLibrary(db, volumeId)]),
  };
}

/**
 * Writes the library's changes into the volume document: only fields that differ, only events it
 * lacks. `snapshotFor` pins the case text on events that have no snapshot yet (the local ones).
 */
export function publishVolume(
  db: DatabaseSync,
  volumeId: number,
  doc: Y.Doc,
  snapshotFor: (caseUuid: string) => string | null,
  origin: unknown = null,
  base?: VolumeBase,
): void {
  const state = volumeStateFromLibrary(db, volumeId);
  const setSnapshot = db.prepare('UPDATE case_events SET snapshot = ? WHERE uuid = ? AND snapshot IS NULL');
  doc.transact(() => {
    const held = readVolume(doc);
    // With a base, only what the rows changed since goes out: a field the team changed and the
    // rows have not taken in yet differs from the document too, and must not be sent back.
    const mine = (key: string, rowValue: unknown, docValue: unknown) => changedOnThisSide(base, key, rowValue, docValue);
    if (mine('title', state.title, held.title)) doc.getMap('meta').set('title', state.title);
    for (const [uuid, meta] of Object.entries(state.cases)) {
      const have = held.cases[uuid];
      const changed: Partial<CaseMeta> = {};
      for (const key of Object.keys(meta) as (keyof CaseMeta)[]) {
        if (mine(`c:${uuid}:${key}`, meta[key], have ? have[key] : undefined))
          (changed as Record<string, unknown>)[key] = meta[key];
      }
      if (Object.keys(changed).length > 0) setCaseMeta(doc, uuid, changed);
    }
    for (const [uuid, status] of Object.entries(state.pages))
      if (mine(`p:${uuid}`, status, held.pages[uuid])) setPageStatus(doc, uuid, status);
    const rowExtras = new Map(Object.entries(state.extras));
    const docExtras = new Map(Object.entries(held.extras));
    for (const [key, value] of rowExtras) if (mine(key, value, docExtras.get(key))) setExtra(doc, key, value);
    // A tag taken off here: the document still says it is on.
    for (const key of removedTags(rowExtras, docExtras)) {
      if ((!base || base.get(key) === true) && mine(key, false, true)) setExtra(doc, key, false);
    }
    // A review mark cleared here (someone reviewed the merge): cleared for the team.
    for (const key of clearedReviews(rowExtras, docExtras)) {
      const marked = docExtras.get(key);
      if ((!base || base.get(key) === marked) && mine(key, null, marked)) setExtra(doc, key, null);
    }
    const known = new Set(held.events.map((e) => e.uuid));
    const fresh = state.events.filter((e) => !known.has(e.uuid));
    for (const e of fresh) {
      if (e.snapshot === null) {
        e.snapshot = snapshotFor(e.caseUuid);
        if (e.snapshot !== null) setSnapshot.run(e.snapshot, e.uuid);
      }
    }
    appendEvents(doc, fresh);
  }, origin);
}

/**
 * What a volume's rows and its document last agreed on, field by field (`title`, `c:<case>:<field>`,
 * `p:<page>`): a field that differs from it changed on that side. An app keeps one per volume.
 */
export type VolumeBase = Map<string, unknown>;

/**
 * Whether `key` changed on the side holding `here` (so it goes to the side holding `there`): the
 * two differ and `here` is not what both last agreed on. Records the value the sides now agree on.
 */
function changedOnThisSide(base: VolumeBase | undefined, key: string, here: unknown, there: unknown): boolean {
  if (here === there) {
    base?.set(key, here);
    return false;
  }
  if (base && base.has(key) && base.get(key) === here) return false;
  base?.set(key, here);
  return true;
}

/** The base of a volume document as it stands: every field of it counts as agreed. */
export function volumeBase(state: VolumeState): VolumeBase {
  const base: VolumeBase = new Map([['title', state.title]]);
  for (const [uuid, meta] of Object.entries(state.cases))
    for (const [k, v] of Object.entries(meta)) base.set(`c:${uuid}:${k}`, v);
  for (const [uuid, status] of Object.entries(state.pages)) base.set(`p:${uuid}`, status);
  for (const [key, value] of Object.entries(state.extras)) base.set(key, value);
  return base;
}

export interface AppliedVolume {
  volumeId: number;
  /** Cases the document named that the library did not have: their text comes with their case documents. */
  createdCases: string[];
  /** Cases whose stage, flag or log changed. */
  touchedCases: number[];
}

const EMPTY_DOC: CaseDoc = { version: 1, blocks: [] };

/**
 * Writes a volume document into the library: the volume and its cases are created when missing
 * (a new machine), case fields and page statuses updated, events the library lacks inserted (by
 * uuid) and refusals recorded, then each touched case's stage re-derived from its log.
 */
export function applyVolumeToLibrary(db: DatabaseSync, volumeUuid: string, state: VolumeState, base?: VolumeBase): AppliedVolume {
  // With a base, only what the team changed since comes in: a field changed here and not sent yet
  // differs from the document too, and must not be overwritten.
  const theirs = (key: string, docValue: unknown, rowValue: unknown) => changedOnThisSide(base, key, docValue, rowValue);
  return withTransaction(db, () => {
    const row = db.prepare('SELECT id, title FROM volumes WHERE uuid = ?').get(volumeUuid);
    const volumeId = row ? Number(row.id) : createVolume(db, { title: state.title || '—', uuid: volumeUuid }).id;
    if (row && state.title !== '' && theirs('title', state.title, String(row.title))) {
      db.prepare('UPDATE volumes SET title = ? WHERE id = ?').run(state.title, volumeId);
    }
    const byUuid = new Map(caseRows(db, volumeId).map((c) => [c.uuid, c]));
    const createdCases: string[] = [];
    const touched = new Set<number>();
    const update = db.prepare(
      `UPDATE cases SET number = ?, title = ?, organization = ?, assignee = ?, page_start = ?, page_end = ?,
         printed_start = ?, printed_end = ? WHERE id = ?`,
    );
    for (const [uuid, meta] of Object.entries(state.cases)) {
      const have = byUuid.get(uuid);
      if (!have) {
        const created = createCase(db, {
          volumeId,
          ...meta,
          doc: EMPTY_DOC,
          who: 'sync',
          uuid,
          withCreationEvent: false,
        });
        // Its (empty) row is the team's doing, not a local write: its text comes with its document.
        clearDirty(db, 'case', created.id);
        setSyncBase(db, created.id);
        for (const [k, v] of Object.entries(meta)) base?.set(`c:${uuid}:${k}`, v);
        byUuid.set(uuid, { id: created.id, uuid, meta });
        createdCases.push(uuid);
        touched.add(created.id);
      } else {
        const next = { ...have.meta };
        let changed = false;
        for (const key of Object.keys(meta) as (keyof CaseMeta)[]) {
          if (theirs(`c:${uuid}:${key}`, meta[key], have.meta[key])) {
            (next as Record<string, unknown>)[key] = meta[key];
            changed = true;
          }
        }
        if (changed) {
          update.run(
            next.number,
            next.title,
            next.organization,
            next.assignee,
            next.pageStart,
            next.pageEnd,
            next.printedStart,
            next.printedEnd,
            have.id,
          );
        }
      }
    }
    for (const id of applyExtras(db, volumeId, new Map(Object.entries(state.extras)), theirs)) touched.add(id);
    const setStatus = db.prepare('UPDATE pages SET status = ? WHERE uuid = ?');
    const statuses = new Map(
      db
        .prepare('SELECT uuid, status FROM pages WHERE volume_id = ?')
        .all(volumeId)
        .map((r) => [String(r.uuid), String(r.status)]),
    );
    for (const [uuid, status] of Object.entries(state.pages)) {
      if (statuses.has(uuid) && theirs(`p:${uuid}`, status, statuses.get(uuid))) setStatus.run(status, uuid);
    }

    const known = new Set(
      db
        .prepare('SELECT e.uuid FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.volume_id = ?')
        .all(volumeId)
        .map((r) => String(r.uuid)),
    );
    const insert = db.prepare(
      `INSERT INTO case_events (uuid, case_id, kind, from_stage, to_stage, who, at, note, relaxed, prev_uuid, merges, hlc, snapshot)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const e of state.events) {
      if (known.has(e.uuid)) continue;
      const c = byUuid.get(e.caseUuid);
      if (!c) continue;
      insert.run(
        e.uuid,
        c.id,
        e.kind,
        e.fromStage,
        e.toStage,
        e.who,
        e.at,
        e.note,
        e.relaxed ? 1 : 0,
        e.prev,
        e.merges.length > 0 ? JSON.stringify(e.merges) : null,
        e.hlc,
        e.snapshot,
      );
      touched.add(c.id);
    }
    const reject = db.prepare('UPDATE case_events SET rejected = ? WHERE uuid = ? AND rejected IS NOT ?');
    const caseOf = db.prepare('SELECT case_id FROM case_events WHERE uuid = ?');
    for (const [uuid, r] of Object.entries(state.rejected)) {
      if (reject.run(r.reason, uuid, r.reason).changes > 0) touched.add(Number(caseOf.get(uuid)?.case_id));
    }
    // Marks after the events: a mark names the case's latest sign-off, which may have come with it.
    for (const id of applyReviewMarks(db, volumeId, new Map(Object.entries(state.extras)), theirs)) touched.add(id);
    for (const id of touched) refreshStage(db, id);
    return { volumeId, createdCases, touchedCases: [...touched] };
  });
}
