import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $addUpdateTag, $getRoot, COMMAND_PRIORITY_EDITOR, mergeRegister } from 'lexical';
import { SCROLL_TO_PAGE_COMMAND } from '../commands.ts';
import { $markerForPage, $pageAtCaret } from '../blocks.ts';
import { $collectMarkers } from '../markerGuard.ts';
import { scrollKeyIntoView } from '../scroll.ts';

/** Updates that move the caret on behalf of the page strip: their page is already known. */
const GOTO_PAGE_TAG = 'casebook-goto-page';

/**
 * Reports the page at the caret (the marker before it, or `startPage`) whenever it changes, and
 * handles SCROLL_TO_PAGE_COMMAND (caret after that page's marker, marker scrolled to the top).
 */
export function PageTrackingPlugin({ startPage, onPage }: { startPage: number; onPage: (page: number) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let last: number | null = null;
    return mergeRegister(
      editor.registerUpdateListener(({ editorState, tags }) => {
        const page = editorState.read(() => $pageAtCaret(startPage));
        if (page === null || page === last) return;
        last = page;
        if (!tags.has(GOTO_PAGE_TAG)) onPage(page);
      }),
      editor.registerCommand(
        SCROLL_TO_PAGE_COMMAND,
        (page) => {
          $addUpdateTag(GOTO_PAGE_TAG);
          const marker = $markerForPage(page, $collectMarkers());
          if (marker) {
            marker.selectNext(0, 0);
            scrollKeyIntoView(editor, marker.getKey(), 'start');
          } else {
            const first = $getRoot().getFirstChild();
            if (first) {
              $getRoot().selectStart();
              scrollKeyIntoView(editor, first.getKey(), 'start');
            }
          }
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    );
  }, [editor, startPage, onPage]);
  return null;
}
