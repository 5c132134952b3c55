import { z } from 'zod';
import { Stage } from '../model/stage.ts';

/**
 * What an entry of a case's append-only event log records. `move` is a transition recorded before
 * sign-offs existed (any direction, no rules); the others are today's actions.
 */
export const EVENT_KINDS = ['create', 'signoff', 'sendback', 'unlock', 'flag', 'unflag', 'move'] as const;
export const EventKind = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof EventKind>;

/** Kinds that move the case to `toStage`; flags leave the stage alone. */
const STAGE_KINDS: ReadonlySet<EventKind> = new Set(['create', 'signoff', 'sendback', 'unlock', 'move']);

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
});
export type CaseEvent = z.infer<typeof CaseEvent>;

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
}

/** Log order: by time, then by uuid — the same order on every machine after a merge. */
export function compareEvents(a: Pick<CaseEvent, 'at' | 'uuid'>, b: Pick<CaseEvent, 'at' | 'uuid'>): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0;
}

/**
 * Folds a case's events into its state. The stage is never stored as the truth: it is the target
 * of the last stage-moving event, so two machines' logs merged give one answer. Returns null for
 * an empty log.
 */
export function deriveCaseState(events: readonly CaseEvent[]): CaseState | null {
  const sorted = [...events].sort(compareEvents);
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
  return state;
}
