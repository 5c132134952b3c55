import {
  $create,
  $getState,
  $getStateChange,
  $setState,
  createState,
  isHTMLElement,
  ParagraphNode,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type RangeSelection,
} from 'lexical';
import { BlockKind } from '../../../shared/model/blockKind.ts';
import { SourceSpan } from '../../../shared/model/caseDoc.ts';

/** The block's kind; unknown values from old JSON fall back to `body`. */
export const kindState = createState('kind', {
  parse: (v: unknown): BlockKind => BlockKind.safeParse(v).data ?? 'body',
});

/** Where the block came from in the imported raw text (carried through editing, never shown). */
export const sourceState = createState('source', {
  parse: (v: unknown): SourceSpan | null => SourceSpan.safeParse(v).data ?? null,
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
      stateConfigs: [{ stateConfig: kindState, flat: true }, sourceState],
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

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    dom.setAttribute('data-kind', this.getKind());
    return dom;
  }

  override updateDOM(prevNode: this, dom: HTMLElement, config: EditorConfig): boolean {
    const change = $getStateChange(this, prevNode, kindState);
    if (change) dom.setAttribute('data-kind', change[0]);
    return super.updateDOM(prevNode, dom, config);
  }

  override exportDOM(editor: LexicalEditor): DOMExportOutput {
    const out = super.exportDOM(editor);
    if (isHTMLElement(out.element)) {
      out.element.setAttribute('data-kind', this.getKind());
    }
    return out;
  }

  override insertNewAfter(selection: RangeSelection, restoreSelection = true): SectionNode {
    const next = $createSectionNode(nextKindAfter(this.getKind()));
    this.insertAfter(next, restoreSelection);
    return next;
  }
}

export function $createSectionNode(kind: BlockKind = 'body', source: SourceSpan | null = null): SectionNode {
  const node = $create(SectionNode).setKind(kind);
  return source ? node.setSource(source) : node;
}

export function $isSectionNode(node: LexicalNode | null | undefined): node is SectionNode {
  return node instanceof SectionNode;
}
