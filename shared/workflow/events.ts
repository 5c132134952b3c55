import { z } from 'zod';
import { Stage } from '../model/stage.ts';
import { stageConflict } from './forks.ts';

/**
 * What an entry of a case's append-only event log records. `move` is a transition recorded before
 * sign-offs existed (any direction, no rules); the others are today's actions.
 */
export const EVENT_KINDS = ['create', 'signoff', 'sendback', 'unlock', 'flag', 'unflag', 'move'] as const;
export const EventKind = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof EventKind>;

/** Kinds that move the case to `toStage`; flags leave the stage alone. */
const STAGE_KINDS: ReadonlySet<EventKind> = new Set(['create', 'signoff', 'sendback', 'unlock', 'move']);

export function isStageKind(kind: EventKind): boolean {
  return STAGE_KINDS.has(kind);
}

export const CaseEvent = z.object({
  id: z.number().int().positive(),
  /** Global id (UUIDv7): the identity a sync merges by. */
  uuid: z.string(),
  caseId: z.number().int().positive(),
  kind: EventKind,
  fromStage: Stage.nullable(),
  toStage: Stage,
  who: z.string(),
  at: z.iso.datetime({ offset: true }),
  note: z.string().nullable(),
  /** A sign-off by the previous pass's signer, allowed only because the library relaxed the rule. */
  relaxed: z.boolean(),
  /** Team sync: the event this one was appended after, other heads it closes (shared/workflow/forks.ts). */
  prev: z.string().nullable().optional(),
  merges: z.array(z.string()).optional(),
  /** Team sync: hybrid logical clock stamp (orders events stamped in the same millisecond). */
  hlc: z.string().nullable().optional(),
  /** Team sync: why the office server refused the event (it stays in the log, without effect). */
  rejected: z.string().nullable().optional(),
});
export type CaseEvent = z.infer<typeof CaseEvent>;

/** What deriving a case's state reads of an event (a shared log's events have no local ids). */
export type LogEvent = Pick<
  CaseEvent,
  'uuid' | 'kind' | 'toStage' | 'who' | 'at' | 'note' | 'hlc' | 'prev' | 'merges' | 'rejected'
>;

export interface CaseFlag {
  reason: string;
  who: string;
  at: string;
}

/** What the log says about a case now. */
export interface CaseState {
  stage: Stage;
  /** The 有疑问 flag, when raised and not cleared. */
  flag: CaseFlag | null;
  /** Who signed the pass that brought the case to its stage (null after import, send-back or unlock). */
  lastSigner: string | null;
  /** When the case entered its stage. */
  since: string;
  /** Team sync: the uuids of the events two machines appended on top of the same one, while unresolved. */
  conflict?: string[];
}

/**
 * Log order: by time, then by clock stamp (events stamped in one millisecond), then by uuid — the
 * same order on every machine after a merge.
 */
export function compareEvents(a: Pick<CaseEvent, 'at' | 'uuid' | 'hlc'>, b: Pick<CaseEvent, 'at' | 'uuid' | 'hlc'>): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  const ha = a.hlc ?? '';
  const hb = b.hlc ?? '';
  if (ha !== hb) return ha < hb ? -1 : 1;
  return a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0;
}

/**
 * Folds a case's events into its state. The stage is never stored as the truth: it is the target
 * of the last stage-moving event, so two machines' logs merged give one answer. Returns null for
 * an empty log.
 */
export function deriveCaseState(events: readonly LogEvent[]): CaseState | null {
  // An event the office server refused stays in the log for everyone to see, without effect.
  const sorted = events.filter((e) => !e.rejected).sort(compareEvents);
  let state = null as CaseState | null;
  for (const e of sorted) {
    if (STAGE_KINDS.has(e.kind)) {
      state = {
        stage: e.toStage,
        flag: state ? state.flag : null,
        lastSigner: e.kind === 'signoff' ? e.who : null,
        since: e.at,
      };
    } else if (state) {
      state = { ...state, flag: e.kind === 'flag' ? { reason: e.note ?? '', who: e.who, at: e.at } : null };
    }
  }
  if (state) {
    const conflict = stageConflict(
      sorted.filter((e) => STAGE_KINDS.has(e.kind)).map((e) => ({ uuid: e.uuid, prev: e.prev ?? null, merges: e.merges ?? [] })),
    );
    if (conflict) state.conflict = conflict.map((e) => e.uuid);
  }
  return state;
}
