import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { registerBlockIds } from '../blockIds.ts';

/** Gives new blocks (Enter, paste) ids of their own, so notes can anchor to them. */
export function BlockIdPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerBlockIds(editor), [editor]);
  return null;
}
