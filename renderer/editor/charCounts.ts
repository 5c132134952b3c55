import { $getNodeByKey, $getRoot, $isElementNode, type LexicalEditor, type NodeKey } from 'lexical';
import { addCounts, countChars, subtractCounts, ZERO_COUNTS, type CharCounts } from '../../shared/proof/counts.ts';
import { $blockTexts } from './blocks.ts';
import { memoByBlock } from './blockMemo.ts';

function same(a: CharCounts, b: CharCounts): boolean {
  return a.chars === b.chars && a.han === b.han && a.paragraphs === b.paragraphs;
}

/** When to count after an update: at once (the default), or later, several updates at a time. */
export type CountScheduler = (count: () => void) => void;

/**
 * Reports the editor's character counts now and whenever they change (page markers contribute no
 * text); returns the unregister function. Counted per block and summed, which equals counting the
 * whole text (blocks are separated by blank lines). Typing changes the text of blocks but not the
 * list of blocks: then only the blocks the updates touched are counted again and the total
 * adjusted, without walking the case. When blocks come or go, every block is listed again (and
 * only changed ones counted). `schedule` may put the counting off (after the next paint, say):
 * what the updates touched is remembered until it runs.
 */
export function registerCharCounts(
  editor: LexicalEditor,
  onCount: (counts: CharCounts) => void,
  schedule: CountScheduler = (count) => count(),
): () => void {
  const perBlock = memoByBlock((b) => countChars(b.text));
  const byKey = new Map<NodeKey, CharCounts>();
  let total = ZERO_COUNTS;
  let last: CharCounts | null = null;

  const $countAll = () => {
    const blocks = $blockTexts();
    const counts = perBlock(blocks);
    byKey.clear();
    total = ZERO_COUNTS;
    blocks.forEach((b, i) => {
      byKey.set(b.key, counts[i]!);
      total = addCounts(total, counts[i]!);
    });
  };
  /** Recounts the given blocks; false when one of them is not a block counted before. */
  const $countSome = (keys: Iterable<NodeKey>): boolean => {
    const root = $getRoot();
    for (const key of keys) {
      if (key === root.getKey()) continue;
      const node = $getNodeByKey(key);
      const old = byKey.get(key);
      if (!$isElementNode(node) || !old || !node.getParent()?.is(root)) return false;
      const next = countChars(node.getTextContent());
      byKey.set(key, next);
      total = addCounts(subtractCounts(total, old), next);
    }
    return true;
  };
  const report = () => {
    if (last && same(last, total)) return;
    last = total;
    onCount(total);
  };

  /** Blocks whose text may have changed since the last count; null: count them all. */
  let touched: Set<NodeKey> | null = new Set();
  let scheduled = false;
  let live = true;
  const count = () => {
    scheduled = false;
    if (!live) return;
    const keys = touched;
    touched = new Set();
    editor.getEditorState().read(() => {
      if (keys === null || !$countSome(keys)) $countAll();
    });
    report();
  };

  editor.getEditorState().read($countAll);
  report();
  const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
    if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
    for (const [key, itself] of dirtyElements) {
      if (key === 'root') continue;
      // An element written itself (not only dirty because of a child) may have been added, removed
      // or moved (its siblings are written then too): the list of blocks may have changed.
      if (itself) touched = null;
      touched?.add(key);
    }
    if (scheduled) return;
    scheduled = true;
    schedule(count);
  });
  return () => {
    live = false;
    unregister();
  };
}
