import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { addCounts, countChars, ZERO_COUNTS, type CharCounts } from '../../../shared/proof/counts.ts';
import { $blockTexts } from '../blocks.ts';
import { memoByBlock } from '../blockMemo.ts';

function same(a: CharCounts, b: CharCounts): boolean {
  return a.chars === b.chars && a.han === b.han && a.paragraphs === b.paragraphs;
}

/**
 * Reports character counts whenever they change (page markers contribute no text). Counted per
 * block and summed, which equals counting the whole text (blocks are separated by blank lines), so
 * a keystroke recounts only its own block.
 */
export function CharCountPlugin({ onCount }: { onCount: (counts: CharCounts) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const perBlock = memoByBlock((b) => countChars(b.text));
    let last: CharCounts | null = null;
    const report = () => {
      const total = editor.getEditorState().read(() => perBlock($blockTexts()).reduce(addCounts, ZERO_COUNTS));
      if (last && same(last, total)) return;
      last = total;
      onCount(total);
    };
    report();
    return editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size > 0 || dirtyLeaves.size > 0) report();
    });
  }, [editor, onCount]);
  return null;
}
