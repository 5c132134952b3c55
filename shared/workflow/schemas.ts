import { z } from 'zod';
import { Stage } from '../model/stage.ts';

/** Bound of a note or reason on the timeline (a paragraph, not a document). */
export const REASON_MAX = 2000;
const Reason = z.string().max(REASON_MAX);

/** A workflow action as it crosses the boundary; blank reasons are refused by the rules (REASON_REQUIRED). */
export const WorkflowActionInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('signoff'), to: Stage, note: Reason.optional() }),
  z.object({ kind: z.literal('sendback'), to: Stage, reason: Reason }),
  z.object({ kind: z.literal('unlock'), to: Stage, reason: Reason }),
  z.object({ kind: z.literal('flag'), reason: Reason }),
  z.object({ kind: z.literal('unflag'), note: Reason.optional() }),
]);

const Flag = z.object({ reason: z.string(), who: z.string(), at: z.string() });

export const CaseWorkflow = z.object({
  stage: Stage,
  flag: Flag.nullable(),
  lastSigner: z.string().nullable(),
  since: z.string(),
  openNotes: z.number().int().nonnegative(),
  locked: z.boolean(),
  /** Team sync: the events of an open stage conflict (two sign-offs of one pass made apart). */
  conflict: z.array(z.string()).optional(),
});
export type CaseWorkflow = z.infer<typeof CaseWorkflow>;
