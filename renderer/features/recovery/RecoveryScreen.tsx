import { useState } from 'react';
import type { LibraryStatus } from '../../../shared/ipc/library.ts';
import type { Client } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useSubmit } from '../../ui/useSubmit.ts';
import { BackupRecovery } from './BackupRecovery.tsx';
import { LockRecovery } from './LockRecovery.tsx';
import './recovery.css';

export type RecoveryClient = Pick<Client, 'library' | 'backups'>;

interface Props {
  client: RecoveryClient;
  initial: LibraryStatus;
  /** The library is open now: load the app. */
  onOpened(): void;
}

/**
 * Shown instead of the app while the library cannot be opened: why (translated by error code), and
 * the way out that error allows. Retry opens the library again on the server.
 */
export function RecoveryScreen({ client, initial, onOpened }: Props) {
  const { t } = useI18n();
  const [status, setStatus] = useState(initial);

  function settle(next: LibraryStatus) {
    if (next.state === 'open') onOpened();
    else setStatus(next);
  }

  const retry = useSubmit(async () => settle(await client.library.retry()));

  return (
    <div className="start-failure recovery" data-testid="recovery" data-code={status.error?.code ?? ''}>
      <h1>{t('app.name')}</h1>
      <h2>{t('recovery.title')}</h2>
      <p className="recovery__path" data-testid="recovery-library">
        {t('recovery.library', { path: status.libraryPath })}
      </p>
      {status.error ? <ErrorNotice error={status.error} onRetry={retry.run} testId="recovery-error" /> : null}
      {retry.error ? <ErrorNotice error={retry.error} /> : null}
      <RecoveryActions client={client} status={status} onStatus={settle} />
    </div>
  );
}

/** What the user can do about this particular failure; one case per error code that has a remedy. */
function RecoveryActions({
  client,
  status,
  onStatus,
}: {
  client: RecoveryClient;
  status: LibraryStatus;
  onStatus(next: LibraryStatus): void;
}) {
  switch (status.error?.code) {
    case 'LIBRARY_LOCKED':
      return <LockRecovery client={client} status={status} onStatus={onStatus} />;
    case 'DB_CORRUPT':
      return <BackupRecovery client={client} onStatus={onStatus} />;
    default:
      return null;
  }
}
