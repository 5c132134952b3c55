import { $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';

/**
 * Scrolls a node's DOM element into view once the pending update is reconciled. Lexical only
 * scrolls a selection it sets while the editor has focus; commands from side panels run without.
 */
export function scrollKeyIntoView(editor: LexicalEditor, key: string, block: ScrollLogicalPosition = 'center'): void {
  editor.update(() => undefined, {
    onUpdate: () => requestAnimationFrame(() => editor.getElementByKey(key)?.scrollIntoView({ block, inline: 'nearest' })),
  });
}

/** Same, for the node holding the selection's anchor. Call inside an update. */
export function $scrollAnchorIntoView(editor: LexicalEditor): void {
  const sel = $getSelection();
  if ($isRangeSelection(sel)) scrollKeyIntoView(editor, sel.anchor.key);
}
