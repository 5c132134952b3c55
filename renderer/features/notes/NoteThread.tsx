import { useState } from 'react';
import type { CaseNote } from '../../../shared/model/notes.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useSubmit } from '../../ui/useSubmit.ts';
import { NoteForm } from './NoteForm.tsx';

export interface NoteThreadProps {
  note: CaseNote;
  onGoTo: (note: CaseNote) => void;
  onReply: (noteId: number, body: string) => Promise<void>;
  onResolve: (noteId: number, resolved: boolean) => Promise<void>;
  /** Why the note cannot be answered or resolved (a viewer of a shared library); undefined when it can. */
  readOnlyWhy?: string | undefined;
}

/** One note: the block it is on (a click goes there), who wrote it and when, its replies, reply and resolve. */
export function NoteThread({ note, onGoTo, onReply, onResolve, readOnlyWhy }: NoteThreadProps) {
  const { t, formatDateTime } = useI18n();
  const [replying, setReplying] = useState(false);
  const resolved = note.resolvedAt !== null;
  const toggle = useSubmit(() => onResolve(note.id, !resolved));
  return (
    <li
      className={resolved ? 'notes-panel__item notes-panel__item--resolved' : 'notes-panel__item'}
      data-testid="note-item"
      data-note-id={note.id}
      data-block-id={note.blockId ?? ''}
      data-resolved={resolved}
    >
      <button
        type="button"
        className="notes-panel__quote"
        title={t('notes.goTo')}
        data-testid="note-goto"
        disabled={note.blockIndex === null}
        onClick={() => onGoTo(note)}
      >
        {note.quote || t('notes.emptyBlock')}
      </button>
      <div className="notes-panel__entry">
        <div className="notes-panel__meta">
          <strong data-testid="note-author">{note.author}</strong> · {formatDateTime(note.at)}
        </div>
        <p className="notes-panel__body" data-testid="note-text">
          {note.body}
        </p>
      </div>
      {note.replies.length > 0 && (
        <ol className="notes-panel__replies">
          {note.replies.map((r) => (
            <li key={r.id} className="notes-panel__entry" data-testid="note-reply">
              <div className="notes-panel__meta">
                <strong>{r.author}</strong> · {formatDateTime(r.at)}
              </div>
              <p className="notes-panel__body">{r.body}</p>
            </li>
          ))}
        </ol>
      )}
      {resolved && (
        <div className="notes-panel__meta" data-testid="note-resolved">
          {t('notes.resolvedBy', { who: note.resolvedBy ?? '', at: formatDateTime(note.resolvedAt!) })}
        </div>
      )}
      {toggle.error !== null && <ErrorNotice error={toggle.error} title={t('notes.failed')} testId="note-error" />}
      {replying && readOnlyWhy === undefined ? (
        <NoteForm
          label={t('notes.replyLabel')}
          submitLabel={t('notes.sendReply')}
          testId="note-reply-form"
          onSubmit={async (body) => {
            await onReply(note.id, body);
            setReplying(false);
          }}
          onCancel={() => setReplying(false)}
        />
      ) : (
        <div className="notes-panel__actions">
          <button
            type="button"
            className="link-button"
            data-testid="note-reply-open"
            disabled={readOnlyWhy !== undefined}
            title={readOnlyWhy}
            onClick={() => setReplying(true)}
          >
            {t('notes.reply')}
          </button>
          <button
            type="button"
            className="link-button"
            data-testid={resolved ? 'note-reopen' : 'note-resolve'}
            disabled={toggle.busy || readOnlyWhy !== undefined}
            title={readOnlyWhy}
            onClick={() => toggle.run()}
          >
            {resolved ? t('notes.reopen') : t('notes.resolve')}
          </button>
        </div>
      )}
    </li>
  );
}
