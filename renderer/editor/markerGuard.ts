import {
  $getAdjacentNode,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  COMMAND_PRIORITY_HIGH,
  DELETE_CHARACTER_COMMAND,
  HISTORIC_TAG,
  HISTORY_MERGE_TAG,
  mergeRegister,
  type EditorState,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
  type PointType,
} from 'lexical';
import { $createPageMarkerNode, $isPageMarkerNode, type PageMarkerNode } from '../../shared/editor/nodes/PageMarkerNode.ts';
import { $createSectionNode } from '../../shared/editor/nodes/SectionNode.ts';

/**
 * Rules for page markers (they record where the printed book turned a page, so the scan can
 * follow the text):
 * 1. Deleting, cutting or typing over a range removes its text but keeps the markers inside it;
 *    they are put back, in order, where the caret lands.
 * 2. Backspace/Delete beside a marker steps over it and deletes the character beyond.
 * 3. Pasting never creates markers (paste is plain text; a copy carries no marker).
 * 4. Markers are moved or removed only by explicit commands, which tag their update
 *    {@link MARKER_EDIT_TAG}; loading a document tags {@link LOAD_TAG}; undo/redo restore exactly.
 */
export const LOAD_TAG = 'casebook-load';
export const MARKER_EDIT_TAG = 'casebook-marker-edit';

interface MarkerRef {
  key: NodeKey;
  page: number;
}

/** All markers in document order. */
export function $collectMarkers(): PageMarkerNode[] {
  const out: PageMarkerNode[] = [];
  const visit = (node: LexicalNode): void => {
    if ($isPageMarkerNode(node)) out.push(node);
    else if ($isElementNode(node)) for (const c of node.getChildren()) visit(c);
  };
  visit($getRoot());
  return out;
}

/**
 * Whether an update can have detached a marker. A node leaves the tree only by being written
 * (removed) itself or by an ancestor being removed, and Lexical marks every written node dirty: so
 * unless a dirty leaf was a marker, or a dirty element is gone, no marker was lost. This keeps the
 * guard off the whole-document walk on ordinary keystrokes.
 */
function mayHaveLostMarkers(
  prev: EditorState,
  next: EditorState,
  dirtyElements: ReadonlyMap<NodeKey, boolean>,
  dirtyLeaves: ReadonlySet<NodeKey>,
): boolean {
  const leafWasMarker = prev.read(() => {
    for (const key of dirtyLeaves) if ($isPageMarkerNode($getNodeByKey(key))) return true;
    return false;
  });
  if (leafWasMarker) return true;
  return next.read(() => {
    for (const key of dirtyElements.keys()) {
      const node = $getNodeByKey(key);
      if (!node || !node.isAttached()) return true;
    }
    return false;
  });
}

function lostMarkers(prev: EditorState, next: EditorState): MarkerRef[] {
  const before = prev.read(() => $collectMarkers().map((m) => ({ key: m.getKey(), page: m.getPage() })));
  if (before.length === 0) return [];
  return next.read(() =>
    before.filter((m) => {
      const node = $getNodeByKey(m.key);
      return !node || !node.isAttached();
    }),
  );
}

/** Inserts `nodes` in order at a point (splitting a text node if needed); returns false if it could not. */
function $insertAtPoint(point: PointType, nodes: LexicalNode[]): boolean {
  const target = point.getNode();
  let after: LexicalNode | null;
  if ($isTextNode(target)) {
    const { offset } = point;
    if (offset === 0) after = target.getPreviousSibling();
    else if (offset >= target.getTextContentSize()) after = target;
    else after = target.splitText(offset)[0] ?? target;
    if (!after) {
      target.getParentOrThrow().splice(0, 0, nodes);
      return true;
    }
  } else if ($isElementNode(target)) {
    after = point.offset === 0 ? null : target.getChildAtIndex(point.offset - 1);
    if (!after) {
      if (point.offset === 0) target.splice(0, 0, nodes);
      else target.append(...nodes);
      return true;
    }
  } else return false;
  for (const n of nodes) {
    after.insertAfter(n, false);
    after = n;
  }
  return true;
}

/** Puts lost markers back: at the caret if there is one, else next to a surviving neighbour. */
function $restoreMarkers(lost: MarkerRef[], prev: EditorState): void {
  const nodes = lost.map((m) => $createPageMarkerNode(m.page));
  const selection = $getSelection();
  if ($isRangeSelection(selection)) {
    const start = selection.isBackward() ? selection.focus : selection.anchor;
    if ($insertAtPoint(start, nodes)) {
      const last = nodes.at(-1)!;
      const next = last.getNextSibling();
      if ($isTextNode(next)) next.select(0, 0);
      else {
        const parent = last.getParentOrThrow();
        const i = last.getIndexWithinParent() + 1;
        parent.select(i, i);
      }
      return;
    }
  }
  const neighbour = prev.read(() => {
    const first = $getNodeByKey(lost[0]!.key);
    return {
      prev: first?.getPreviousSibling()?.getKey() ?? null,
      next: first?.getNextSibling()?.getKey() ?? null,
      parent: first?.getParent()?.getKey() ?? null,
    };
  });
  const prevNode = neighbour.prev ? $getNodeByKey(neighbour.prev) : null;
  const nextNode = neighbour.next ? $getNodeByKey(neighbour.next) : null;
  const parent = neighbour.parent ? $getNodeByKey(neighbour.parent) : null;
  if (prevNode?.isAttached()) {
    let after: LexicalNode = prevNode;
    for (const n of nodes) after = after.insertAfter(n, false);
  } else if (nextNode?.isAttached()) {
    for (const n of nodes) nextNode.insertBefore(n, false);
  } else if ($isElementNode(parent) && parent.isAttached()) {
    parent.append(...nodes);
  } else {
    const root = $getRoot();
    let first = root.getFirstChild();
    if (!$isElementNode(first)) {
      first = $createSectionNode('body');
      root.append(first);
    }
    if ($isElementNode(first)) first.splice(0, 0, nodes);
  }
}

/**
 * After any edit that made markers disappear (and was not undo/redo, a load, or an explicit
 * marker edit), put them back in a follow-up update merged into the same undo step.
 */
export function registerMarkerGuard(editor: LexicalEditor): () => void {
  return editor.registerUpdateListener(({ editorState, prevEditorState, tags, dirtyElements, dirtyLeaves }) => {
    if (tags.has(HISTORIC_TAG) || tags.has(LOAD_TAG) || tags.has(MARKER_EDIT_TAG)) return;
    if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
    if (!mayHaveLostMarkers(prevEditorState, editorState, dirtyElements, dirtyLeaves)) return;
    const lost = lostMarkers(prevEditorState, editorState);
    if (lost.length === 0) return;
    editor.update(() => $restoreMarkers(lost, prevEditorState), { tag: HISTORY_MERGE_TAG, discrete: true });
  });
}

/**
 * Backspace/Delete with a collapsed caret right beside a marker: move the caret past the marker(s)
 * and delete the character beyond (merging blocks when the markers open the block).
 * Returns true when it handled the deletion.
 */
export function $deleteCharacterAroundMarker(isBackward: boolean): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
  let adjacent = $getAdjacentNode(selection.anchor, isBackward);
  if (!$isPageMarkerNode(adjacent)) return false;
  const run: PageMarkerNode[] = [];
  while ($isPageMarkerNode(adjacent)) {
    run.push(adjacent);
    adjacent = isBackward ? adjacent.getPreviousSibling() : adjacent.getNextSibling();
  }
  const leftmost = isBackward ? run.at(-1)! : run[0]!;
  if ($isTextNode(adjacent)) {
    // Delete one code point beyond the markers ourselves: Lexical's deleteCharacter would go
    // through the DOM selection, and the caret must end up before the markers either way.
    const text = adjacent.getTextContent();
    const cut = isBackward ? text.length - lastCodePointLength(text) : 0;
    const len = isBackward ? text.length - cut : firstCodePointLength(text);
    if (len === text.length) adjacent.remove();
    else adjacent.spliceText(cut, len, '', false);
    $selectBefore(leftmost);
    return true;
  }
  if (adjacent !== null) return false;
  // The markers open (or close) the block: delete "through" them, which merges blocks.
  const parent = leftmost.getParentOrThrow();
  const i = isBackward ? 0 : parent.getChildrenSize();
  parent.select(i, i);
  const moved = $getSelection();
  if (!$isRangeSelection(moved)) return false;
  moved.deleteCharacter(isBackward);
  return true;
}

function lastCodePointLength(text: string): number {
  const c = text.charCodeAt(text.length - 1);
  return c >= 0xdc00 && c <= 0xdfff && text.length > 1 ? 2 : 1;
}

function firstCodePointLength(text: string): number {
  const c = text.charCodeAt(0);
  return c >= 0xd800 && c <= 0xdbff && text.length > 1 ? 2 : 1;
}

function $selectBefore(node: LexicalNode): void {
  const prev = node.getPreviousSibling();
  if ($isTextNode(prev)) {
    const size = prev.getTextContentSize();
    prev.select(size, size);
  } else {
    const i = node.getIndexWithinParent();
    node.getParentOrThrow().select(i, i);
  }
}

/** Moves an existing marker to the caret (an explicit marker edit). */
export function $moveMarkerToSelection(key: NodeKey): boolean {
  const marker = $getNodeByKey(key);
  const selection = $getSelection();
  if (!$isPageMarkerNode(marker) || !$isRangeSelection(selection)) return false;
  const point = selection.isBackward() ? selection.focus : selection.anchor;
  // Detach first so that splitting the target text node cannot involve the marker itself.
  const copy = $createPageMarkerNode(marker.getPage());
  marker.remove();
  return $insertAtPoint(point.getNode().isAttached() ? point : selection.anchor, [copy]);
}

/** Removes a marker (an explicit marker edit). */
export function $removeMarker(key: NodeKey): boolean {
  const marker = $getNodeByKey(key);
  if (!$isPageMarkerNode(marker)) return false;
  marker.remove();
  return true;
}

/** Registers the guard and the step-over deletion. */
export function registerPageMarkers(editor: LexicalEditor): () => void {
  return mergeRegister(
    registerMarkerGuard(editor),
    editor.registerCommand(
      DELETE_CHARACTER_COMMAND,
      (isBackward) => $deleteCharacterAroundMarker(isBackward),
      COMMAND_PRIORITY_HIGH,
    ),
  );
}
