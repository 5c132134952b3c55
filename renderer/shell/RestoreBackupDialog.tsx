import type { BackupInfo } from '../../shared/model/backup.ts';
import { formatBytes } from '../../shared/text/bytes.ts';
import type { Client } from '../api/client.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';

interface Props {
  client: Pick<Client, 'backups'>;
  backup: BackupInfo;
  onClose(): void;
  /** The backup is in place and the library open again (or, in recovery, opening it was retried). */
  onRestored(): void;
}

/** Asks before restoring, naming the backup (time, kind, size) and what happens to the current file. */
export function RestoreBackupDialog({ client, backup, onClose, onRestored }: Props) {
  const { t, formatDateTime } = useI18n();
  const time = formatDateTime(backup.createdAt);
  return (
    <ConfirmDialog
      title={t('backups.restoreTitle')}
      confirmLabel={t('backups.restoreConfirm', { time })}
      testPrefix="restore"
      onClose={onClose}
      onConfirm={async () => {
        await client.backups.restore({ name: backup.name, confirm: true });
        onRestored();
      }}
    >
      <p data-testid="restore-message">
        {t('backups.restoreBody', { time, kind: t(`backups.kinds.${backup.kind}`), size: formatBytes(backup.size) })}
      </p>
      <p className="hint">{backup.name}</p>
    </ConfirmDialog>
  );
}
