import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { WordEntry } from '../../../shared/model/wordList.ts';
import { compileWordList, type WordMatcher } from '../../../shared/proof/wordList.ts';
import type { WordListClient } from './client.ts';

const listeners = new Set<() => void>();

/** Tells every mounted user of the list (the editor's suspects, the dialog) to read it again. */
export function wordListChanged(): void {
  for (const listener of [...listeners]) listener();
}

export interface WordListState {
  /** The library's list; null until it has loaded. */
  words: WordEntry[] | null;
  /** The list compiled for the suspects; undefined until it has loaded. */
  matcher: WordMatcher | undefined;
  error: unknown;
  reload(): void;
}

/** The library's word list, read once when mounted and again after every change made through {@link wordListChanged}. */
export function useWordList(client: Pick<WordListClient, 'words'>): WordListState {
  const [words, setWords] = useState<WordEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);
  const reload = useCallback(() => {
    // Only the latest answer counts: two quick changes must not leave the older list shown.
    const mine = ++seq.current;
    client.words.list().then(
      (list) => {
        if (mine !== seq.current) return;
        setWords(list);
        setError(null);
      },
      (err: unknown) => mine === seq.current && setError(err),
    );
  }, [client]);
  useEffect(() => {
    const answers = seq;
    reload();
    listeners.add(reload);
    return () => {
      listeners.delete(reload);
      // An answer arriving after unmount is dropped.
      answers.current++;
    };
  }, [reload]);
  const matcher = useMemo(() => (words ? compileWordList(words) : undefined), [words]);
  return { words, matcher, error, reload };
}

/** Adds `word` as a good word (never flagged again) and tells the users of the list. */
export async function addGoodWord(client: Pick<WordListClient, 'words'>, word: string): Promise<WordEntry> {
  const entry = await client.words.set({ word, kind: 'good' });
  wordListChanged();
  return entry;
}
