import { useState } from 'react';
import { NOTE_LIMITS } from '../../../shared/model/notes.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useSubmit } from '../../ui/useSubmit.ts';

export interface NoteFormProps {
  /** The text box's accessible name. */
  label: string;
  submitLabel: string;
  /** Rejects to keep the text and show why. */
  onSubmit: (body: string) => Promise<void>;
  onCancel: () => void;
  testId: string;
}

/** A note's or reply's text: Ctrl+Enter sends, Escape cancels; a failure keeps what was typed. */
export function NoteForm({ label, submitLabel, onSubmit, onCancel, testId }: NoteFormProps) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const submit = useSubmit(async () => {
    await onSubmit(body);
    setBody('');
  });
  return (
    <form className="note-form" data-testid={testId} onSubmit={submit.onSubmit}>
      <textarea
        className="note-form__body"
        aria-label={label}
        placeholder={label}
        value={body}
        maxLength={NOTE_LIMITS.bodyChars}
        rows={3}
        autoFocus
        data-testid="note-body"
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit.onSubmit(e);
          else if (e.key === 'Escape') onCancel();
          else return;
          // Handled here: not a shortcut of the view around.
          e.stopPropagation();
        }}
      />
      {submit.error !== null && <ErrorNotice error={submit.error} title={t('notes.failed')} testId="note-error" />}
      <div className="note-form__actions">
        <button type="submit" className="primary" disabled={submit.busy || body.trim() === ''} data-testid="note-submit">
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel} data-testid="note-cancel">
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
