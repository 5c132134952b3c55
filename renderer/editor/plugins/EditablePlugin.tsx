import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_CRITICAL, REDO_COMMAND, UNDO_COMMAND, mergeRegister, type LexicalCommand } from 'lexical';
import {
  MOVE_PAGE_MARKER_COMMAND,
  REMOVE_PAGE_MARKER_COMMAND,
  REPLACE_TEXT_RANGE_COMMAND,
  SET_BLOCK_KIND_COMMAND,
} from '../commands.ts';
import { LOAD_TAG } from '../markerGuard.ts';

/**
 * Makes the editor read-only (a locked, 定稿 case) or editable again, in place. Lexical's
 * `setEditable(false)` stops typing; the editing commands are swallowed too, and a change made by
 * code that updates the editor directly (find/replace, a suspect's fix) is rolled back, so what is
 * shown stays what is stored.
 */
export function EditablePlugin({ editable }: { editable: boolean }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    editor.setEditable(editable);
  }, [editor, editable]);
  useEffect(() => {
    if (editable) return;
    // Commands that change the text are swallowed while the editor is read-only.
    const swallow = <P,>(command: LexicalCommand<P>) => editor.registerCommand(command, () => true, COMMAND_PRIORITY_CRITICAL);
    return mergeRegister(
      swallow(SET_BLOCK_KIND_COMMAND),
      swallow(REPLACE_TEXT_RANGE_COMMAND),
      swallow(MOVE_PAGE_MARKER_COMMAND),
      swallow(REMOVE_PAGE_MARKER_COMMAND),
      swallow(UNDO_COMMAND),
      swallow(REDO_COMMAND),
      editor.registerUpdateListener(({ prevEditorState, dirtyElements, dirtyLeaves, tags }) => {
        if (tags.has(LOAD_TAG) || editor.isEditable()) return;
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        // Outside the listener: the update that triggered it has finished committing.
        queueMicrotask(() => editor.setEditorState(prevEditorState, { tag: LOAD_TAG }));
      }),
    );
  }, [editor, editable]);
  return null;
}
