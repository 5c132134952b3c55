import { useId, useRef, useState } from 'react';
import type { CaseFlag } from '../../../shared/workflow/events.ts';
import type { Stage } from '../../../shared/model/stage.ts';
import { api } from '../../api/client.ts';
import { describeError } from '../../i18n/describeError.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { usePrefs } from '../../shell/PrefsContext.tsx';
import { useShell } from '../../shell/ShellContext.tsx';
import { useWorkflow } from '../../shell/WorkflowContext.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { LockIcon } from '../../ui/LockIcon.tsx';
import { StageBadge } from '../../ui/StageBadge.tsx';
import { useAsync } from '../../ui/useAsync.ts';
import { useViewerWhy } from '../sync/useSyncStatus.ts';
import { ReasonForm } from './ReasonForm.tsx';
import { planSignoff } from './signoff.ts';
import { StageHistory } from './StageHistory.tsx';
import { useCaseAct, type ActClient, type ActResult } from './useCaseAct.ts';
import './workflow.css';

export interface StageControlProps {
  caseId: number;
  /** The case's stage as the page knows it. */
  current: Stage;
  /** The reason of its 有疑问 flag ('' without one), null when not flagged. */
  flag: string | null;
  /** Bumped by the page after an action taken elsewhere (the lock banner): the panel reloads. */
  revision: number;
  onActed(result: ActResult): void;
  client?: ActClient;
}

type Extra = 'sendback' | 'flag' | null;

/**
 * The case's stage as a toolbar button; its popover is the sign-off panel: sign the pass to the next
 * stage (with an optional note), send back to an earlier stage or unlock a final case (with a
 * reason), raise or clear the 有疑问 flag, and the case's timeline. Why an action is unavailable is
 * said before the user tries, by the same rules main applies.
 */
export function StageControl({ caseId, current, flag, revision, onActed, client = api }: StageControlProps) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const { workflow, stageName, locked: lockedKey } = useWorkflow();
  const { prefs } = usePrefs();
  const { openSettings } = useShell();
  const popoverId = useId();
  const popover = useRef<HTMLDivElement>(null);
  const [extra, setExtra] = useState<Extra>(null);
  const [opened, setOpened] = useState(0);
  // Asked again each time the panel opens (notes may have been resolved meanwhile) and after each action.
  const wf = useAsync(`workflow:${caseId}:${current}:${flag ?? ''}:${revision}:${opened}`, () =>
    client.cases.workflow({ id: caseId }),
  );
  const act = useCaseAct(client, caseId, (result) => {
    setExtra(null);
    popover.current?.hidePopover();
    onActed(result);
  });

  const who = prefs.userName.trim();
  // A viewer of a shared library signs nothing (main refuses it): the panel only shows where the case stands.
  const viewerWhy = useViewerWhy();
  const viewer = viewerWhy !== undefined;
  // A reload keeps the last answer on screen; the buttons wait for the fresh one.
  const state = wf.data ?? null;
  const plan = state ? planSignoff(workflow, state, who, stageName) : null;
  const waiting = wf.loading || !who || viewer;
  const conflicts = state?.conflict?.length ?? 0;
  const isLocked = current === lockedKey;

  return (
    <div className="stage-control">
      <button
        type="button"
        className="stage-control__toggle"
        popoverTarget={popoverId}
        aria-haspopup="dialog"
        title={t('workflow.panelTitle')}
        data-testid="stage-control-toggle"
      >
        <span className="stage-control__label">{t('casePage.stage')}</span>
        <StageBadge stage={current} testId="case-stage" />
        {conflicts > 0 ? (
          <span className="stage-control__conflict" title={t('sync.conflict.title')} data-testid="stage-conflict">
            ⚠
          </span>
        ) : null}
        {isLocked ? (
          <span className="stage-control__lock" title={t('workflow.locked')} data-testid="lock-badge">
            <LockIcon />
          </span>
        ) : null}
        <span aria-hidden="true">▾</span>
      </button>
      <div
        ref={popover}
        id={popoverId}
        popover="auto"
        role="dialog"
        aria-label={t('workflow.panelTitle')}
        className="stage-control__popover"
        data-testid="stage-popover"
        onToggle={(e) => {
          if (e.newState === 'open') setOpened((n) => n + 1);
          else setExtra(null);
        }}
      >
        <div className="stage-control__panel" data-testid="stage-control">
          <h3>{t('workflow.panelTitle')}</h3>
          <p className="stage-control__summary" data-testid="stage-summary">
            <StageBadge stage={current} />
            {state ? (
              <>
                <span className="muted">{t('workflow.since', { when: formatDateTime(state.since) })}</span>
                <span data-testid="last-signer">
                  {state.lastSigner ? t('workflow.lastSigner', { name: state.lastSigner }) : t('workflow.noSigner')}
                </span>
              </>
            ) : null}
          </p>
          {state?.flag ? <FlagBox flag={state.flag} /> : null}
          {conflicts > 0 ? (
            <div className="stage-control__flag" data-testid="conflict-box">
              <strong>{t('sync.conflict.title')}</strong>
              <span className="muted">{t('sync.conflict.hint', { count: conflicts })}</span>
            </div>
          ) : null}
          {!who ? (
            <p className="stage-control__who stage-control__who--missing" data-testid="signer-missing">
              {t('errors.SIGNER_REQUIRED')}{' '}
              <button type="button" className="link-button" onClick={openSettings} data-testid="set-user-name">
                {t('workflow.setUserName')}
              </button>
            </p>
          ) : (
            <p className="stage-control__who muted" data-testid="signer">
              {t('workflow.asUser', { name: who })}
            </p>
          )}
          {viewer ? (
            <p className="stage-control__blocked" data-testid="viewer-read-only">
              {viewerWhy}
            </p>
          ) : null}
          {wf.error ? <ErrorNotice error={wf.error} onRetry={wf.reload} /> : null}
          {!plan ? (
            wf.error ? null : (
              <Loading />
            )
          ) : plan.locked ? (
            <section className="stage-control__section" aria-label={t('workflow.unlockTitle')}>
              <p className="stage-control__locked" data-testid="locked-note">
                <LockIcon /> {t('workflow.lockedNote')}
              </p>
              <ReasonForm
                testPrefix="unlock"
                targets={plan.earlier}
                targetLabel={t('workflow.unlockTo')}
                textLabel={t('workflow.reason')}
                placeholder={t('workflow.unlockPlaceholder')}
                required
                submitLabel={t('workflow.unlockSubmit')}
                disabled={waiting}
                disabledTitle={viewerWhy}
                onSubmit={(reason, to) => act({ kind: 'unlock', to: to!, reason })}
              />
            </section>
          ) : plan.next ? (
            <section className="stage-control__section" aria-label={t('workflow.signoffTitle')}>
              <ReasonForm
                // A new form per target: a note typed for one pass is not carried to the next.
                key={plan.next}
                testPrefix="signoff"
                textLabel={t('workflow.signoffNote')}
                placeholder={t('workflow.signoffNotePlaceholder')}
                required={false}
                submitLabel={t('workflow.signoff', { stage: stageName(plan.next) })}
                disabled={waiting || plan.blocked !== null}
                disabledTitle={viewerWhy}
                onSubmit={(note) => act({ kind: 'signoff', to: plan.next!, ...(note ? { note } : {}) })}
              />
              {plan.blocked && plan.blocked.code !== 'SIGNER_REQUIRED' ? (
                <p className="stage-control__blocked" data-testid="signoff-blocked" data-code={plan.blocked.code}>
                  {describeError(plan.blocked, i18n).message}
                </p>
              ) : null}
              {!plan.blocked && plan.relaxed ? (
                <p className="hint" data-testid="signoff-relaxed">
                  {t('workflow.relaxedHint')}
                </p>
              ) : null}
              {!plan.blocked && plan.next === lockedKey ? (
                <p className="hint" data-testid="signoff-locks">
                  {t('workflow.willLock', { stage: stageName(plan.next) })}
                </p>
              ) : null}
            </section>
          ) : null}
          {plan ? (
            <div className="stage-control__extras">
              {!plan.locked && plan.earlier.length > 0 ? (
                <button
                  type="button"
                  aria-expanded={extra === 'sendback'}
                  disabled={viewer}
                  title={viewerWhy}
                  onClick={() => setExtra((x) => (x === 'sendback' ? null : 'sendback'))}
                  data-testid="sendback-open"
                >
                  {t('workflow.sendback')}
                </button>
              ) : null}
              {state?.flag ? null : (
                <button
                  type="button"
                  aria-expanded={extra === 'flag'}
                  disabled={viewer}
                  title={viewerWhy}
                  onClick={() => setExtra((x) => (x === 'flag' ? null : 'flag'))}
                  data-testid="flag-open"
                >
                  {t('workflow.flag')}
                </button>
              )}
            </div>
          ) : null}
          {plan && extra === 'sendback' && !plan.locked ? (
            <ReasonForm
              testPrefix="sendback"
              targets={plan.earlier}
              targetLabel={t('workflow.sendbackTo')}
              textLabel={t('workflow.reason')}
              placeholder={t('workflow.sendbackPlaceholder')}
              required
              submitLabel={t('workflow.sendbackSubmit')}
              disabled={waiting}
              disabledTitle={viewerWhy}
              onSubmit={(reason, to) => act({ kind: 'sendback', to: to!, reason })}
            />
          ) : null}
          {plan && extra === 'flag' && !state?.flag ? (
            <ReasonForm
              testPrefix="flag"
              textLabel={t('workflow.reason')}
              placeholder={t('workflow.flagPlaceholder')}
              required
              submitLabel={t('workflow.flagSubmit')}
              disabled={waiting}
              disabledTitle={viewerWhy}
              onSubmit={(reason) => act({ kind: 'flag', reason })}
            />
          ) : null}
          {state?.flag ? (
            <ReasonForm
              testPrefix="unflag"
              textLabel={t('workflow.unflagNote')}
              required={false}
              submitLabel={t('workflow.unflag')}
              disabled={waiting}
              disabledTitle={viewerWhy}
              onSubmit={(note) => act({ kind: 'unflag', ...(note ? { note } : {}) })}
            />
          ) : null}
        </div>
        <StageHistory caseId={caseId} revision={revision} client={client} />
      </div>
    </div>
  );
}

/** The open 有疑问 flag: its reason, who raised it and when. */
function FlagBox({ flag }: { flag: CaseFlag }) {
  const { t, formatDateTime } = useI18n();
  return (
    <div className="stage-control__flag" data-testid="flag-box">
      <strong>{t('workflow.flagged')}</strong>
      {flag.reason ? <span data-testid="flag-reason">{flag.reason}</span> : null}
      <span className="muted">{t('workflow.flaggedBy', { who: flag.who, when: formatDateTime(flag.at) })}</span>
    </div>
  );
}
