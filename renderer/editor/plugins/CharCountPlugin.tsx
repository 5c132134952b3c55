import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { CharCounts } from '../../../shared/proof/counts.ts';
import { afterNextPaint } from '../afterPaint.ts';
import { registerCharCounts } from '../charCounts.ts';

/**
 * Reports character counts whenever they change (see {@link registerCharCounts}), once the frame
 * showing the edit has been painted: a keystroke's way to the screen does not wait for the count.
 */
export function CharCountPlugin({ onCount }: { onCount: (counts: CharCounts) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerCharCounts(editor, onCount, afterNextPaint), [editor, onCount]);
  return null;
}
