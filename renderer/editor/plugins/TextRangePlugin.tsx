import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_EDITOR, mergeRegister } from 'lexical';
import { REPLACE_TEXT_RANGE_COMMAND, SELECT_TEXT_RANGE_COMMAND } from '../commands.ts';
import { $selectInBlock } from '../blocks.ts';
import { $replaceIfUnchanged } from '../textEdits.ts';
import { $scrollAnchorIntoView } from '../scroll.ts';

/** Selecting and replacing by (block, offset) coordinates, for the suspect list and search. */
export function TextRangePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          SELECT_TEXT_RANGE_COMMAND,
          ({ block, start, end }) => {
            const ok = $selectInBlock(block, start, end);
            if (ok) $scrollAnchorIntoView(editor);
            return ok;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          REPLACE_TEXT_RANGE_COMMAND,
          ({ block, start, end, expected, replacement }) => $replaceIfUnchanged(block, start, end, expected, replacement),
          COMMAND_PRIORITY_EDITOR,
        ),
      ),
    [editor],
  );
  return null;
}
