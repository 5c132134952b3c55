import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $addUpdateTag, COMMAND_PRIORITY_HIGH, PASTE_COMMAND, PASTE_TAG } from 'lexical';
import { $insertPlainText } from '../plainText.ts';

function clipboardText(event: ClipboardEvent | InputEvent | KeyboardEvent): string | null {
  if ('clipboardData' in event && event.clipboardData) return event.clipboardData.getData('text/plain');
  if ('dataTransfer' in event && event.dataTransfer) return event.dataTransfer.getData('text/plain');
  return null;
}

/**
 * Pastes as plain text only (text/plain; HTML and Lexical's own JSON are ignored), so pasted
 * content brings neither formatting nor page markers. Lines become blocks.
 */
export function PlainPastePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const text = clipboardText(event);
          if (text === null) return false;
          event.preventDefault();
          $addUpdateTag(PASTE_TAG);
          return $insertPlainText(text);
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );
  return null;
}
