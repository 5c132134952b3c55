import { useMemo, useRef, useState } from 'react';
import type { WordEntry, WordKind } from '../../../shared/model/wordList.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { useSubmit } from '../../ui/useSubmit.ts';
import type { WordListClient } from './client.ts';
import { saveTextFile } from './textFile.ts';
import { useWordList, wordListChanged } from './useWordList.ts';
import { localizeWordListError } from './wordListError.ts';
import { WordForm, type WordDraft } from './WordForm.tsx';
import { WordTable } from './WordTable.tsx';
import './wordList.css';

/** Rows drawn at once; a list of thousands is narrowed with the filter. */
const MAX_ROWS = 300;

type KindFilter = 'all' | WordKind;

export interface WordListDialogProps {
  client: WordListClient;
  onClose(): void;
  /** Starts the add form with this word (the editor's selection). */
  draft?: WordDraft | undefined;
}

/**
 * The library's word list (as Distributed Proofreaders' good and bad words): filter, add, edit and
 * remove words, import a text file into it and export it as one.
 */
export function WordListDialog({ client, onClose, draft }: WordListDialogProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const list = useWordList(client);
  const [filter, setFilter] = useState('');
  const [kindFilter, setKindFilter] = useState<KindFilter>('all');
  const [editing, setEditing] = useState<WordEntry | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const words = useMemo(() => list.words ?? [], [list.words]);
  const good = useMemo(() => words.filter((w) => w.kind === 'good').length, [words]);
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return words.filter(
      (w) =>
        (kindFilter === 'all' || w.kind === kindFilter) &&
        (f === '' || w.word.toLowerCase().includes(f) || (w.replacement ?? '').toLowerCase().includes(f)),
    );
  }, [words, filter, kindFilter]);

  const importer = useSubmit(async (file: File) => {
    setDone(null);
    try {
      const { fileId } = await client.stageFile(file);
      const r = await client.words.import({ fileId });
      setDone(t('wordList.imported', r));
    } catch (err) {
      throw localizeWordListError(err, i18n);
    } finally {
      wordListChanged();
    }
  });
  const exporter = useSubmit(async () => {
    setDone(null);
    const { text, count } = await client.words.export();
    saveTextFile(t('wordList.fileName'), text);
    setDone(t('wordList.exported', { count }));
  });
  const remover = useSubmit(async (w: WordEntry) => {
    await client.words.remove({ id: w.id });
    if (editing?.id === w.id) setEditing(null);
    wordListChanged();
  });

  return (
    <Dialog
      title={t('wordList.title')}
      onClose={onClose}
      testId="word-list-dialog"
      wide
      footer={
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      <div className="word-list">
        <p className="hint word-list__hint">{t('wordList.hint')}</p>
        <WordForm
          key={editing ? `edit-${editing.id}` : 'add'}
          client={client}
          words={words}
          editing={editing}
          draft={draft}
          onDone={() => setEditing(null)}
        />
        <div className="word-list__tools">
          <input
            type="search"
            data-testid="word-filter"
            value={filter}
            placeholder={t('wordList.filterPlaceholder')}
            aria-label={t('wordList.filter')}
            onChange={(e) => setFilter(e.target.value)}
          />
          <select
            data-testid="word-kind-filter"
            value={kindFilter}
            aria-label={t('wordList.kind')}
            onChange={(e) => setKindFilter(e.target.value as KindFilter)}
          >
            <option value="all">{t('wordList.kindAll')}</option>
            <option value="good">{t('wordList.kinds.good')}</option>
            <option value="bad">{t('wordList.kinds.bad')}</option>
          </select>
          <span className="muted" data-testid="word-count" data-count={words.length}>
            {t('wordList.count', { total: words.length, good, bad: words.length - good })}
          </span>
          <span className="word-list__spacer" />
          <input
            ref={fileInput}
            type="file"
            accept=".txt,text/plain"
            className="visually-hidden"
            data-testid="word-import-file"
            tabIndex={-1}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) importer.run(file);
            }}
          />
          <button type="button" data-testid="word-import" disabled={importer.busy} onClick={() => fileInput.current?.click()}>
            {t('wordList.import')}
          </button>
          <button type="button" data-testid="word-export" disabled={exporter.busy} onClick={() => exporter.run()}>
            {t('wordList.export')}
          </button>
        </div>
        {done && (
          <p className="word-list__done" role="status" data-testid="word-list-done">
            {done}
          </p>
        )}
        {importer.error ? (
          <ErrorNotice error={importer.error} title={t('wordList.importFailed')} testId="word-import-error" />
        ) : null}
        {exporter.error ? <ErrorNotice error={exporter.error} /> : null}
        {remover.error ? <ErrorNotice error={remover.error} /> : null}
        {list.error ? <ErrorNotice error={list.error} title={t('wordList.loadFailed')} onRetry={list.reload} /> : null}
        {list.words === null ? (
          list.error ? null : (
            <Loading />
          )
        ) : words.length === 0 ? (
          <p className="empty-hint" data-testid="word-list-empty">
            {t('wordList.empty')}
          </p>
        ) : shown.length === 0 ? (
          <p className="empty-hint">{t('wordList.noMatch')}</p>
        ) : (
          <>
            <WordTable
              words={shown.slice(0, MAX_ROWS)}
              editingId={editing?.id ?? null}
              busy={remover.busy}
              onEdit={setEditing}
              onRemove={(w) => remover.run(w)}
            />
            {shown.length > MAX_ROWS && <p className="hint">{t('wordList.shown', { shown: MAX_ROWS, count: shown.length })}</p>}
          </>
        )}
      </div>
    </Dialog>
  );
}
