import { useState } from 'react';
import type { LibraryStatus, LockInfo } from '../../../shared/ipc/library.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { RecoveryClient } from './RecoveryScreen.tsx';
import { TakeOverDialog } from './TakeOverDialog.tsx';

interface Props {
  client: RecoveryClient;
  status: LibraryStatus;
  onStatus(next: LibraryStatus): void;
}

/** Who holds the lock (computer, process, since when, the lock file) and, when it may be taken, a take-over. */
export function LockRecovery({ client, status, onStatus }: Props) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const lock = status.lock;
  const details = status.error?.details ?? {};

  if (details.reason === 'lock-is-directory') {
    return (
      <p className="recovery__advice" data-testid="recovery-advice">
        {t('recovery.lockIsDirectory', { path: String(details.lockFile ?? '') })}
      </p>
    );
  }
  if (!lock) {
    return (
      <p className="recovery__advice" data-testid="recovery-advice">
        {t('recovery.lockGone')}
      </p>
    );
  }
  const runningHere = lock.sameHost && lock.alive === true;
  return (
    <section className="lock-recovery" data-testid="lock-info">
      <h3>{t('recovery.lockTitle')}</h3>
      <LockTable lock={lock} />
      <p className="recovery__advice" data-testid="recovery-advice">
        {t(
          runningHere
            ? 'recovery.runningHere'
            : lock.pid === null
              ? 'recovery.unreadable'
              : lock.sameHost
                ? 'recovery.goneHere'
                : 'recovery.otherComputer',
        )}
      </p>
      {lock.quiet ? (
        <p className="recovery__advice" data-testid="recovery-quiet">
          {t('recovery.quiet')}
        </p>
      ) : null}
      {runningHere ? null : (
        <div className="row">
          <button type="button" className="danger-outline" onClick={() => setConfirming(true)} data-testid="take-over">
            {t('recovery.takeOver')}
          </button>
        </div>
      )}
      {confirming ? (
        <TakeOverDialog
          client={client}
          lock={lock}
          onClose={() => setConfirming(false)}
          onDone={(next) => {
            setConfirming(false);
            onStatus(next);
          }}
        />
      ) : null}
    </section>
  );
}

function LockTable({ lock }: { lock: LockInfo }) {
  const { t, formatDateTime } = useI18n();
  const none = t('common.none');
  const host = lock.hostname ?? none;
  const rows: [string, string, string][] = [
    ['host', t('recovery.host'), lock.sameHost ? t('recovery.thisComputer', { host }) : host],
    ['pid', t('recovery.pid'), lock.pid === null ? none : String(lock.pid)],
    ['since', t('recovery.since'), lock.startedAt ? formatDateTime(lock.startedAt) : none],
    ['heartbeat', t('recovery.heartbeat'), lock.heartbeatAt ? formatDateTime(lock.heartbeatAt) : none],
    ['file', t('recovery.lockFile'), lock.file],
  ];
  return (
    <dl className="lock-recovery__table">
      {rows.map(([key, label, value]) => (
        <div key={key}>
          <dt>{label}</dt>
          <dd data-testid={`lock-${key}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
