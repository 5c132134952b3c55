import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isBuiltInStage, type Stage } from '../../shared/model/stage.ts';
import { DEFAULT_WORKFLOW, lockedStage, type WorkflowSettings } from '../../shared/workflow/settings.ts';
import { api } from '../api/client.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

interface WorkflowApi {
  /** The library's stage list and sign-off rule (the defaults until loaded). */
  workflow: WorkflowSettings;
  /** Adopts settings main stored (after `workflow:set`). */
  adopt(next: WorkflowSettings): void;
}

const WorkflowContext = createContext<WorkflowApi | null>(null);

export function WorkflowProvider({ children }: { children: ReactNode }) {
  const [workflow, setWorkflow] = useState<WorkflowSettings>(DEFAULT_WORKFLOW);
  useEffect(() => {
    let live = true;
    // A failure leaves the defaults; screens that need the real list report their own errors.
    api.workflow.get().then(
      (loaded) => {
        if (live) setWorkflow(loaded);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  const value = useMemo(() => ({ workflow, adopt: setWorkflow }), [workflow]);
  return <WorkflowContext.Provider value={value}>{children}</WorkflowContext.Provider>;
}

const FALLBACK: WorkflowApi = { workflow: DEFAULT_WORKFLOW, adopt: () => undefined };

/** The library's workflow, with helpers to name stages as the user reads them. */
export function useWorkflow() {
  const ctx = useContext(WorkflowContext) ?? FALLBACK;
  const { t } = useI18n();
  const { workflow } = ctx;
  const stageName = useCallback(
    (key: Stage): string => {
      const def = workflow.stages.find((s) => s.key === key);
      if (def?.name) return def.name;
      return isBuiltInStage(key) ? t(`stages.${key}`) : key;
    },
    [workflow, t],
  );
  const stageKeys = useMemo(() => workflow.stages.map((s) => s.key), [workflow]);
  return { ...ctx, stageName, stageKeys, locked: lockedStage(workflow) };
}

/**
 * The CSS modifier of a stage's colour: built-in stages have their own (`stage-badge--review1`…),
 * stages a library added share `custom`.
 */
export function stageTone(key: Stage): string {
  return isBuiltInStage(key) ? key : 'custom';
}
