import type { Stage } from '../../../shared/model/stage.ts';
import { NO_FILTER, type CaseFilter } from '../library/caseTable.ts';

/** Which cases a dashboard element stands for, to show in the case table. */
export interface TableFocus {
  stage?: Stage;
  /** null: the unassigned cases. */
  assignee?: string | null;
  /** Only cases flagged 有疑问. */
  flagged?: boolean;
}

/** The case table's filter for a focus: exactly those cases (other filters cleared). */
export function focusFilter(focus: TableFocus): CaseFilter {
  const { assignee } = focus;
  return {
    ...NO_FILTER,
    stage: focus.stage ?? null,
    assignee:
      assignee === undefined ? { kind: 'all' } : assignee === null ? { kind: 'unassigned' } : { kind: 'is', name: assignee },
    flagged: focus.flagged ?? false,
  };
}
