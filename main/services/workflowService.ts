import { AppError } from '../../shared/ipc/errors.ts';
import type { CaseSummary } from '../../shared/model/entities.ts';
import { isBuiltInStage, type Stage } from '../../shared/model/stage.ts';
import type { CaseEvent } from '../../shared/workflow/events.ts';
import type { CaseWorkflow } from '../../shared/workflow/schemas.ts';
import { checkAction, type WorkflowAction } from '../../shared/workflow/rules.ts';
import { lockedStage, type StageDef, type WorkflowSettings } from '../../shared/workflow/settings.ts';
import type { Language } from '../../shared/model/prefs.ts';
import { tr } from '../i18n/strings.ts';
import {
  appendEvent,
  caseState,
  countOpenNotes,
  getCaseSummary,
  getWorkflow,
  setWorkflow,
  withTransaction,
} from '../store/index.ts';
import type { AppContext } from './context.ts';
import { randomBytes } from 'node:crypto';

/**
 * The signer: the user name from settings, never the OS account — a sign-off is a person's
 * accountable act, so a blank name is refused (SIGNER_REQUIRED) instead of guessed.
 */
export function signer(ctx: AppContext): string {
  // With a team server, the signer is the connected user: the server checks the name against the token.
  const name = (ctx.sync?.user() ?? ctx.prefs.get().userName).trim();
  if (!name) throw new AppError('SIGNER_REQUIRED', 'Set your name in Settings before signing');
  return name;
}

/** A stage's name as the user reads it (a custom name, else the built-in key's translation). */
export function stageDisplayName(settings: WorkflowSettings, key: Stage, lang: Language): string {
  const def = settings.stages.find((s) => s.key === key);
  if (def?.name) return def.name;
  return isBuiltInStage(key) ? tr(lang, `stages.${key}`) : key;
}

export function workflowOf(ctx: AppContext, caseId: number): CaseWorkflow {
  const db = ctx.lib.db;
  const state = caseState(db, caseId);
  return { ...state, openNotes: countOpenNotes(db, caseId), locked: state.stage === lockedStage(getWorkflow(db)) };
}

/**
 * Applies a workflow action to a case — sign-off, send back, unlock, flag, clear flag — after the
 * library's rules (shared/workflow/rules.ts), appending one event to the case's log in one
 * transaction. The stage is re-derived from the log.
 */
export function act(ctx: AppContext, caseId: number, action: WorkflowAction): { case: CaseSummary; event: CaseEvent } {
  const db = ctx.lib.db;
  const who = signer(ctx);
  return withTransaction(db, () => {
    const settings = getWorkflow(db);
    const state = caseState(db, caseId);
    const verdict = checkAction(settings, state, action, {
      who,
      openNotes: countOpenNotes(db, caseId),
      stageName: (key) => stageDisplayName(settings, key, ctx.prefs.get().language),
    });
    const isMove = 'to' in action;
    const note = action.kind === 'signoff' || action.kind === 'unflag' ? (action.note?.trim() ?? '') : action.reason.trim();
    const event = appendEvent(db, {
      caseId,
      kind: action.kind,
      fromStage: state.stage,
      toStage: isMove ? action.to : state.stage,
      who,
      note: note === '' ? null : note,
      relaxed: verdict.relaxed,
    });
    db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(event.at, caseId);
    return { case: getCaseSummary(db, caseId), event };
  });
}

export interface StageEdit {
  /** Absent for a new stage: main gives it a key. */
  key?: Stage | undefined;
  name: string | null;
}

/**
 * Saves the library's workflow. New stages get a fresh random key (keys are what cases and events
 * store, so they never change; two machines adding a stage get different keys and a sync keeps both).
 */
export function saveWorkflow(
  ctx: AppContext,
  input: { stages: readonly StageEdit[]; allowSameSigner: boolean },
): WorkflowSettings {
  const stages: StageDef[] = input.stages.map((s) => {
    if (s.key) return { key: s.key, name: s.name };
    if (!s.name) throw new AppError('VALIDATION', 'A new stage needs a name', { field: 'name' });
    return { key: `c-${randomBytes(5).toString('hex')}`, name: s.name };
  });
  try {
    return setWorkflow(ctx.lib.db, { stages, allowSameSigner: input.allowSameSigner });
  } catch (err) {
    // The store names the stage by key; the user reads it by its display name.
    if (err instanceof AppError && err.code === 'STAGE_IN_USE' && typeof err.details?.key === 'string') {
      const current = getWorkflow(ctx.lib.db);
      const stage = stageDisplayName(current, err.details.key, ctx.prefs.get().language);
      throw new AppError('STAGE_IN_USE', err.message, { ...err.details, stage });
    }
    throw err;
  }
}
