import type { Volume } from '../../../shared/model/entities.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';

/** Asks before deleting, naming the volume and what goes with it. */
export function DeleteVolumeDialog({ volume, onClose, onDeleted }: { volume: Volume; onClose(): void; onDeleted(): void }) {
  const { t } = useI18n();
  return (
    <ConfirmDialog
      title={t('library.deleteTitle')}
      confirmLabel={t('library.deleteConfirm', { title: volume.title })}
      testPrefix="delete"
      onClose={onClose}
      onConfirm={async () => {
        await api.volumes.delete({ id: volume.id });
        onDeleted();
      }}
    >
      <p data-testid="delete-message">
        {t('library.deleteBody', { title: volume.title, cases: volume.caseCount, pages: volume.pageCount })}
      </p>
    </ConfirmDialog>
  );
}
