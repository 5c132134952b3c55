import { createCommand, type LexicalCommand, type NodeKey } from 'lexical';
import type { BlockKind } from '../../shared/model/blockKind.ts';

/** Sets the kind of every block the selection touches. */
export const SET_BLOCK_KIND_COMMAND: LexicalCommand<BlockKind> = createCommand('SET_BLOCK_KIND_COMMAND');

/** Scrolls to the marker that starts a page (0-based page index) and puts the caret after it. */
export const SCROLL_TO_PAGE_COMMAND: LexicalCommand<number> = createCommand('SCROLL_TO_PAGE_COMMAND');

/** Moves the caret to the next / previous suspect and selects it. */
export const GOTO_SUSPECT_COMMAND: LexicalCommand<'next' | 'previous'> = createCommand('GOTO_SUSPECT_COMMAND');

/** Selects a range of a block's text and scrolls it into view. */
export const SELECT_TEXT_RANGE_COMMAND: LexicalCommand<{ block: number; start: number; end: number }> =
  createCommand('SELECT_TEXT_RANGE_COMMAND');

/** Replaces a range of a block's text if it still reads `expected` (suspect fixes). */
export const REPLACE_TEXT_RANGE_COMMAND: LexicalCommand<{
  block: number;
  start: number;
  end: number;
  expected: string;
  replacement: string;
}> = createCommand('REPLACE_TEXT_RANGE_COMMAND');

/** Opens the find bar (`replace: true` also shows the replace row). */
export const OPEN_FIND_COMMAND: LexicalCommand<{ replace: boolean }> = createCommand('OPEN_FIND_COMMAND');

/** Moves an existing page marker to the caret. */
export const MOVE_PAGE_MARKER_COMMAND: LexicalCommand<NodeKey> = createCommand('MOVE_PAGE_MARKER_COMMAND');

/** Removes a page marker. */
export const REMOVE_PAGE_MARKER_COMMAND: LexicalCommand<NodeKey> = createCommand('REMOVE_PAGE_MARKER_COMMAND');

/** Saves now (Ctrl+S), bypassing the autosave delay. */
export const SAVE_NOW_COMMAND: LexicalCommand<void> = createCommand('SAVE_NOW_COMMAND');
