import { useState } from 'react';
import type { BackupInfo } from '../../shared/model/backup.ts';
import { formatBytes } from '../../shared/text/bytes.ts';
import { api, type Client } from '../api/client.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { useNotices } from '../ui/Notices.tsx';
import { useAsync } from '../ui/useAsync.ts';
import { BackupTable } from './BackupTable.tsx';
import { RestoreBackupDialog } from './RestoreBackupDialog.tsx';
import { useSubmit } from '../ui/useSubmit.ts';

/** Settings: the library's backups, "back up now", and restore (after a confirmation naming the copy). */
export function BackupsSection({ client = api }: { client?: Pick<Client, 'backups'> }) {
  const { t } = useI18n();
  const notices = useNotices();
  const backups = useAsync('backups', () => client.backups.list());
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const {
    busy,
    error,
    run: backUpNow,
  } = useSubmit(async () => {
    const info = await client.backups.create();
    notices.info(t('backups.created', { size: formatBytes(info.size) }));
    backups.reload();
  });

  const list = backups.data ?? [];
  return (
    <section className="settings-section" aria-labelledby="backups-title" data-testid="backups-section">
      <div className="toolbar">
        <h3 id="backups-title">{t('backups.title')}</h3>
        <button type="button" disabled={busy} onClick={() => backUpNow()} data-testid="backups-create">
          {t('backups.backUpNow')}
        </button>
      </div>
      <p className="hint">{t('backups.hint')}</p>
      {backups.error ? <ErrorNotice error={backups.error} onRetry={backups.reload} /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {backups.data && list.length === 0 ? (
        <p className="empty-hint" data-testid="backups-empty">
          {t('backups.empty')}
        </p>
      ) : null}
      {list.length > 0 ? <BackupTable backups={list} onRestore={setRestoring} /> : null}
      {restoring ? (
        <RestoreBackupDialog
          client={client}
          backup={restoring}
          onClose={() => setRestoring(null)}
          // The library under the page changed wholesale: start the UI afresh.
          onRestored={() => window.location.reload()}
        />
      ) : null}
    </section>
  );
}
