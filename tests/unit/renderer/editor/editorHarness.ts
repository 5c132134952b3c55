import { createHeadlessEditor } from '@lexical/headless';
import { registerRichText } from '@lexical/rich-text';
import { $getRoot, $isTextNode, type LexicalEditor, type TextNode } from 'lexical';
import { PROOF_NODES } from '../../../../shared/editor/nodes/index.ts';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { $editorToDoc } from '../../../../shared/editor/docConvert.ts';
import { loadDocIntoEditor } from '../../../../renderer/editor/loadDoc.ts';
import { registerPageMarkers } from '../../../../renderer/editor/markerGuard.ts';
import { $isSectionNode } from '../../../../shared/editor/nodes/SectionNode.ts';
import type { CaseDoc } from '../../../../shared/model/caseDoc.ts';

export function makeEditor(doc?: CaseDoc, opts: { history?: boolean } = {}): LexicalEditor {
  const editor = createHeadlessEditor({
    namespace: 'test',
    nodes: [...PROOF_NODES],
    onError: (e) => {
      throw e;
    },
  });
  registerRichText(editor);
  registerPageMarkers(editor);
  if (opts.history) registerHistory(editor, createEmptyHistoryState(), 0);
  if (doc) loadDocIntoEditor(editor, doc);
  return editor;
}

export function update(editor: LexicalEditor, fn: () => void): void {
  editor.update(fn, { discrete: true });
}

export function readDoc(editor: LexicalEditor, startPage = 0): CaseDoc {
  return editor.read(() => $editorToDoc(startPage));
}

/** The text node of block `block` that holds text offset `offset` (offset relative to that node). */
export function $textPoint(block: number, offset: number): { node: TextNode; offset: number } {
  const section = $getRoot().getChildAtIndex(block);
  if (!$isSectionNode(section)) throw new Error(`no block ${block}`);
  let rest = offset;
  let last: TextNode | null = null;
  for (const child of section.getChildren()) {
    if (!$isTextNode(child)) continue;
    const size = child.getTextContentSize();
    if (rest < size) return { node: child, offset: rest };
    rest -= size;
    last = child;
    if (rest === 0) return { node: child, offset: size };
  }
  if (last && rest === 0) return { node: last, offset: last.getTextContentSize() };
  throw new Error(`offset ${offset} outside block ${block}`);
}

/** Selects [from, to) of block text, possibly across blocks. */
export function $selectRange(fromBlock: number, from: number, toBlock: number, to: number): void {
  const a = $textPoint(fromBlock, from);
  const b = $textPoint(toBlock, to);
  const sel = a.node.select(a.offset, a.offset);
  sel.focus.set(b.node.getKey(), b.offset, 'text');
}
