import {
  $create,
  $getDocument,
  $getState,
  $getStateChange,
  $setState,
  createState,
  DecoratorNode,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
} from 'lexical';
import { createElement, type ReactNode } from 'react';
import { PageMarkerView } from './PageMarkerView.ts';

export const pageState = createState('page', {
  parse: (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0),
});

/**
 * Where a new page of the printed book begins (0-based page index of the volume). It is inline,
 * contributes no text (so counts, search and the saved text skip it), and is kept in place by
 * the marker guard when text around it is deleted.
 */
export class PageMarkerNode extends DecoratorNode<ReactNode> {
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

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('span');
    const cls = config.theme['pageMarker'];
    if (typeof cls === 'string') dom.className = cls;
    dom.setAttribute('data-page', String(this.getPage()));
    dom.setAttribute('data-testid', 'page-marker');
    dom.contentEditable = 'false';
    return dom;
  }

  override updateDOM(prevNode: this, dom: HTMLElement): boolean {
    const change = $getStateChange(this, prevNode, pageState);
    if (change) dom.setAttribute('data-page', String(change[0]));
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

  override decorate(): ReactNode {
    return createElement(PageMarkerView, { page: this.getPage() });
  }
}

export function $createPageMarkerNode(page: number): PageMarkerNode {
  return $create(PageMarkerNode).setPage(page);
}

export function $isPageMarkerNode(node: LexicalNode | null | undefined): node is PageMarkerNode {
  return node instanceof PageMarkerNode;
}
