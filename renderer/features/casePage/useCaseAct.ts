import { useCallback } from 'react';
import type { Client } from '../../api/client.ts';
import type { Output } from '../../../shared/ipc/contract.ts';
import type { WorkflowAction } from '../../../shared/workflow/rules.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useWorkflow } from '../../shell/WorkflowContext.tsx';
import { useNotices } from '../../ui/Notices.tsx';

export type ActResult = Output<'cases:act'>;
export type ActClient = Pick<Client, 'cases'>;

/**
 * Sends a workflow action on the case to main (which checks the rules again and records it), says
 * what happened, and hands the answer to `onActed`. Rejects with main's AppError.
 */
export function useCaseAct(client: ActClient, caseId: number, onActed: (result: ActResult) => void) {
  const { t } = useI18n();
  const { stageName } = useWorkflow();
  const notices = useNotices();
  return useCallback(
    async (action: WorkflowAction): Promise<ActResult> => {
      const result = await client.cases.act({ id: caseId, action });
      const { event } = result;
      const from = event.fromStage ? stageName(event.fromStage) : '';
      notices.info(t(`workflow.done.${action.kind}`, { from, to: stageName(event.toStage) }));
      onActed(result);
      return result;
    },
    [client, caseId, onActed, notices, t, stageName],
  );
}
