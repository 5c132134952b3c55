import {
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import type { Block, CaseDoc, PageBreak } from '../model/caseDoc.ts';
import { $createPageMarkerNode, $isPageMarkerNode } from './nodes/PageMarkerNode.ts';
import { $createSectionNode, $isSectionNode } from './nodes/SectionNode.ts';

/**
 * Replaces the editor's content with `doc`. Each block becomes a SectionNode; each page break
 * becomes an inline PageMarkerNode at its offset. A block whose start page differs from the page
 * the previous block ended on (and always the first block) opens with a marker: that leading
 * marker carries the block's `page`. Must run inside `editor.update`.
 */
export function $docToEditor(doc: CaseDoc): void {
  const root = $getRoot();
  root.clear();
  let running: number | null = null;
  for (const block of doc.blocks) {
    const section = $createSectionNode(block.kind, block.source ?? null, block.id ?? null);
    const firstBreakAtStart = block.breaks[0]?.at === 0;
    if (running === null || block.page !== running || firstBreakAtStart) {
      section.append($createPageMarkerNode(block.page));
    }
    let from = 0;
    for (const br of block.breaks) {
      if (br.at > from) section.append($createTextNode(block.text.slice(from, br.at)));
      section.append($createPageMarkerNode(br.page));
      from = Math.max(from, br.at);
    }
    if (from < block.text.length) section.append($createTextNode(block.text.slice(from)));
    root.append(section);
    running = block.breaks.at(-1)?.page ?? block.page;
  }
}

/**
 * Reads the editor back into a CaseDoc (exact inverse of {@link $docToEditor}). A marker that is
 * the first thing in a block sets the block's `page`; every other marker is a break at the text
 * offset where it sits. A block without a leading marker continues the page the previous block
 * ended on (`startPage` for the first block). Each block keeps its node's id (a block split off by
 * Enter has none until it is given one). Must run inside `editor.read`/`update`.
 */
export function $editorToDoc(startPage = 0): CaseDoc {
  const blocks: Block[] = [];
  let running = startPage;
  const children = $getRoot().getChildren();
  for (const child of children) {
    if (!$isElementNode(child)) continue;
    const block = $elementToBlock(child, running);
    blocks.push(block);
    running = block.breaks.at(-1)?.page ?? block.page;
  }
  // An editor is never empty: Lexical keeps one empty block. Read that back as an empty doc.
  const only = blocks[0];
  if (blocks.length === 1 && only && isBlankPlaceholder(only, children[0])) return { version: 1, blocks: [] };
  return { version: 1, blocks };
}

function isBlankPlaceholder(block: Block, node: LexicalNode | undefined): boolean {
  return (
    block.text === '' &&
    block.kind === 'body' &&
    block.breaks.length === 0 &&
    block.source === undefined &&
    $isElementNode(node) &&
    node.getChildrenSize() === 0
  );
}

/** A block as read from its element, before the page it continues (when it has no leading marker) is known. */
interface BlockShape {
  kind: Block['kind'];
  text: string;
  /** The leading marker's page; null when the block continues the previous block's page. */
  page: number | null;
  breaks: PageBreak[];
  source: Block['source'] | null;
}

/**
 * The shape last read from each element, with the children it was read from. Lexical copies a
 * node when it is written and shares unchanged ones between editor states, so the same element
 * object with the same child objects has the same shape: an autosave of a long case then reads
 * again only the blocks edited since the last one.
 */
const shapes = new WeakMap<ElementNode, { children: LexicalNode[]; shape: BlockShape }>();

function sameNodes(a: readonly LexicalNode[], b: readonly LexicalNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function $elementToBlock(element: ElementNode, running: number): Block {
  const children = element.getChildren();
  // A nested element could change below an unchanged child object: such blocks are read in full.
  const flat = children.every((c) => !$isElementNode(c));
  const cached = flat ? shapes.get(element) : undefined;
  let shape: BlockShape;
  if (cached && sameNodes(cached.children, children)) shape = cached.shape;
  else {
    shape = $readShape(element);
    if (flat) shapes.set(element, { children, shape });
  }
  // The id is read from the node itself, not the cached shape: it can change without the children doing so.
  const id = $isSectionNode(element) ? element.getBlockId() : null;
  const block: Block = {
    ...(id === null ? {} : { id }),
    kind: shape.kind,
    text: shape.text,
    page: shape.page ?? running,
    breaks: shape.breaks.map((b) => ({ ...b })),
  };
  if (shape.source) block.source = shape.source;
  return block;
}

function $readShape(element: ElementNode): BlockShape {
  let text = '';
  let page: number | null = null;
  const breaks: PageBreak[] = [];
  const visit = (node: LexicalNode): void => {
    if ($isPageMarkerNode(node)) {
      if (page === null && text === '' && breaks.length === 0) page = node.getPage();
      else breaks.push({ at: text.length, page: node.getPage() });
    } else if ($isTextNode(node)) {
      text += node.getTextContent();
    } else if ($isLineBreakNode(node)) {
      text += '\n';
    } else if ($isElementNode(node)) {
      for (const c of node.getChildren()) visit(c);
    }
  };
  for (const c of element.getChildren()) visit(c);
  const kind = $isSectionNode(element) ? element.getKind() : 'body';
  const source = $isSectionNode(element) ? element.getSource() : null;
  return { kind, text, page, breaks, source };
}
