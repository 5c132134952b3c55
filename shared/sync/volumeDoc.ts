import * as Y from 'yjs';
import { z } from 'zod';
import { EventKind } from '../workflow/events.ts';
import { PageStatus, Stage } from '../model/stage.ts';

/**
 * The shared document of a volume (`vol:<uuid>`): what the team edits besides the cases' text.
 * - `meta`: the volume's title;
 * - `cases`: per case uuid, a map of its fields (number, title, organisation, assignee, pages),
 *   so two people changing different fields of one case both keep theirs;
 * - `pages`: per page uuid, its proofreading status;
 * - `events`: the workflow's append-only log, every event of every case of the volume;
 * - `rejected`: events the office server refused when it received them (kept, not applied).
 * Values are plain JSON; the case text lives in the case documents, never here.
 */

export const SyncEvent = z.object({
  uuid: z.string().min(1).max(64),
  caseUuid: z.string().min(1).max(64),
  kind: EventKind,
  fromStage: Stage.nullable(),
  toStage: Stage,
  who: z.string().max(200),
  at: z.string().max(40),
  note: z.string().max(10_000).nullable(),
  relaxed: z.boolean(),
  /** The event this one was appended after, and other heads it closes (shared/workflow/forks.ts). */
  prev: z.string().max(64).nullable(),
  merges: z.array(z.string().max(64)).max(100),
  /** Hybrid logical clock stamp (shared/sync/hlc.ts); null for events logged before sync. */
  hlc: z.string().max(100).nullable(),
  /** A Yjs snapshot of the case document when the event was made (base64): the signed text, pinned. */
  snapshot: z.string().max(1_000_000).nullable(),
});
export type SyncEvent = z.infer<typeof SyncEvent>;

export const CaseMeta = z.object({
  number: z.number().int().nullable(),
  title: z.string(),
  organization: z.string(),
  assignee: z.string().nullable(),
  pageStart: z.number().int().nullable(),
  pageEnd: z.number().int().nullable(),
  printedStart: z.string().nullable(),
  printedEnd: z.string().nullable(),
});
export type CaseMeta = z.infer<typeof CaseMeta>;

export interface Rejection {
  reason: string;
  at: string;
}

export interface VolumeState {
  title: string;
  cases: Record<string, CaseMeta>;
  pages: Record<string, PageStatus>;
  events: SyncEvent[];
  rejected: Record<string, Rejection>;
  /** Notes and tags as flat entries, each merged on its own (main/sync/volumeExtras.ts says which). */
  extras: Record<string, unknown>;
}

const casesMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('cases');
const pagesMap = (doc: Y.Doc) => doc.getMap<string>('pages');
const eventsArray = (doc: Y.Doc) => doc.getArray<SyncEvent>('events');
const rejectedMap = (doc: Y.Doc) => doc.getMap<Rejection>('rejected');
const metaMap = (doc: Y.Doc) => doc.getMap<unknown>('meta');
const extrasMap = (doc: Y.Doc) => doc.getMap<unknown>('extras');

/** Fills an empty volume document from a library's rows (the office server's one-time seed). */
export function writeVolume(doc: Y.Doc, state: Omit<VolumeState, 'rejected'>, origin: unknown = null): void {
  doc.transact(() => {
    metaMap(doc).set('title', state.title);
    for (const [uuid, meta] of Object.entries(state.cases)) setCaseMeta(doc, uuid, meta);
    for (const [uuid, status] of Object.entries(state.pages)) pagesMap(doc).set(uuid, status);
    for (const [key, value] of Object.entries(state.extras)) extrasMap(doc).set(key, value);
    appendEvents(doc, state.events);
  }, origin);
}

/** The volume as the document holds it now; entries that do not parse (a newer peer's) are skipped. */
export function readVolume(doc: Y.Doc): VolumeState {
  const cases: Record<string, CaseMeta> = {};
  casesMap(doc).forEach((fields, uuid) => {
    const parsed = CaseMeta.safeParse(fields instanceof Y.Map ? fields.toJSON() : fields);
    if (parsed.success) cases[uuid] = parsed.data;
  });
  const pages: Record<string, PageStatus> = {};
  pagesMap(doc).forEach((status, uuid) => {
    const parsed = PageStatus.safeParse(status);
    if (parsed.success) pages[uuid] = parsed.data;
  });
  const events: SyncEvent[] = [];
  for (const e of eventsArray(doc).toArray()) {
    const parsed = SyncEvent.safeParse(e);
    if (parsed.success) events.push(parsed.data);
  }
  const rejected: Record<string, Rejection> = {};
  rejectedMap(doc).forEach((r, uuid) => (rejected[uuid] = r));
  const extras: Record<string, unknown> = {};
  extrasMap(doc).forEach((value, key) => (extras[key] = value));
  const title = metaMap(doc).get('title');
  return { title: typeof title === 'string' ? title : '', cases, pages, events, rejected, extras };
}

/** Sets the fields of a case that differ from what the document holds (one entry per field). */
export function setCaseMeta(doc: Y.Doc, caseUuid: string, meta: Partial<CaseMeta>): void {
  doc.transact(() => {
    let fields = casesMap(doc).get(caseUuid);
    if (!(fields instanceof Y.Map)) {
      fields = new Y.Map<unknown>();
      casesMap(doc).set(caseUuid, fields);
    }
    for (const [key, value] of Object.entries(meta)) {
      if (value === undefined) continue;
      if (fields.get(key) !== value) fields.set(key, value);
    }
  });
}

/** Sets one flat entry (a note's field, a tag on a case, a tag's colour). */
export function setExtra(doc: Y.Doc, key: string, value: unknown): void {
  if (extrasMap(doc).get(key) !== value) extrasMap(doc).set(key, value);
}

export function setPageStatus(doc: Y.Doc, pageUuid: string, status: PageStatus): void {
  if (pagesMap(doc).get(pageUuid) !== status) pagesMap(doc).set(pageUuid, status);
}

/** Appends the events the document does not hold yet (by uuid); returns how many were added. */
export function appendEvents(doc: Y.Doc, events: readonly SyncEvent[]): number {
  const arr = eventsArray(doc);
  const known = new Set(arr.toArray().map((e) => e.uuid));
  const fresh = events.filter((e) => !known.has(e.uuid));
  if (fresh.length > 0) arr.push(fresh.map((e) => ({ ...e })));
  return fresh.length;
}

/** Records the server's refusal of an event (the event stays in the log; derivations skip it). */
export function rejectEvent(doc: Y.Doc, eventUuid: string, reason: string, at: string): void {
  if (!rejectedMap(doc).has(eventUuid)) rejectedMap(doc).set(eventUuid, { reason, at });
}

/** The workflow log's array (its length tells whether anything was appended). */
export function eventsOf(doc: Y.Doc): Y.Array<SyncEvent> {
  return eventsArray(doc);
}

/** Snapshot encoding for an event: the case document's Yjs snapshot, base64. */
export function encodeCaseSnapshot(caseDoc: Y.Doc): string {
  const bytes = Y.encodeSnapshot(Y.snapshot(caseDoc));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** The case document as it was at an event's snapshot (needs the document's full history: gc off). */
export function caseDocAtSnapshot(caseDoc: Y.Doc, snapshot: string): Y.Doc {
  const bin = atob(snapshot);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return Y.createDocFromSnapshot(caseDoc, Y.decodeSnapshot(bytes));
}
