import { useState } from 'react';
import type { LibraryStatus } from '../../../shared/ipc/library.ts';
import type { BackupInfo } from '../../../shared/model/backup.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { BackupTable } from '../../shell/BackupTable.tsx';
import { RestoreBackupDialog } from '../../shell/RestoreBackupDialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useAsync } from '../../ui/useAsync.ts';
import type { RecoveryClient } from './RecoveryScreen.tsx';

interface Props {
  client: RecoveryClient;
  onStatus(next: LibraryStatus): void;
}

/** A damaged (or 0-byte) library: its backups, any of which can be put back after a confirmation. */
export function BackupRecovery({ client, onStatus }: Props) {
  const { t } = useI18n();
  const backups = useAsync('backups', () => client.backups.list());
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const list = backups.data ?? [];
  return (
    <section className="backup-recovery" data-testid="backup-recovery">
      <h3>{t('backups.title')}</h3>
      {backups.error ? <ErrorNotice error={backups.error} onRetry={backups.reload} /> : null}
      {backups.data && list.length === 0 ? (
        <p className="recovery__advice" data-testid="recovery-advice">
          {t('backups.noneToRestore')}
        </p>
      ) : null}
      {list.length > 0 ? (
        <>
          <p className="recovery__advice" data-testid="recovery-advice">
            {t('backups.restoreAdvice')}
          </p>
          <BackupTable backups={list} onRestore={setRestoring} />
        </>
      ) : null}
      {restoring ? (
        <RestoreBackupDialog
          client={client}
          backup={restoring}
          onClose={() => setRestoring(null)}
          onRestored={() => {
            setRestoring(null);
            void client.library.status().then(onStatus, () => backups.reload());
          }}
        />
      ) : null}
    </section>
  );
}
