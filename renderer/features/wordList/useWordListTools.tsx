import { useCallback, useState, type ReactNode } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection } from 'lexical';
import { normalizeWord, wordProblem } from '../../../shared/model/wordList.ts';
import type { WordMatcher } from '../../../shared/proof/wordList.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMenuCommand } from '../../shell/ShellContext.tsx';
import { useNotices } from '../../ui/Notices.tsx';
import type { WordListClient } from './client.ts';
import { addGoodWord, useWordList } from './useWordList.ts';
import type { WordDraft } from './WordForm.tsx';
import { WordListDialog } from './WordListDialog.tsx';

export interface WordListTools {
  /** The library's list compiled for the editor's suspects (undefined until loaded). */
  matcher: WordMatcher | undefined;
  /** Opens the dialog, its form starting with the editor's selection as a bad word. */
  open(): void;
  /** Adds a good word in one click (from a suspect). */
  addGood(word: string): void;
  /** The dialog when open; render it anywhere in the view. */
  dialog: ReactNode;
}

/** The word list on a case page: loaded once, fed to the suspects, edited from the toolbar, the menu or a suspect. */
export function useWordListTools(client: WordListClient): WordListTools {
  const [editor] = useLexicalComposerContext();
  const { t } = useI18n();
  const notices = useNotices();
  const { matcher } = useWordList(client);
  const [draft, setDraft] = useState<WordDraft | null>(null);
  const open = useCallback(() => {
    const selected = normalizeWord(editor.getEditorState().read(() => $getSelection()?.getTextContent() ?? ''));
    setDraft({ word: wordProblem(selected) === null ? selected : '', kind: 'bad' });
  }, [editor]);
  useMenuCommand('wordList', open);
  const addGood = useCallback(
    (word: string) => {
      addGoodWord(client, word).then(() => notices.info(t('wordList.addedGood', { word })), notices.error);
    },
    [client, notices, t],
  );
  const dialog = draft ? <WordListDialog client={client} draft={draft} onClose={() => setDraft(null)} /> : null;
  return { matcher, open, addGood, dialog };
}
