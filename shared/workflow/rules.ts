import { AppError } from '../ipc/errors.ts';
import type { Stage } from '../model/stage.ts';
import type { CaseState } from './events.ts';
import { lockedStage, notesGateIndex, stageIndex, type WorkflowSettings } from './settings.ts';

/** What a user asks of a case's workflow. */
export type WorkflowAction =
  | { kind: 'signoff'; to: Stage; note?: string | undefined }
  | { kind: 'sendback'; to: Stage; reason: string }
  | { kind: 'unlock'; to: Stage; reason: string }
  | { kind: 'flag'; reason: string }
  | { kind: 'unflag'; note?: string | undefined };

export interface ActionContext {
  /** The signer's name from settings; blank is refused. */
  who: string;
  openNotes: number;
  /** Display name of a stage (for messages). */
  stageName(key: Stage): string;
}

export interface Verdict {
  /** The sign-off was allowed only because the library relaxed the different-signer rule. */
  relaxed: boolean;
}

/**
 * Checks an action against the library's rules, throwing the AppError the user sees: no blank
 * signer, one stage forward per sign-off, a different signer each pass (unless relaxed), a reason
 * to go back, no sign-off past 终审 with open notes, a locked case only unlocked explicitly.
 */
export function checkAction(settings: WorkflowSettings, state: CaseState, action: WorkflowAction, ctx: ActionContext): Verdict {
  if (ctx.who.trim() === '') throw new AppError('SIGNER_REQUIRED', 'Set your name in Settings before signing');
  const locked = lockedStage(settings);
  const here = stageIndex(settings, state.stage);
  const target = 'to' in action ? stageIndex(settings, action.to) : here;
  if ('to' in action && target < 0) {
    throw new AppError('STAGE_UNKNOWN', `Unknown stage ${action.to}`, { stage: action.to });
  }
  const needReason = (reason: string) => {
    if (reason.trim() === '') throw new AppError('REASON_REQUIRED', 'A reason is required');
  };
  const isLocked = state.stage === locked;
  switch (action.kind) {
    case 'flag':
      needReason(action.reason);
      return { relaxed: false };
    case 'unflag':
      return { relaxed: false };
    case 'unlock':
      if (!isLocked) throw new AppError('VALIDATION', 'Only a locked case can be unlocked', { stage: state.stage });
      needReason(action.reason);
      if (target >= here) throw new AppError('VALIDATION', 'Unlocking sends the case to an earlier stage', { stage: action.to });
      return { relaxed: false };
    case 'sendback':
      if (isLocked) throw new AppError('CASE_LOCKED', 'The case is locked; unlock it instead', { stage: state.stage });
      if (target >= here) {
        throw new AppError('VALIDATION', 'Sending back goes to an earlier stage', { stage: action.to });
      }
      needReason(action.reason);
      return { relaxed: false };
    case 'signoff': {
      if (isLocked) throw new AppError('CASE_LOCKED', 'The case is locked', { stage: state.stage });
      const next = settings.stages[here + 1];
      if (target !== here + 1 || !next) {
        throw new AppError('STAGE_SKIP', `Sign-off goes one stage forward (to ${next?.key ?? '—'})`, {
          from: ctx.stageName(state.stage),
          next: next ? ctx.stageName(next.key) : '—',
        });
      }
      const gate = notesGateIndex(settings);
      if (ctx.openNotes > 0 && target > gate) {
        const gateStage = settings.stages[gate]!.key;
        throw new AppError('OPEN_NOTES', `${ctx.openNotes} open note(s) block signing past ${gateStage}`, {
          count: ctx.openNotes,
          gate: ctx.stageName(gateStage),
        });
      }
      const same = state.lastSigner !== null && sameName(state.lastSigner, ctx.who);
      if (same && !settings.allowSameSigner) {
        throw new AppError('SAME_SIGNER', 'The previous pass was signed by the same person', { who: state.lastSigner });
      }
      return { relaxed: same };
    }
  }
}

/** Names compare without surrounding spaces and ASCII case (张三 = 张三, Li = li). */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
