import {
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  HISTORY_MERGE_TAG,
  type LexicalEditor,
  type NodeKey,
} from 'lexical';
import { newBlockId } from '../../shared/model/blockIds.ts';
import { LOAD_TAG } from './markerGuard.ts';
import { $isSectionNode } from '../../shared/editor/nodes/SectionNode.ts';

/** Block ids in the editor: which block the caret is in, where a block is now, and ids for new blocks. */

/** The id of the caret's block (null: no caret in the text, or a block without an id). */
export function $blockIdAtCaret(): string | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const top = selection.anchor.getNode().getTopLevelElement();
  return $isSectionNode(top) ? top.getBlockId() : null;
}

/** The index of the block with this id, or -1 when the document has none. */
export function $blockIndexById(id: string): number {
  return $getRoot()
    .getChildren()
    .findIndex((c) => $isSectionNode(c) && c.getBlockId() === id);
}

/**
 * Which of the `touched` blocks need a fresh id: those without one, and those repeating an id that
 * an untouched block has (a copy — the original keeps it) or that an earlier touched block took.
 */
function $needingIds(touched: ReadonlySet<NodeKey>): NodeKey[] {
  const sections = $getRoot().getChildren().filter($isSectionNode);
  const kept = new Set<string>();
  for (const s of sections) {
    const id = s.getBlockId();
    if (id !== null && !touched.has(s.getKey())) kept.add(id);
  }
  const out: NodeKey[] = [];
  for (const s of sections) {
    if (!touched.has(s.getKey())) continue;
    const id = s.getBlockId();
    if (id === null || kept.has(id)) out.push(s.getKey());
    else kept.add(id);
  }
  return out;
}

/**
 * Gives every block created or edited in the editor an id of its own as soon as it appears, so a
 * note can be put on a block just typed and the ids the store keeps are the editor's (the store
 * would otherwise fill them in anew on every save). Loads are left as they are: a document is shown
 * exactly as stored. The ids are set in an update merged into the edit's undo step. (An update
 * listener, not a mutation listener: those do not run in a headless editor.)
 */
export function registerBlockIds(editor: LexicalEditor): () => void {
  return editor.registerUpdateListener(({ editorState, prevEditorState, dirtyElements, tags }) => {
    if (tags.has(LOAD_TAG) || dirtyElements.size === 0) return;
    const touched = editorState.read(() => {
      const out = new Map<NodeKey, string | null>();
      for (const key of dirtyElements.keys()) {
        const node = $getNodeByKey(key);
        if ($isSectionNode(node)) out.set(key, node.getBlockId());
      }
      return out;
    });
    if (touched.size === 0) return;
    // The whole document is scanned only when a block lacks an id or is new (it may be a copy).
    const existed = prevEditorState.read(() => [...touched.keys()].filter((k) => $getNodeByKey(k) !== null));
    if (existed.length === touched.size && [...touched.values()].every((id) => id !== null)) return;
    const keys = editorState.read(() => $needingIds(new Set(touched.keys())));
    if (keys.length === 0) return;
    editor.update(
      () => {
        const taken = new Set(
          $getRoot()
            .getChildren()
            .filter($isSectionNode)
            .map((s) => s.getBlockId()),
        );
        for (const key of keys) {
          const node = $getNodeByKey(key);
          if (!$isSectionNode(node)) continue;
          let id = newBlockId();
          while (taken.has(id)) id = newBlockId();
          taken.add(id);
          node.setBlockId(id);
        }
      },
      { tag: HISTORY_MERGE_TAG },
    );
  });
}
