import type { AssigneeRow } from '../../../shared/model/dashboard.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { stageTone, useWorkflow } from '../../shell/WorkflowContext.tsx';
import type { TableFocus } from './tableFocus.ts';

/**
 * Cases by assignee × stage: one stacked bar per assignee (the unassigned last), its length the
 * assignee's share of the busiest one's cases. A name shows that person's cases in the table, a
 * segment their cases at that stage.
 */
export function AssigneeMatrix({ rows, onFocus }: { rows: readonly AssigneeRow[]; onFocus(focus: TableFocus): void }) {
  const { t } = useI18n();
  const { stageName } = useWorkflow();
  const widest = Math.max(1, ...rows.map((r) => r.total));
  const nameOf = (r: AssigneeRow) => r.assignee ?? t('dashboard.assignees.unassigned');
  return (
    <section className="overview assignee-matrix" data-testid="assignee-matrix" aria-labelledby="assignee-matrix-title">
      <h3 id="assignee-matrix-title">{t('dashboard.assignees.title')}</h3>
      {rows.every((r) => r.assignee === null) ? (
        <p className="assignee-matrix__none muted">{t('dashboard.assignees.none')}</p>
      ) : null}
      <ul className="assignee-matrix__rows">
        {rows.map((r) => (
          <li key={r.assignee ?? ''} className="assignee-matrix__row" data-testid="assignee-row" data-assignee={r.assignee ?? ''}>
            <button
              type="button"
              className={r.assignee === null ? 'assignee-matrix__name assignee-matrix__name--none' : 'assignee-matrix__name'}
              title={t('dashboard.assignees.rowTitle', { who: nameOf(r), count: r.total })}
              onClick={() => onFocus({ assignee: r.assignee })}
            >
              {nameOf(r)}
            </button>
            <div className="assignee-matrix__track">
              <div
                className="stage-bar assignee-matrix__bar"
                role="group"
                aria-label={`${nameOf(r)}: ${r.stages.map((s) => `${stageName(s.stage)} ${s.count}`).join(', ')}`}
                style={{ width: `${(r.total / widest) * 100}%` }}
              >
                {r.stages.map((s) => (
                  <button
                    key={s.stage}
                    type="button"
                    className={`stage-bar__seg stage-bar__seg--${stageTone(s.stage)}`}
                    style={{ flexGrow: s.count }}
                    title={t('dashboard.assignees.segment', { who: nameOf(r), stage: stageName(s.stage), count: s.count })}
                    data-stage={s.stage}
                    data-count={s.count}
                    onClick={() => onFocus({ assignee: r.assignee, stage: s.stage })}
                  >
                    {s.count / widest >= 0.08 ? s.count : ''}
                  </button>
                ))}
              </div>
            </div>
            <b className="assignee-matrix__total">{r.total}</b>
          </li>
        ))}
      </ul>
    </section>
  );
}
