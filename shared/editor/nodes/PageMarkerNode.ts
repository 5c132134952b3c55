import {
  $create,
  $getDocument,
  $getEditor,
  $getState,
  $getStateChange,
  $setState,
  createState,
  DecoratorNode,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { editorPageLabeler, MARKER_LABEL_CLASS, markerText } from '../pageMarkerLabels.ts';

export const pageState = createState('page', {
  parse: (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0),
});

/**
 * Where a new page of the printed book begins (0-based page index of the volume). It is inline,
 * contributes no text (so counts, search and the saved text skip it), and is kept in place by
 * the marker guard when text around it is deleted.
 */
export class PageMarkerNode extends DecoratorNode<null> {
  override $config() {
    return this.config('page-marker', {
      extends: DecoratorNode,
      stateConfigs: [{ stateConfig: pageState, flat: true }],
    });
  }

  getPage(): number {
    return $getState(this, pageState);
  }

  setPage(page: number): this {
    return $setState(this, pageState, page);
  }

  override createDOM(config: EditorConfig, editor: LexicalEditor): HTMLElement {
    const doc = $getDocument();
    const dom = doc.createElement('span');
    const cls = config.theme['pageMarker'];
    if (typeof cls === 'string') dom.className = cls;
    dom.setAttribute('data-page', String(this.getPage()));
    dom.setAttribute('data-testid', 'page-marker');
    dom.contentEditable = 'false';
    // The label is drawn here, not by decorate(): a React portal per marker costs far more.
    const label = doc.createElement('span');
    label.className = MARKER_LABEL_CLASS;
    label.textContent = markerText(editorPageLabeler(editor)(this.getPage()));
    dom.append(label);
    return dom;
  }

  override updateDOM(prevNode: this, dom: HTMLElement): boolean {
    const change = $getStateChange(this, prevNode, pageState);
    if (change) {
      dom.setAttribute('data-page', String(change[0]));
      const label = dom.querySelector(`.${MARKER_LABEL_CLASS}`);
      if (label) label.textContent = markerText(editorPageLabeler($getEditor())(change[0]));
    }
    return false;
  }

  /** Copied HTML carries an empty span, so the label never leaks into pasted text. */
  override exportDOM(): DOMExportOutput {
    const span = $getDocument().createElement('span');
    span.setAttribute('data-page-marker', String(this.getPage()));
    return { element: span };
  }

  override getTextContent(): string {
    return '';
  }

  override isInline(): true {
    return true;
  }

  /** The caret steps over a marker instead of selecting it. */
  override isKeyboardSelectable(): boolean {
    return false;
  }

  /** Nothing for React to render: the label is part of the DOM from {@link createDOM}. */
  override decorate(): null {
    return null;
  }
}

export function $createPageMarkerNode(page: number): PageMarkerNode {
  return $create(PageMarkerNode).setPage(page);
}

export function $isPageMarkerNode(node: LexicalNode | null | undefined): node is PageMarkerNode {
  return node instanceof PageMarkerNode;
}
