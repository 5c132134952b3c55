import { useState } from 'react';
import {
  WORDLIST_LIMITS,
  normalizeWord,
  replacementProblem,
  wordProblem,
  type WordEntry,
  type WordKind,
} from '../../../shared/model/wordList.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useSubmit } from '../../ui/useSubmit.ts';
import type { WordListClient } from './client.ts';
import { wordListChanged } from './useWordList.ts';

/** What the form starts with when it adds a word (the editor's selection, say). */
export interface WordDraft {
  word: string;
  kind: WordKind;
}

export interface WordFormProps {
  client: Pick<WordListClient, 'words'>;
  /** The list as loaded, to say when a typed word is listed already. */
  words: readonly WordEntry[];
  /** The entry being edited; null adds a word. Remount the form (`key`) to switch. */
  editing: WordEntry | null;
  draft?: WordDraft | undefined;
  onDone(): void;
}

/** Adds a word, or edits one: the word, good or bad, and a bad word's replacement. */
export function WordForm({ client, words, editing, draft, onDone }: WordFormProps) {
  const { t } = useI18n();
  const [word, setWord] = useState(editing?.word ?? draft?.word ?? '');
  const [kind, setKind] = useState<WordKind>(editing?.kind ?? draft?.kind ?? 'bad');
  const [replacement, setReplacement] = useState(editing?.replacement ?? '');
  const normalized = normalizeWord(word);
  const problem = normalized === '' ? null : wordProblem(normalized);
  const replProblem = kind === 'bad' ? replacementProblem(normalizeWord(replacement)) : null;
  const listed = editing ? null : words.find((w) => w.word === normalized);
  const form = useSubmit(async () => {
    await client.words.set({
      ...(editing ? { id: editing.id } : {}),
      word: normalized,
      kind,
      replacement: kind === 'bad' ? replacement : null,
    });
    wordListChanged();
    if (editing) onDone();
    else {
      setWord('');
      setReplacement('');
    }
  });
  return (
    <form className="word-form" data-testid="word-form" data-editing={editing ? editing.id : undefined} onSubmit={form.onSubmit}>
      <div className="word-form__fields">
        <label className="word-form__field">
          <span>{t('wordList.word')}</span>
          <input
            data-testid="word-input"
            value={word}
            maxLength={WORDLIST_LIMITS.wordChars * 2}
            autoFocus
            aria-invalid={problem !== null}
            onChange={(e) => setWord(e.target.value)}
          />
        </label>
        <label className="word-form__field">
          <span>{t('wordList.kind')}</span>
          <select data-testid="word-kind" value={kind} onChange={(e) => setKind(e.target.value === 'good' ? 'good' : 'bad')}>
            <option value="bad">{t('wordList.kinds.bad')}</option>
            <option value="good">{t('wordList.kinds.good')}</option>
          </select>
        </label>
        <label className="word-form__field">
          <span>{t('wordList.replacement')}</span>
          <input
            data-testid="word-replacement"
            value={kind === 'bad' ? replacement : ''}
            placeholder={kind === 'bad' ? t('wordList.replacementPlaceholder') : ''}
            maxLength={WORDLIST_LIMITS.replacementChars * 2}
            disabled={kind === 'good'}
            aria-invalid={replProblem !== null}
            onChange={(e) => setReplacement(e.target.value)}
          />
        </label>
        <div className="row">
          <button
            type="submit"
            className="primary"
            data-testid="word-submit"
            disabled={form.busy || normalized === '' || problem !== null || replProblem !== null}
          >
            {editing ? t('wordList.save') : t('wordList.add')}
          </button>
          {editing && (
            <button type="button" data-testid="word-cancel-edit" onClick={onDone}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </div>
      {problem && <p className="word-form__problem">{t(`wordList.problems.${problem}`)}</p>}
      {replProblem && <p className="word-form__problem">{t(`wordList.problems.replacement-${replProblem}`)}</p>}
      {listed && <p className="hint">{t('wordList.exists', { kind: t(`wordList.kinds.${listed.kind}`) })}</p>}
      {form.error ? <ErrorNotice error={form.error} /> : null}
    </form>
  );
}
