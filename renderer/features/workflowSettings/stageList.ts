import { isBuiltInStage, type Stage } from '../../../shared/model/stage.ts';
import { STAGE_LIMITS, type WorkflowSettings } from '../../../shared/workflow/settings.ts';

/** Longest stage name the contract takes. */
export const STAGE_NAME_MAX = 20;

/** A row of the stage list being edited. */
export interface StageRow {
  /** Stable within the editor (React key), also for rows main has not keyed yet. */
  id: string;
  /** Null for a stage added here: main gives it a key on save. */
  key: Stage | null;
  /** As typed; blank on a built-in stage means its built-in name. */
  name: string;
}

export function rowsOf(settings: WorkflowSettings): StageRow[] {
  return settings.stages.map((s) => ({ id: s.key, key: s.key, name: s.name ?? '' }));
}

export function moveRow(rows: readonly StageRow[], index: number, delta: -1 | 1): StageRow[] {
  const to = index + delta;
  if (index < 0 || index >= rows.length || to < 0 || to >= rows.length) return [...rows];
  const next = [...rows];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export function removeRow(rows: readonly StageRow[], index: number): StageRow[] {
  return rows.length <= STAGE_LIMITS.min ? [...rows] : rows.filter((_, i) => i !== index);
}

/** Inserts a new, unnamed stage at `index` (0 = first). */
export function insertRow(rows: readonly StageRow[], index: number, id: string): StageRow[] {
  if (rows.length >= STAGE_LIMITS.max) return [...rows];
  const at = Math.max(0, Math.min(index, rows.length));
  return [...rows.slice(0, at), { id, key: null, name: '' }, ...rows.slice(at)];
}

export function renameRow(rows: readonly StageRow[], index: number, name: string): StageRow[] {
  return rows.map((r, i) => (i === index ? { ...r, name } : r));
}

export type StageListProblem = { kind: 'nameRequired'; index: number } | { kind: 'nameTooLong'; index: number };

/**
 * The `workflow:set` stage list, or the first row that cannot be saved: a stage without a built-in
 * name needs one typed (a blank built-in restores its own name).
 */
export function toStageInput(
  rows: readonly StageRow[],
): { ok: true; stages: { key?: Stage; name: string | null }[] } | { ok: false; problem: StageListProblem } {
  const stages: { key?: Stage; name: string | null }[] = [];
  for (const [index, row] of rows.entries()) {
    const name = row.name.trim();
    if (name.length > STAGE_NAME_MAX) return { ok: false, problem: { kind: 'nameTooLong', index } };
    if (name === '' && !(row.key !== null && isBuiltInStage(row.key))) {
      return { ok: false, problem: { kind: 'nameRequired', index } };
    }
    stages.push({ ...(row.key !== null ? { key: row.key } : {}), name: name === '' ? null : name });
  }
  return { ok: true, stages };
}

/** True when the rows say something other than the stored settings. */
export function isChanged(rows: readonly StageRow[], settings: WorkflowSettings): boolean {
  if (rows.length !== settings.stages.length) return true;
  return rows.some((r, i) => {
    const s = settings.stages[i]!;
    return r.key !== s.key || (r.name.trim() || null) !== s.name;
  });
}
