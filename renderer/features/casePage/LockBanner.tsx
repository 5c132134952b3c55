import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { usePrefs } from '../../shell/PrefsContext.tsx';
import { useShell } from '../../shell/ShellContext.tsx';
import { useWorkflow } from '../../shell/WorkflowContext.tsx';
import { LockIcon } from '../../ui/LockIcon.tsx';
import { useViewerWhy } from '../sync/useSyncStatus.ts';
import { ReasonForm } from './ReasonForm.tsx';
import { useCaseAct, type ActClient, type ActResult } from './useCaseAct.ts';

/**
 * Above the editor of a final (定稿) case: the text is read-only, and unlocking — back to a stage
 * the user picks, with a reason — is one click away. Main records the unlock on the timeline.
 */
export function LockBanner({
  caseId,
  onActed,
  client = api,
}: {
  caseId: number;
  onActed(result: ActResult): void;
  client?: ActClient;
}) {
  const { t } = useI18n();
  const { stageKeys, locked } = useWorkflow();
  const { prefs } = usePrefs();
  const { openSettings } = useShell();
  const who = prefs.userName.trim();
  // A viewer of a shared library unlocks nothing (main refuses it).
  const why = useViewerWhy();
  const [unlocking, setUnlocking] = useState(false);
  const act = useCaseAct(client, caseId, onActed);
  const earlier = stageKeys.slice(0, stageKeys.indexOf(locked)).reverse();
  return (
    <div className="lock-banner" role="status" data-testid="lock-banner">
      <div className="lock-banner__line">
        <LockIcon />
        <span className="lock-banner__text">{t('workflow.lockedBanner')}</span>
        <button
          type="button"
          aria-expanded={unlocking}
          disabled={why !== undefined}
          title={why}
          onClick={() => setUnlocking((v) => !v)}
          data-testid="lock-banner-unlock"
        >
          {t('workflow.unlock')}
        </button>
      </div>
      {unlocking && why === undefined ? (
        <ReasonForm
          testPrefix="banner-unlock"
          targets={earlier}
          targetLabel={t('workflow.unlockTo')}
          textLabel={t('workflow.reason')}
          placeholder={t('workflow.unlockPlaceholder')}
          required
          submitLabel={t('workflow.unlockSubmit')}
          disabled={!who}
          onSubmit={(reason, to) => act({ kind: 'unlock', to: to!, reason })}
        />
      ) : null}
      {unlocking && !who ? (
        <p className="hint">
          {t('errors.SIGNER_REQUIRED')}{' '}
          <button type="button" className="link-button" onClick={openSettings}>
            {t('workflow.setUserName')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
