import { useState } from 'react';
import type { Volume } from '../../../shared/model/entities.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';

/** Asks before deleting, naming the volume and what goes with it. */
export function DeleteVolumeDialog({ volume, onClose, onDeleted }: { volume: Volume; onClose(): void; onDeleted(): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await api.volumes.delete({ id: volume.id });
      onDeleted();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={t('library.deleteTitle')}
      onClose={onClose}
      testId="delete-dialog"
      footer={
        <>
          <button type="button" onClick={onClose} autoFocus data-testid="delete-cancel">
            {t('common.cancel')}
          </button>
          <button type="button" className="danger" disabled={busy} onClick={() => void confirm()} data-testid="delete-confirm">
            {t('library.deleteConfirm', { title: volume.title })}
          </button>
        </>
      }
    >
      <p data-testid="delete-message">
        {t('library.deleteBody', { title: volume.title, cases: volume.caseCount, pages: volume.pageCount })}
      </p>
      {error ? <ErrorNotice error={error} /> : null}
    </Dialog>
  );
}
