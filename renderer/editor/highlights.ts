import type { LexicalEditor } from 'lexical';
import { $blocks, $pointInBlock } from './blocks.ts';

export interface TextRange {
  block: number;
  start: number;
  end: number;
}

/**
 * Paints ranges with the CSS Custom Highlight API (`::highlight(name)` in editor.css). Marks are
 * drawn over the DOM without touching the editor tree, so suspects and search hits stay
 * "computed, never stored" and cannot disturb undo history. Browsers without the API show none.
 */
export function paintHighlight(editor: LexicalEditor, name: string, ranges: readonly TextRange[]): void {
  const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
  if (!registry) return;
  const domRanges: Range[] = [];
  editor.getEditorState().read(() => {
    const blocks = $blocks();
    for (const r of ranges) {
      const block = blocks[r.block];
      if (!block) continue;
      const a = $pointInBlock(block, r.start, 'after');
      const b = $pointInBlock(block, r.end, 'before');
      const start = domPosition(editor, a.key, a.offset, a.type);
      const end = domPosition(editor, b.key, b.offset, b.type);
      if (!start || !end) continue;
      const range = document.createRange();
      try {
        range.setStart(start.node, start.offset);
        range.setEnd(end.node, end.offset);
        domRanges.push(range);
      } catch {
        // A DOM not yet reconciled with the state: skip, the next paint will catch up.
      }
    }
  });
  if (domRanges.length === 0) registry.delete(name);
  else registry.set(name, new Highlight(...domRanges));
}

export function clearHighlight(name: string): void {
  if (typeof CSS !== 'undefined') CSS.highlights?.delete(name);
}

function domPosition(
  editor: LexicalEditor,
  key: string,
  offset: number,
  type: 'text' | 'element',
): { node: Node; offset: number } | null {
  const el = editor.getElementByKey(key);
  if (!el) return null;
  if (type === 'element') return { node: el, offset: Math.min(offset, el.childNodes.length) };
  const text = el.firstChild;
  if (!text || text.nodeType !== Node.TEXT_NODE) return { node: el, offset: 0 };
  return { node: text, offset: Math.min(offset, (text as Text).length) };
}
