import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import { countChars, type CharCounts } from '../../../shared/proof/counts.ts';

/** Reports character counts whenever the text changes (page markers contribute no text). */
export function CharCountPlugin({ onCount }: { onCount: (counts: CharCounts) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    onCount(countChars(editor.getEditorState().read(() => $getRoot().getTextContent())));
    return editor.registerTextContentListener((text) => onCount(countChars(text)));
  }, [editor, onCount]);
  return null;
}
