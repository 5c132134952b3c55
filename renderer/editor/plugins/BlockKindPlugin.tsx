import { useContext, useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $createRangeSelectionFromDom,
  $getNearestNodeFromDOMNode,
  $setSelection,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_HIGH,
  KEY_DOWN_COMMAND,
  SKIP_DOM_SELECTION_TAG,
  SKIP_SCROLL_INTO_VIEW_TAG,
  mergeRegister,
  type NodeKey,
} from 'lexical';
import { BLOCK_KINDS, type BlockKind } from '../../../shared/model/blockKind.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { kindForKey, kindShortcut } from '../keymap.ts';
import { MOVE_PAGE_MARKER_COMMAND, REMOVE_PAGE_MARKER_COMMAND, SET_BLOCK_KIND_COMMAND } from '../commands.ts';
import { $adjacentMarkers, $setKindOfSelection } from '../blocks.ts';
import { $isPageMarkerNode } from '../../../shared/editor/nodes/PageMarkerNode.ts';
import { $isSectionNode } from '../../../shared/editor/nodes/SectionNode.ts';
import { PageLabelContext } from '../pageLabels.ts';

/**
 * Right-click keeps a selection that contains the pointer (to re-kind several blocks at once);
 * otherwise it puts the caret under the pointer, as a left click would.
 */
function placeCaretAt(x: number, y: number): void {
  const sel = window.getSelection();
  if (!sel) return;
  if (!sel.isCollapsed && sel.rangeCount > 0) {
    for (const rect of sel.getRangeAt(0).getClientRects()) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return;
    }
  }
  const range = document.caretRangeFromPoint?.(x, y);
  if (!range) return;
  sel.removeAllRanges();
  sel.addRange(range);
}

interface MenuState {
  x: number;
  y: number;
  before: { key: NodeKey; page: number } | null;
  after: { key: NodeKey; page: number } | null;
  clicked: { key: NodeKey; page: number } | null;
}

/**
 * Block kinds: SET_BLOCK_KIND_COMMAND, Alt+1…9/0, the kind of the caret's block reported to the
 * toolbar, and a context menu (kinds, plus moving/removing page breaks).
 */
export function BlockKindPlugin({ onKind }: { onKind?: (kind: BlockKind | null) => void }) {
  const [editor] = useLexicalComposerContext();
  const [menu, setMenu] = useState<MenuState | null>(null);
  const { t } = useI18n();
  const label = useContext(PageLabelContext);

  useEffect(() => {
    let last: BlockKind | null | undefined;
    const report = () => {
      const kind = editor.getEditorState().read(() => {
        const sel = $getSelection();
        if (!$isRangeSelection(sel)) return null;
        const top = sel.anchor.getNode().getTopLevelElement();
        return $isSectionNode(top) ? top.getKind() : null;
      });
      if (kind !== last) {
        last = kind;
        onKind?.(kind);
      }
    };
    return mergeRegister(
      editor.registerCommand(SET_BLOCK_KIND_COMMAND, (kind) => $setKindOfSelection(kind), COMMAND_PRIORITY_EDITOR),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          const kind = kindForKey(event);
          if (!kind) return false;
          event.preventDefault();
          // A click just before the shortcut may not have reached Lexical yet (selectionchange
          // is asynchronous): take the caret from the DOM.
          const dom = window.getSelection();
          const fresh = dom && dom.rangeCount > 0 ? $createRangeSelectionFromDom(dom, editor) : null;
          if (fresh) $setSelection(fresh);
          return $setKindOfSelection(kind);
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerUpdateListener(report),
    );
  }, [editor, onKind]);

  useEffect(() => {
    const open = (e: MouseEvent) => {
      e.preventDefault();
      const x = e.clientX;
      const y = e.clientY;
      const target = e.target instanceof Node ? e.target : null;
      placeCaretAt(x, y);
      // Bring Lexical's selection in line with the caret just placed under the pointer.
      editor.update(
        () => {
          const dom = window.getSelection();
          const sel = dom ? $createRangeSelectionFromDom(dom, editor) : null;
          if (sel) $setSelection(sel);
        },
        { discrete: true, tag: [SKIP_SCROLL_INTO_VIEW_TAG, SKIP_DOM_SELECTION_TAG] },
      );
      const state = editor.getEditorState().read(() => {
        const ref = (n: { getKey(): NodeKey; getPage(): number } | null) => (n ? { key: n.getKey(), page: n.getPage() } : null);
        const markerEl =
          target instanceof Element ? target.closest('[data-page]') : target?.parentElement?.closest('[data-page]');
        const clickedNode = markerEl ? $getNearestNodeFromDOMNode(markerEl) : null;
        const sel = $getSelection();
        const around = $isRangeSelection(sel) ? $adjacentMarkers(sel.anchor) : { before: null, after: null };
        return {
          before: ref(around.before),
          after: ref(around.after),
          clicked: $isPageMarkerNode(clickedNode) ? ref(clickedNode) : null,
        };
      });
      setMenu({ x, y, ...state });
    };
    return editor.registerRootListener((root, prev) => {
      prev?.removeEventListener('contextmenu', open);
      root?.addEventListener('contextmenu', open);
    });
  }, [editor]);

  useEffect(() => {
    if (!menu) return;
    const close = () => setMenu(null);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    // Not closed on scroll: opening it can itself scroll the caret into view.
    window.addEventListener('pointerdown', close);
    window.addEventListener('keydown', onKey);
    window.addEventListener('blur', close);
    return () => {
      window.removeEventListener('pointerdown', close);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('blur', close);
    };
  }, [menu]);

  if (!menu) return null;
  const act = (fn: () => void) => (e: React.MouseEvent) => {
    e.preventDefault();
    setMenu(null);
    fn();
    editor.focus();
  };
  return (
    <div
      className="kind-menu"
      role="menu"
      data-testid="kind-context-menu"
      style={{ left: menu.x, top: menu.y }}
      onPointerDown={(e) => e.stopPropagation()}
    >
      {BLOCK_KINDS.map((kind) => (
        <button
          key={kind}
          role="menuitem"
          className="kind-menu__item"
          data-kind={kind}
          data-testid={`kind-menu-${kind}`}
          onClick={act(() => editor.dispatchCommand(SET_BLOCK_KIND_COMMAND, kind))}
        >
          <span className="kind-menu__swatch" data-kind={kind} />
          {t(`blockKinds.${kind}`)}
          <kbd>{kindShortcut(kind)}</kbd>
        </button>
      ))}
      {(menu.before || menu.after || menu.clicked) && <hr />}
      {[menu.before, menu.after].map(
        (m) =>
          m && (
            <button
              key={m.key}
              role="menuitem"
              className="kind-menu__item"
              data-testid="marker-move-here"
              onClick={act(() => editor.dispatchCommand(MOVE_PAGE_MARKER_COMMAND, m.key))}
            >
              {t('proof.menu.moveMarkerHere', { page: label(m.page) })}
            </button>
          ),
      )}
      {menu.clicked && (
        <button
          role="menuitem"
          className="kind-menu__item kind-menu__item--danger"
          data-testid="marker-remove"
          onClick={act(() => editor.dispatchCommand(REMOVE_PAGE_MARKER_COMMAND, menu.clicked!.key))}
        >
          {t('proof.menu.removeMarker', { page: label(menu.clicked.page) })}
        </button>
      )}
    </div>
  );
}
