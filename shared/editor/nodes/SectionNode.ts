import {
  $create,
  $getState,
  $getStateChange,
  $setState,
  createState,
  $isTextNode,
  isHTMLElement,
  ParagraphNode,
  type ElementNode,
  type PointType,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type RangeSelection,
} from 'lexical';
import { BlockKind } from '../../model/blockKind.ts';
import { BlockId, SourceSpan } from '../../model/caseDoc.ts';

/** The block's kind; unknown values from old JSON fall back to `body`. */
export const kindState = createState('kind', {
  parse: (v: unknown): BlockKind => BlockKind.safeParse(v).data ?? 'body',
});

/** Where the block came from in the imported raw text (carried through editing, never shown). */
export const sourceState = createState('source', {
  parse: (v: unknown): SourceSpan | null => SourceSpan.safeParse(v).data ?? null,
});

/**
 * The block's stable id (notes anchor to it). Carried through edits with the node (exportJSON,
 * importJSON and clone copy NodeState); null until the block is saved or given one.
 */
export const blockIdState = createState('blockId', {
  parse: (v: unknown): string | null => BlockId.safeParse(v).data ?? null,
});

/** Kinds that are a single line; pressing Enter at their end continues with body text. */
const SINGLE_LINE_KINDS: ReadonlySet<BlockKind> = new Set([
  'title',
  'organization',
  'commentary-signature',
  'heading',
  'awards-heading',
  'caption',
]);

export function nextKindAfter(kind: BlockKind): BlockKind {
  return SINGLE_LINE_KINDS.has(kind) ? 'body' : kind;
}

/**
 * One block of a case document. It extends ParagraphNode so that it can replace it: every block
 * Lexical creates on its own (Enter, emptying the editor) becomes a SectionNode.
 */
export class SectionNode extends ParagraphNode {
  override $config() {
    return this.config('section', {
      extends: ParagraphNode,
      stateConfigs: [{ stateConfig: kindState, flat: true }, sourceState, blockIdState],
    });
  }

  getKind(): BlockKind {
    return $getState(this, kindState);
  }

  setKind(kind: BlockKind): this {
    return $setState(this, kindState, kind);
  }

  getSource(): SourceSpan | null {
    return $getState(this, sourceState);
  }

  setSource(source: SourceSpan | null): this {
    return $setState(this, sourceState, source);
  }

  getBlockId(): string | null {
    return $getState(this, blockIdState);
  }

  setBlockId(id: string | null): this {
    return $setState(this, blockIdState, id);
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    dom.setAttribute('data-kind', this.getKind());
    setBlockIdAttribute(dom, this.getBlockId());
    return dom;
  }

  override updateDOM(prevNode: this, dom: HTMLElement, config: EditorConfig): boolean {
    const change = $getStateChange(this, prevNode, kindState);
    if (change) dom.setAttribute('data-kind', change[0]);
    const idChange = $getStateChange(this, prevNode, blockIdState);
    if (idChange) setBlockIdAttribute(dom, idChange[0]);
    return super.updateDOM(prevNode, dom, config);
  }

  override exportDOM(editor: LexicalEditor): DOMExportOutput {
    const out = super.exportDOM(editor);
    if (isHTMLElement(out.element)) {
      out.element.setAttribute('data-kind', this.getKind());
    }
    return out;
  }

  /**
   * Enter: the new block after this one starts without an id (it gets one when saved, or from the
   * editor's BlockIdPlugin). At the very start of the text, where everything moves into the new
   * block and this one is left empty above it, the id goes with the text instead.
   */
  override insertNewAfter(selection: RangeSelection, restoreSelection = true): SectionNode {
    const next = $createSectionNode(nextKindAfter(this.getKind()));
    const id = this.getBlockId();
    if (id !== null && this.getTextContentSize() > 0 && $isAtTextStart(this, selection.anchor)) {
      next.setBlockId(id);
      this.setBlockId(null);
    }
    this.insertAfter(next, restoreSelection);
    return next;
  }
}

/** Whether `point` sits before every character of `block` (page markers have no text). */
function $isAtTextStart(block: ElementNode, point: PointType): boolean {
  const node = point.getNode();
  let stop: LexicalNode | null;
  if ($isTextNode(node)) {
    if (point.offset > 0) return false;
    stop = node;
  } else if (node.is(block)) {
    stop = block.getChildAtIndex(point.offset);
  } else {
    stop = node;
  }
  for (const child of block.getChildren()) {
    if (stop !== null && child.is(stop)) return true;
    if (child.getTextContentSize() > 0) return false;
  }
  return true;
}

function setBlockIdAttribute(dom: HTMLElement, id: string | null): void {
  if (id === null) dom.removeAttribute('data-block-id');
  else dom.setAttribute('data-block-id', id);
}

export function $createSectionNode(
  kind: BlockKind = 'body',
  source: SourceSpan | null = null,
  id: string | null = null,
): SectionNode {
  const node = $create(SectionNode).setKind(kind);
  if (source) node.setSource(source);
  return id === null ? node : node.setBlockId(id);
}

export function $isSectionNode(node: LexicalNode | null | undefined): node is SectionNode {
  return node instanceof SectionNode;
}
