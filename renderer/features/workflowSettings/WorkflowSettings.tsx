import { useId, useRef, useState } from 'react';
import { isBuiltInStage } from '../../../shared/model/stage.ts';
import { STAGE_LIMITS } from '../../../shared/workflow/settings.ts';
import { api, ApiError, type Client } from '../../api/client.ts';
import { toApiError } from '../../api/apiError.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useWorkflow } from '../../shell/WorkflowContext.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useNotices } from '../../ui/Notices.tsx';
import { useSubmit } from '../../ui/useSubmit.ts';
import {
  STAGE_NAME_MAX,
  insertRow,
  isChanged,
  moveRow,
  removeRow,
  renameRow,
  rowsOf,
  toStageInput,
  type StageListProblem,
  type StageRow,
} from './stageList.ts';
import './workflowSettings.css';

/**
 * Settings › Workflow: the library's ordered stage list (rename — blank restores a built-in name —,
 * add at a position, remove, reorder) and whether one person may sign consecutive passes. Saved as
 * a whole through `workflow:set`; main refuses to remove a stage that cases sit in (STAGE_IN_USE).
 */
export function WorkflowSettings({ client = api }: { client?: Pick<Client, 'workflow'> }) {
  const { t } = useI18n();
  const notices = useNotices();
  const { workflow, adopt, stageName } = useWorkflow();
  const titleId = useId();
  const [rows, setRows] = useState<StageRow[]>(() => rowsOf(workflow));
  const [allowSame, setAllowSame] = useState(workflow.allowSameSigner);
  const [problem, setProblem] = useState<StageListProblem | null>(null);
  const nextId = useRef(0);
  // The settings this draft started from; a newer copy (loaded after the dialog opened) resets a clean draft.
  const [base, setBase] = useState(workflow);
  if (base !== workflow) {
    setBase(workflow);
    if (!isChanged(rows, base) && allowSame === base.allowSameSigner) {
      setRows(rowsOf(workflow));
      setAllowSame(workflow.allowSameSigner);
    }
  }

  const save = useSubmit(async () => {
    const input = toStageInput(rows);
    if (!input.ok) {
      setProblem(input.problem);
      return;
    }
    setProblem(null);
    try {
      const stored = await client.workflow.set({ stages: input.stages, allowSameSigner: allowSame });
      adopt(stored);
      setRows(rowsOf(stored));
      setAllowSame(stored.allowSameSigner);
      notices.info(t('workflow.settings.saved'));
    } catch (err) {
      throw namedStage(err, stageName);
    }
  });

  const edit = (next: StageRow[]) => {
    setRows(next);
    setProblem(null);
  };
  const insertAt = (index: number) => edit(insertRow(rows, index, `new-${nextId.current++}`));
  const changed = isChanged(rows, workflow) || allowSame !== workflow.allowSameSigner;
  const last = rows.length - 1;

  return (
    <section className="settings-section workflow-settings" aria-labelledby={titleId} data-testid="workflow-settings">
      <div className="toolbar">
        <h3 id={titleId}>{t('workflow.settings.title')}</h3>
      </div>
      <p className="hint">{t('workflow.settings.hint')}</p>
      <ol className="workflow-settings__stages">
        {rows.map((row, i) => {
          const builtIn = row.key !== null && isBuiltInStage(row.key) ? row.key : null;
          const bad = problem?.index === i;
          return (
            <li key={row.id} className="workflow-settings__stage" data-testid="stage-row" data-key={row.key ?? ''} data-index={i}>
              <span className="workflow-settings__number muted">{i + 1}</span>
              <input
                className="workflow-settings__name"
                value={row.name}
                maxLength={STAGE_NAME_MAX}
                placeholder={builtIn ? t(`stages.${builtIn}`) : t('workflow.settings.namePlaceholder')}
                aria-label={t('workflow.settings.nameOf', { n: i + 1 })}
                aria-invalid={bad || undefined}
                onChange={(e) => edit(renameRow(rows, i, e.target.value))}
                data-testid="stage-name"
              />
              <span className="workflow-settings__role muted">
                {i === 0 ? t('workflow.settings.first') : i === last ? t('workflow.settings.last') : ''}
              </span>
              <span className="workflow-settings__actions">
                <button
                  type="button"
                  className="icon-button"
                  disabled={i === 0}
                  title={t('workflow.settings.moveUp')}
                  aria-label={t('workflow.settings.moveUp')}
                  onClick={() => edit(moveRow(rows, i, -1))}
                  data-testid="stage-up"
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  disabled={i === last}
                  title={t('workflow.settings.moveDown')}
                  aria-label={t('workflow.settings.moveDown')}
                  onClick={() => edit(moveRow(rows, i, 1))}
                  data-testid="stage-down"
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="icon-button"
                  disabled={rows.length >= STAGE_LIMITS.max}
                  title={t('workflow.settings.insertAfter')}
                  aria-label={t('workflow.settings.insertAfter')}
                  onClick={() => insertAt(i + 1)}
                  data-testid="stage-insert"
                >
                  +
                </button>
                <button
                  type="button"
                  className="icon-button"
                  disabled={rows.length <= STAGE_LIMITS.min}
                  title={t('workflow.settings.remove')}
                  aria-label={t('workflow.settings.remove')}
                  onClick={() => edit(removeRow(rows, i))}
                  data-testid="stage-remove"
                >
                  ×
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <label className="workflow-settings__relax">
        <input
          type="checkbox"
          checked={allowSame}
          onChange={(e) => setAllowSame(e.target.checked)}
          data-testid="allow-same-signer"
        />
        {t('workflow.settings.allowSameSigner')}
      </label>
      <p className="hint">{t('workflow.settings.allowSameSignerHint')}</p>
      {problem ? (
        <p className="workflow-settings__problem" role="alert" data-testid="stage-list-problem">
          {t(`workflow.settings.problem.${problem.kind}`, { n: problem.index + 1, max: STAGE_NAME_MAX })}
        </p>
      ) : null}
      {save.error ? <ErrorNotice error={save.error} /> : null}
      <div className="workflow-settings__footer">
        <button
          type="button"
          disabled={!changed || save.busy}
          onClick={() => {
            edit(rowsOf(workflow));
            setAllowSame(workflow.allowSameSigner);
          }}
          data-testid="workflow-reset"
        >
          {t('workflow.settings.reset')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!changed || save.busy}
          onClick={() => save.run()}
          data-testid="workflow-save"
        >
          {t('workflow.settings.save')}
        </button>
      </div>
    </section>
  );
}

/** STAGE_IN_USE names the stage by key or stored name: say it as the user reads it. */
function namedStage(err: unknown, stageName: (key: string) => string): unknown {
  const e = toApiError(err);
  const key = e.details?.key;
  if (e.code !== 'STAGE_IN_USE' || typeof key !== 'string') return err;
  return new ApiError(e.code, e.message, { ...e.details, stage: stageName(key) });
}
