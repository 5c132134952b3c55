import type { Stage } from '../../shared/model/stage.ts';
import { stageTone, useWorkflow } from '../shell/WorkflowContext.tsx';

/** A stage as a coloured pill; the colour comes from its `stage-badge--<tone>` modifier (styles.css). */
export function StageBadge({ stage, testId }: { stage: Stage; testId?: string }) {
  const { stageName } = useWorkflow();
  return (
    <span className={`stage-badge stage-badge--${stageTone(stage)}`} data-stage={stage} data-testid={testId}>
      {stageName(stage)}
    </span>
  );
}
