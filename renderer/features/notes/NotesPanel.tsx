import { useState } from 'react';
import type { CaseNote } from '../../../shared/model/notes.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useViewerWhy } from '../sync/useSyncStatus.ts';
import { NoteForm } from './NoteForm.tsx';
import { NoteThread } from './NoteThread.tsx';
import { ADD_NOTE_SHORTCUT } from './noteKeys.ts';
import './notes.css';

/** A note being written: on the block at the caret when it was started (null: no block there). */
export interface NoteDraft {
  blockId: string | null;
  quote: string;
}

export interface NotesPanelProps {
  notes: CaseNote[] | null;
  loadError: unknown;
  onRetry: () => void;
  draft: NoteDraft | null;
  onStartNote: () => void;
  onCancelNote: () => void;
  onAdd: (blockId: string, body: string) => Promise<void>;
  onReply: (noteId: number, body: string) => Promise<void>;
  onResolve: (noteId: number, resolved: boolean) => Promise<void>;
  onGoTo: (note: CaseNote) => void;
}

/** The case's notes in document order, open ones or all; a note is added on the caret's block. */
export function NotesPanel(props: NotesPanelProps) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const { notes } = props;
  // A viewer of a shared library reads the notes but adds, answers and resolves none (main refuses it).
  const why = useViewerWhy();
  const draft = why !== undefined ? null : props.draft;
  const shown = notes?.filter((n) => filter === 'all' || n.resolvedAt === null) ?? [];
  return (
    <aside className="side-panel notes-panel" data-testid="notes-panel" aria-label={t('notes.title')}>
      <header className="side-panel__head">
        <h2>{t('notes.title')}</h2>
        <div className="notes-panel__filter" role="group" aria-label={t('notes.filter')}>
          {(['open', 'all'] as const).map((f) => (
            <button
              key={f}
              type="button"
              aria-pressed={filter === f}
              data-testid={`notes-filter-${f}`}
              onClick={() => setFilter(f)}
            >
              {f === 'open' ? t('notes.filterOpen') : t('notes.filterAll')}
            </button>
          ))}
        </div>
        <button
          type="button"
          data-testid="note-add"
          disabled={why !== undefined}
          title={why ?? t('notes.addTitle', { shortcut: ADD_NOTE_SHORTCUT })}
          onClick={props.onStartNote}
        >
          {t('notes.add')}
        </button>
      </header>
      {draft && (
        <div className="notes-panel__draft" data-testid="note-draft">
          {draft.blockId === null ? (
            <p className="side-panel__hint" data-testid="note-no-block">
              {t('notes.noBlock')}{' '}
              <button type="button" className="link-button" onClick={props.onCancelNote}>
                {t('common.close')}
              </button>
            </p>
          ) : (
            <>
              <div className="notes-panel__on">{t('notes.on', { quote: draft.quote || t('notes.emptyBlock') })}</div>
              <NoteForm
                label={t('notes.bodyLabel')}
                submitLabel={t('notes.submit')}
                testId="note-form"
                onSubmit={(body) => props.onAdd(draft.blockId!, body)}
                onCancel={props.onCancelNote}
              />
            </>
          )}
        </div>
      )}
      {props.loadError !== null && (
        <ErrorNotice error={props.loadError} title={t('notes.loadFailed')} onRetry={props.onRetry} testId="notes-error" />
      )}
      {notes && shown.length === 0 && (
        <p className="side-panel__empty" data-testid="notes-empty">
          {filter === 'open' ? t('notes.emptyOpen') : t('notes.empty')}
        </p>
      )}
      <ol className="notes-panel__list">
        {shown.map((note) => (
          <NoteThread
            key={note.id}
            note={note}
            onGoTo={props.onGoTo}
            onReply={props.onReply}
            onResolve={props.onResolve}
            readOnlyWhy={why}
          />
        ))}
      </ol>
    </aside>
  );
}
