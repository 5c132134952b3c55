import type { Stage } from '../../shared/model/stage.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** A stage as a coloured pill; the colour comes from its `stage-badge--<stage>` modifier (styles.css). */
export function StageBadge({ stage, testId }: { stage: Stage; testId?: string }) {
  const { t } = useI18n();
  return (
    <span className={`stage-badge stage-badge--${stage}`} data-stage={stage} data-testid={testId}>
      {t(`stages.${stage}`)}
    </span>
  );
}
