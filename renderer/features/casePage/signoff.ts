import { toApiError, type ApiError } from '../../api/apiError.ts';
import type { Stage } from '../../../shared/model/stage.ts';
import { checkAction, type WorkflowAction } from '../../../shared/workflow/rules.ts';
import type { CaseWorkflow } from '../../../shared/workflow/schemas.ts';
import { lockedStage, stageIndex, type WorkflowSettings } from '../../../shared/workflow/settings.ts';

/** What the sign-off panel offers for a case, worked out before the user acts. */
export interface SignoffPlan {
  /** The stage a sign-off would move the case to (null at the last stage). */
  next: Stage | null;
  /** Why signing is refused now (the AppError main would answer), or null when it would pass. */
  blocked: ApiError | null;
  /** The sign-off passes only because the library relaxed the different-signer rule. */
  relaxed: boolean;
  /** Stages before the current one, nearest first: where a send-back or an unlock may go. */
  earlier: Stage[];
  locked: boolean;
}

/**
 * Runs the library's rules (shared/workflow/rules.ts, the same ones main applies) on a sign-off to
 * the next stage, so the panel can say why it is unavailable instead of letting the user find out.
 */
export function planSignoff(
  settings: WorkflowSettings,
  wf: CaseWorkflow,
  who: string,
  stageName: (key: Stage) => string,
): SignoffPlan {
  const here = stageIndex(settings, wf.stage);
  const next = here >= 0 ? (settings.stages[here + 1]?.key ?? null) : null;
  const earlier =
    here > 0
      ? settings.stages
          .slice(0, here)
          .map((s) => s.key)
          .reverse()
      : [];
  const locked = wf.stage === lockedStage(settings);
  let blocked: ApiError | null = null;
  let relaxed = false;
  if (next !== null && !locked) {
    const verdict = precheck(settings, wf, { kind: 'signoff', to: next }, who, stageName);
    if ('error' in verdict) blocked = verdict.error;
    else relaxed = verdict.relaxed;
  }
  return { next, blocked, relaxed, earlier, locked };
}

/** The rules' verdict on an action, or the error they would throw. */
export function precheck(
  settings: WorkflowSettings,
  wf: CaseWorkflow,
  action: WorkflowAction,
  who: string,
  stageName: (key: Stage) => string,
): { relaxed: boolean } | { error: ApiError } {
  try {
    return checkAction(settings, wf, action, { who, openNotes: wf.openNotes, stageName });
  } catch (err) {
    return { error: toApiError(err) };
  }
}
