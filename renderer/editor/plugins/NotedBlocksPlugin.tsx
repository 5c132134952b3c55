import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey } from 'lexical';
import { $isSectionNode, SectionNode } from '../../../shared/editor/nodes/SectionNode.ts';

const NOTED_CLASS = 'case-editor__block--noted';

/**
 * Marks the blocks whose ids are in `blockIds` (blocks carrying open notes) with a class, drawn as a
 * gutter mark. A block's element can be recreated by an edit: mutations re-mark it.
 */
export function NotedBlocksPlugin({ blockIds }: { blockIds: ReadonlySet<string> }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      // Without skipping initialization, registering marks (or unmarks) every block already shown.
      editor.registerMutationListener(SectionNode, (mutations) => {
        editor.getEditorState().read(() => {
          for (const [key, mutation] of mutations) {
            if (mutation === 'destroyed') continue;
            const node = $getNodeByKey(key);
            const dom = editor.getElementByKey(key);
            if (!$isSectionNode(node) || !dom) continue;
            const id = node.getBlockId();
            dom.classList.toggle(NOTED_CLASS, id !== null && blockIds.has(id));
          }
        });
      }),
    [editor, blockIds],
  );
  return null;
}
