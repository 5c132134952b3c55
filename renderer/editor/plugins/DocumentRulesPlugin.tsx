import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  COMMAND_PRIORITY_HIGH,
  DRAGSTART_COMMAND,
  DROP_COMMAND,
  FORMAT_ELEMENT_COMMAND,
  FORMAT_TEXT_COMMAND,
  INDENT_CONTENT_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  mergeRegister,
  OUTDENT_CONTENT_COMMAND,
} from 'lexical';

/**
 * A case document is tagged plain text: no inline formatting, alignment or indentation (it would
 * be lost on save), no line breaks inside a block (Shift+Enter starts a block, as Enter does),
 * and no drag-and-drop of editor content (it would carry page markers along).
 */
export function DocumentRulesPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const swallow = () => true;
    const noDrag = (e: DragEvent) => {
      e.preventDefault();
      return true;
    };
    return mergeRegister(
      editor.registerCommand(
        INSERT_LINE_BREAK_COMMAND,
        () => editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined),
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(FORMAT_TEXT_COMMAND, swallow, COMMAND_PRIORITY_HIGH),
      editor.registerCommand(FORMAT_ELEMENT_COMMAND, swallow, COMMAND_PRIORITY_HIGH),
      editor.registerCommand(INDENT_CONTENT_COMMAND, swallow, COMMAND_PRIORITY_HIGH),
      editor.registerCommand(OUTDENT_CONTENT_COMMAND, swallow, COMMAND_PRIORITY_HIGH),
      editor.registerCommand(DROP_COMMAND, noDrag, COMMAND_PRIORITY_HIGH),
      editor.registerCommand(DRAGSTART_COMMAND, noDrag, COMMAND_PRIORITY_HIGH),
    );
  }, [editor]);
  return null;
}
