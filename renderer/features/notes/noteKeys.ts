import type { KeyLike } from '../../editor/keymap.ts';

/** Ctrl+Alt+M adds a note on the caret's block (the comment shortcut of Word and Google Docs). */
export function isAddNoteKey(e: KeyLike): boolean {
  // `code`, not `key`: Alt changes the character typed on some layouts.
  return (e.ctrlKey || e.metaKey) && e.altKey && !e.shiftKey && e.code === 'KeyM';
}

export const ADD_NOTE_SHORTCUT = 'Ctrl+Alt+M';
