import { useState } from 'react';
import type { Volume } from '../../../shared/model/entities.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';

export function NewVolumeForm({ onCancel, onCreated }: { onCancel(): void; onCreated(v: Volume): void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      onCreated(await api.volumes.create({ title: title.trim() }));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <form
      className="inline-form"
      data-testid="new-volume-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor="new-volume-title">{t('library.newVolumeTitle')}</label>
      <input
        id="new-volume-title"
        data-testid="new-volume-input"
        value={title}
        placeholder={t('library.newVolumePlaceholder')}
        maxLength={200}
        autoFocus
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      />
      <div className="row">
        <button type="submit" className="primary" disabled={busy || title.trim() === ''} data-testid="new-volume-submit">
          {t('common.create')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}
