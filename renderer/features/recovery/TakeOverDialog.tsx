import type { LibraryStatus, LockInfo } from '../../../shared/ipc/library.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import type { RecoveryClient } from './RecoveryScreen.tsx';

interface Props {
  client: RecoveryClient;
  lock: LockInfo;
  onClose(): void;
  onDone(next: LibraryStatus): void;
}

/** Asks before taking the lock, naming whose it is; sends the lock shown, so a changed one is not taken. */
export function TakeOverDialog({ client, lock, onClose, onDone }: Props) {
  const { t } = useI18n();
  return (
    <ConfirmDialog
      title={t('recovery.takeOverTitle')}
      confirmLabel={t('recovery.takeOverConfirm')}
      testPrefix="take-over"
      onClose={onClose}
      onConfirm={async () => {
        onDone(
          await client.library.takeOver({
            confirm: true,
            lock: { pid: lock.pid, hostname: lock.hostname, startedAt: lock.startedAt },
          }),
        );
      }}
    >
      <p data-testid="take-over-message">
        {t('recovery.takeOverBody', {
          host: lock.hostname ?? t('common.none'),
          pid: lock.pid === null ? t('common.none') : String(lock.pid),
        })}
      </p>
    </ConfirmDialog>
  );
}
