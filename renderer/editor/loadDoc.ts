import { CLEAR_HISTORY_COMMAND, HISTORY_MERGE_TAG, type LexicalEditor } from 'lexical';
import type { CaseDoc } from '../../shared/model/caseDoc.ts';
import { $docToEditor } from '../../shared/editor/docConvert.ts';
import { LOAD_TAG } from './markerGuard.ts';

/**
 * Shows `doc` in the editor as a fresh start: history cleared, and the load itself merged into
 * the (empty) history so that the first edit after it is undoable. The marker guard ignores it.
 */
export function loadDocIntoEditor(editor: LexicalEditor, doc: CaseDoc, onDone?: () => void): void {
  editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
  editor.update(() => $docToEditor(doc), {
    tag: [LOAD_TAG, HISTORY_MERGE_TAG],
    discrete: true,
    ...(onDone ? { onUpdate: onDone } : {}),
  });
}
