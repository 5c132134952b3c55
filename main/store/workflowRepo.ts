import type { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../shared/ipc/errors.ts';
import { DEFAULT_WORKFLOW, WorkflowSettings, lockedStage, type StageDef } from '../../shared/workflow/settings.ts';
import { notFound, parseJson, parseStored } from './rows.ts';
import { withTransaction } from './transaction.ts';

const WORKFLOW_KEY = 'workflow';

/** The last stored text read per connection and what it parsed to. */
const parsedWorkflow = new WeakMap<DatabaseSync, { raw: string; settings: WorkflowSettings }>();

/**
 * The library's stage list and sign-off rule; the defaults until someone changes them. Saves,
 * imports and replaces ask for it per case, so the stored text is parsed again only when it changed
 * (another connection may write it: the row is still read each time).
 */
export function getWorkflow(db: DatabaseSync): WorkflowSettings {
  const row = db.prepare('SELECT value FROM library_settings WHERE key = ?').get(WORKFLOW_KEY);
  if (!row) return DEFAULT_WORKFLOW;
  const raw = String(row.value);
  const cached = parsedWorkflow.get(db);
  if (cached?.raw === raw) return cached.settings;
  const settings = parseStored(WorkflowSettings, parseJson(raw, 'workflow settings'), 'workflow settings');
  parsedWorkflow.set(db, { raw, settings });
  return settings;
}

/**
 * Replaces the workflow settings. A stage may be renamed, added or reordered freely; removing one
 * is refused while cases sit in it (their log would point at a stage the list no longer has).
 */
export function setWorkflow(db: DatabaseSync, next: WorkflowSettings): WorkflowSettings {
  const parsed = WorkflowSettings.safeParse(next);
  if (!parsed.success) throw new AppError('VALIDATION', 'Invalid workflow settings', { field: 'stages' });
  return withTransaction(db, () => {
    const current = getWorkflow(db);
    const kept = new Set(parsed.data.stages.map((s) => s.key));
    for (const gone of current.stages.filter((s) => !kept.has(s.key))) {
      const n = Number(db.prepare('SELECT count(*) AS n FROM cases WHERE stage = ?').get(gone.key)?.n ?? 0);
      if (n > 0) {
        throw new AppError('STAGE_IN_USE', `${n} case(s) are at stage ${gone.key}`, {
          stage: displayName(gone),
          key: gone.key,
          count: n,
        });
      }
    }
    db.prepare(
      `INSERT INTO library_settings (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ).run(WORKFLOW_KEY, JSON.stringify(parsed.data));
    return parsed.data;
  });
}

function displayName(s: StageDef): string {
  return s.name ?? s.key;
}

/** A case at the library's last stage (定稿) is locked: its text cannot change until unlocked. */
export function isLocked(db: DatabaseSync, caseId: number): boolean {
  const row = db.prepare('SELECT stage FROM cases WHERE id = ?').get(caseId);
  if (!row) throw notFound('case', caseId);
  return row.stage === lockedStage(getWorkflow(db));
}

export function assertUnlocked(db: DatabaseSync, caseId: number): void {
  if (isLocked(db, caseId)) {
    throw new AppError('CASE_LOCKED', `Case ${caseId} is final and locked`, { id: caseId });
  }
}

/** Top-level notes not resolved (replies do not count on their own). */
export function countOpenNotes(db: DatabaseSync, caseId: number): number {
  const row = db
    .prepare('SELECT count(*) AS n FROM case_notes WHERE case_id = ? AND parent_id IS NULL AND resolved_at IS NULL')
    .get(caseId);
  return Number(row?.n ?? 0);
}
