import { useState } from 'react';
import type { Volume } from '../../../shared/model/entities.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useSubmit } from '../../ui/useSubmit.ts';

export function NewVolumeForm({ onCancel, onCreated }: { onCancel(): void; onCreated(v: Volume): void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const form = useSubmit(async () => onCreated(await api.volumes.create({ title: title.trim() })));

  return (
    <form className="new-volume-form" data-testid="new-volume-form" onSubmit={form.onSubmit}>
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
        <button type="submit" className="primary" disabled={form.busy || title.trim() === ''} data-testid="new-volume-submit">
          {t('common.create')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      {form.error ? <ErrorNotice error={form.error} /> : null}
    </form>
  );
}
