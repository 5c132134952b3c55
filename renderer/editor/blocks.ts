import {
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  $createRangeSelection,
  $setSelection,
  type ElementNode,
  type LexicalNode,
  type NodeKey,
  type PointType,
} from 'lexical';
import type { BlockKind } from '../../shared/model/blockKind.ts';
import { $isPageMarkerNode, type PageMarkerNode } from '../../shared/editor/nodes/PageMarkerNode.ts';
import { $isSectionNode } from '../../shared/editor/nodes/SectionNode.ts';

/** Maps between the editor tree and (block index, text offset), the coordinates of CaseDoc, suspects and search. */

export interface BlockText {
  key: NodeKey;
  kind: BlockKind;
  text: string;
}

export function $blocks(): ElementNode[] {
  return $getRoot().getChildren().filter($isElementNode);
}

export function $blockTexts(): BlockText[] {
  return $blocks().map((b) => ({
    key: b.getKey(),
    kind: $isSectionNode(b) ? b.getKind() : 'body',
    text: b.getTextContent(),
  }));
}

type PointSpec = { key: NodeKey; offset: number; type: 'text' | 'element' };

/**
 * The editor point at text `offset` of `block`. Where page markers sit at that offset, `before`
 * gives the position left of them and `after` the one right of them.
 */
export function $pointInBlock(block: ElementNode, offset: number, affinity: 'before' | 'after'): PointSpec {
  const children = block.getChildren();
  let pos = 0;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const size = $isPageMarkerNode(child) ? 0 : child.getTextContentSize();
    if (affinity === 'before' && pos === offset) {
      const prev = children[i - 1];
      if ($isTextNode(child)) return { key: child.getKey(), offset: 0, type: 'text' };
      if ($isTextNode(prev)) return { key: prev.getKey(), offset: prev.getTextContentSize(), type: 'text' };
      return { key: block.getKey(), offset: i, type: 'element' };
    }
    if ($isTextNode(child) && offset >= pos && offset < pos + size) {
      return { key: child.getKey(), offset: offset - pos, type: 'text' };
    }
    pos += size;
  }
  const last = children.at(-1);
  if ($isTextNode(last)) return { key: last.getKey(), offset: last.getTextContentSize(), type: 'text' };
  return { key: block.getKey(), offset: children.length, type: 'element' };
}

/** Text offset within its block of a selection point, and the block's index. */
export function $blockOffsetOfPoint(point: PointType): { block: number; offset: number } | null {
  const node = point.getNode();
  const top = node.getTopLevelElement();
  if (!top) return null;
  let offset = 0;
  let stop: LexicalNode | null;
  if ($isTextNode(node)) {
    offset = point.offset;
    stop = node;
  } else {
    stop = $isElementNode(node) ? node.getChildAtIndex(point.offset) : node;
  }
  const walk = (el: ElementNode): boolean => {
    for (const c of el.getChildren()) {
      if (c === stop || c.is(stop)) return true;
      if ($isElementNode(c)) {
        if (walk(c)) return true;
      } else if (!$isPageMarkerNode(c)) offset += c.getTextContentSize();
    }
    return false;
  };
  walk(top);
  return { block: top.getIndexWithinParent(), offset };
}

/** The caret's block and text offset (the anchor of a range selection). */
export function $caretInBlock(): { block: number; offset: number } | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  return $blockOffsetOfPoint(selection.anchor);
}

/** Selects [start, end) of a block's text (markers at the edges stay outside the selection). */
export function $selectInBlock(blockIndex: number, start: number, end: number): boolean {
  const block = $blocks()[blockIndex];
  if (!block) return false;
  const a = $pointInBlock(block, start, 'after');
  const b = start === end ? a : $pointInBlock(block, end, 'before');
  const sel = $createRangeSelection();
  sel.anchor.set(a.key, a.offset, a.type);
  sel.focus.set(b.key, b.offset, b.type);
  $setSelection(sel);
  return true;
}

/** Replaces [start, end) of a block's text; page markers inside the range are kept (marker guard). */
export function $replaceInBlock(blockIndex: number, start: number, end: number, text: string): boolean {
  if (!$selectInBlock(blockIndex, start, end)) return false;
  const sel = $getSelection();
  if (!$isRangeSelection(sel)) return false;
  if (text === '' && start === end) return true;
  sel.insertText(text);
  return true;
}

/** Sets the kind of every block the selection touches. */
export function $setKindOfSelection(kind: BlockKind): boolean {
  const selection = $getSelection();
  if (!selection) return false;
  const seen = new Set<NodeKey>();
  let changed = false;
  const nodes = selection.getNodes();
  if ($isRangeSelection(selection)) nodes.push(selection.anchor.getNode(), selection.focus.getNode());
  for (const node of nodes) {
    const top = $isSectionNode(node) && node.getParent()?.is($getRoot()) ? node : node.getTopLevelElement();
    if (!$isSectionNode(top) || seen.has(top.getKey())) continue;
    seen.add(top.getKey());
    if (top.getKind() !== kind) {
      top.setKind(kind);
      changed = true;
    }
  }
  return changed;
}

/** The page a point is on: the nearest marker before it, else `startPage`. */
export function $pageAtPoint(point: PointType, startPage: number): number {
  const node = point.getNode();
  let cursor: LexicalNode | null;
  if ($isTextNode(node)) cursor = node.getPreviousSibling();
  else if ($isElementNode(node)) cursor = point.offset > 0 ? node.getChildAtIndex(point.offset - 1) : null;
  else cursor = node;
  let block: ElementNode | null = node.getTopLevelElement() as ElementNode | null;
  if (!block) return startPage;
  for (;;) {
    while (cursor) {
      if ($isPageMarkerNode(cursor)) return cursor.getPage();
      cursor = cursor.getPreviousSibling();
    }
    const prevBlock: LexicalNode | null = block.getPreviousSibling();
    if (!$isElementNode(prevBlock)) return startPage;
    block = prevBlock;
    cursor = block.getLastChild();
  }
}

export function $pageAtCaret(startPage: number): number | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  return $pageAtPoint(selection.anchor, startPage);
}

/** The marker that starts `page`, or the last marker of an earlier page when none does. */
export function $markerForPage(page: number, markers: readonly PageMarkerNode[]): PageMarkerNode | null {
  let best: PageMarkerNode | null = null;
  for (const m of markers) {
    const p = m.getPage();
    if (p === page) return m;
    if (p < page && (best === null || p >= best.getPage())) best = m;
  }
  return best;
}

/** The nearest page markers before and after a point, in document order. */
export function $adjacentMarkers(point: PointType): { before: PageMarkerNode | null; after: PageMarkerNode | null } {
  const node = point.getNode();
  let prev: LexicalNode | null;
  let next: LexicalNode | null;
  if ($isTextNode(node)) {
    prev = node.getPreviousSibling();
    next = node.getNextSibling();
  } else {
    prev = point.offset > 0 ? node.getChildAtIndex(point.offset - 1) : null;
    next = node.getChildAtIndex(point.offset);
  }
  const top = node.getTopLevelElement();
  const scan = (start: LexicalNode | null, block: LexicalNode | null, back: boolean): PageMarkerNode | null => {
    let cursor = start;
    let b = block;
    for (;;) {
      while (cursor) {
        if ($isPageMarkerNode(cursor)) return cursor;
        cursor = back ? cursor.getPreviousSibling() : cursor.getNextSibling();
      }
      const nb: LexicalNode | null = b ? (back ? b.getPreviousSibling() : b.getNextSibling()) : null;
      if (!$isElementNode(nb)) return null;
      b = nb;
      cursor = back ? nb.getLastChild() : nb.getFirstChild();
    }
  };
  return { before: scan(prev, top, true), after: scan(next, top, false) };
}
