import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $addUpdateTag, COMMAND_PRIORITY_EDITOR, mergeRegister } from 'lexical';
import { MOVE_PAGE_MARKER_COMMAND, REMOVE_PAGE_MARKER_COMMAND } from '../commands.ts';
import { $moveMarkerToSelection, $removeMarker, MARKER_EDIT_TAG, registerPageMarkers } from '../markerGuard.ts';

/** Keeps page markers in place while text is edited; moves/removes them only on explicit commands. */
export function PageMarkerPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        registerPageMarkers(editor),
        editor.registerCommand(
          MOVE_PAGE_MARKER_COMMAND,
          (key) => {
            $addUpdateTag(MARKER_EDIT_TAG);
            return $moveMarkerToSelection(key);
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          REMOVE_PAGE_MARKER_COMMAND,
          (key) => {
            $addUpdateTag(MARKER_EDIT_TAG);
            return $removeMarker(key);
          },
          COMMAND_PRIORITY_EDITOR,
        ),
      ),
    [editor],
  );
  return null;
}
