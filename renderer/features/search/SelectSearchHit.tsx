import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $blockTexts } from '../../editor/blocks.ts';
import { SELECT_TEXT_RANGE_COMMAND } from '../../editor/commands.ts';
import { actWhenReady } from '../../editor/whenText.ts';
import { useRoute } from '../../useRoute.ts';
import { locateHit } from './locateHit.ts';

/**
 * Selects the search hit the route names (`#/case/<id>?at=…&len=…&find=…`) once the case is in the
 * editor. Render it inside the editor's context; a text not loaded yet is waited for.
 */
export function SelectSearchHit({ caseId }: { caseId: number }): null {
  const [editor] = useLexicalComposerContext();
  const route = useRoute();
  const hit = route.name === 'case' && route.id === caseId ? route.hit : undefined;
  const at = hit?.at;
  const length = hit?.length;
  const text = hit?.text;
  useEffect(() => {
    if (at === undefined || length === undefined || text === undefined) return;
    const select = (): boolean => {
      const blocks = editor.getEditorState().read(() => $blockTexts().map((b) => b.text));
      const range = locateHit(blocks, { at, length, text });
      if (!range) return false;
      editor.dispatchCommand(SELECT_TEXT_RANGE_COMMAND, range);
      editor.focus();
      return true;
    };
    // The text may not be there yet (the editor mounts once main says how the case is edited, and a
    // shared case's text arrives from the hub): select the hit when it comes, once.
    return actWhenReady(editor, select);
  }, [editor, at, length, text]);
  return null;
}
