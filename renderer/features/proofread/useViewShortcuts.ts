import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { PageStatus } from '../../../shared/model/stage.ts';
import { GOTO_SUSPECT_COMMAND, OPEN_FIND_COMMAND, SAVE_NOW_COMMAND } from '../../editor/commands.ts';
import { statusForKey, viewActionForKey } from '../../editor/keymap.ts';

export interface ViewShortcutTargets {
  currentPage: number | null;
  casePages: readonly number[];
  gotoPage: (page: number) => void;
  setStatus: (page: number, status: PageStatus) => unknown;
}

/**
 * The key handler of the whole view (editor, panels and scan): save, find/replace, suspects, the
 * case's pages and the shown page's status. Keys the editor already handled are left alone.
 */
export function useViewShortcuts({ currentPage, casePages, gotoPage, setStatus }: ViewShortcutTargets) {
  const [editor] = useLexicalComposerContext();
  return (e: React.KeyboardEvent) => {
    if (e.defaultPrevented) return;
    const status = statusForKey(e);
    if (status) {
      e.preventDefault();
      if (currentPage !== null) void setStatus(currentPage, status);
      return;
    }
    const action = viewActionForKey(e);
    if (!action) return;
    e.preventDefault();
    switch (action) {
      case 'save':
        editor.dispatchCommand(SAVE_NOW_COMMAND, undefined);
        break;
      case 'find':
      case 'replace':
        editor.dispatchCommand(OPEN_FIND_COMMAND, { replace: action === 'replace' });
        break;
      case 'next-suspect':
      case 'previous-suspect':
        editor.dispatchCommand(GOTO_SUSPECT_COMMAND, action === 'next-suspect' ? 'next' : 'previous');
        break;
      case 'previous-page':
      case 'next-page': {
        const i = currentPage === null ? -1 : casePages.indexOf(currentPage);
        const next = casePages[action === 'next-page' ? i + 1 : Math.max(0, i - 1)];
        if (next !== undefined) gotoPage(next);
        break;
      }
    }
  };
}
