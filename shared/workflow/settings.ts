import { z } from 'zod';
import { DEFAULT_STAGES, Stage } from '../model/stage.ts';

/** A stage of the library's list; `name` null shows the built-in key's translated name. */
export const StageDef = z.object({
  key: Stage,
  name: z.string().trim().min(1).max(20).nullable(),
});
export type StageDef = z.infer<typeof StageDef>;

export const STAGE_LIMITS = { min: 2, max: 30 } as const;

export const StageList = z
  .array(StageDef)
  .min(STAGE_LIMITS.min)
  .max(STAGE_LIMITS.max)
  .superRefine((list, ctx) => {
    const keys = new Set<string>();
    for (const [i, s] of list.entries()) {
      if (keys.has(s.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `Stage ${s.key} appears twice` });
      keys.add(s.key);
    }
  });

/**
 * The library's workflow settings. The first stage is where imports land, the last one locks the
 * case (定稿). By default whoever signed a pass cannot sign the next (三审三校: each pass by a
 * different person); `allowSameSigner` relaxes it for one-person teams, and such sign-offs are
 * marked on the timeline.
 */
export const WorkflowSettings = z.object({
  stages: StageList,
  allowSameSigner: z.boolean(),
});
export type WorkflowSettings = z.infer<typeof WorkflowSettings>;

export const DEFAULT_WORKFLOW: WorkflowSettings = {
  stages: DEFAULT_STAGES.map((key) => ({ key, name: null })),
  allowSameSigner: false,
};

/** Open notes block signing into any stage after this one (终审), when the library has it. */
export const NOTES_GATE_STAGE = 'review3';

export function stageIndex(settings: WorkflowSettings, key: string): number {
  return settings.stages.findIndex((s) => s.key === key);
}

export function firstStage(settings: WorkflowSettings): Stage {
  return settings.stages[0]!.key;
}

/** The last stage: a case there is locked (定稿). */
export function lockedStage(settings: WorkflowSettings): Stage {
  return settings.stages[settings.stages.length - 1]!.key;
}

/** Index of the stage past which open notes block signing: 终审 when present, else the one before the last. */
export function notesGateIndex(settings: WorkflowSettings): number {
  const i = stageIndex(settings, NOTES_GATE_STAGE);
  return i >= 0 ? i : settings.stages.length - 2;
}
