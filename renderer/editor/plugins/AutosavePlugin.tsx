import { useEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { BLUR_COMMAND, COMMAND_PRIORITY_EDITOR, COMMAND_PRIORITY_LOW, mergeRegister } from 'lexical';
import type { CaseDoc } from '../../../shared/model/caseDoc.ts';
import { AutosaveController, type SaveState } from '../autosave.ts';
import { SAVE_NOW_COMMAND } from '../commands.ts';
import { $editorToDoc } from '../../../shared/editor/docConvert.ts';
import { LOAD_TAG } from '../markerGuard.ts';

export interface AutosavePluginProps {
  /** Persists the document; rejects with `{code: 'CONFLICT'}` when the stored version moved on. */
  onSave: (doc: CaseDoc) => Promise<void>;
  onState: (state: SaveState, error?: unknown) => void;
  /** Page of the first block when it has no leading marker. */
  startPage: number;
  delayMs?: number;
  /** Upper bound on how long an edit stays unsaved while typing continues (the crash-loss bound). */
  maxWaitMs?: number;
  /** Gives the parent the controller (conflict resolution, flushing before a restore). */
  onController?: (ctl: AutosaveController | null) => void;
}

/**
 * Saves after typing pauses (≤1 s), and at once on blur, Ctrl+S, page hide, window unload and
 * unmount (case switch). Loads (LOAD_TAG) and selection-only updates don't count as edits.
 */
export function AutosavePlugin({
  onSave,
  onState,
  startPage,
  delayMs = 600,
  maxWaitMs = 1000,
  onController,
}: AutosavePluginProps): null {
  const [editor] = useLexicalComposerContext();
  // Latest callbacks without re-creating the controller (which would drop a pending save).
  const props = useRef({ onSave, onState, startPage });
  useEffect(() => {
    props.current = { onSave, onState, startPage };
  });

  useEffect(() => {
    const ctl = new AutosaveController({
      delayMs,
      maxWaitMs,
      save: () => {
        const doc = editor.getEditorState().read(() => $editorToDoc(props.current.startPage));
        return props.current.onSave(doc);
      },
      onState: (s, err) => props.current.onState(s, err),
    });
    onController?.(ctl);
    const flush = () => void ctl.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onVisibility);
    const unregister = mergeRegister(
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
        // A read-only (locked) editor has nothing to save: main would refuse it (CASE_LOCKED).
        if (tags.has(LOAD_TAG) || !editor.isEditable()) return;
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        ctl.markDirty();
      }),
      editor.registerCommand(
        BLUR_COMMAND,
        () => {
          flush();
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        SAVE_NOW_COMMAND,
        () => {
          flush();
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    );
    return () => {
      unregister();
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      // Case switch / unmount: write what is pending, then stop.
      void ctl.flush().finally(() => ctl.dispose());
      onController?.(null);
    };
  }, [editor, delayMs, maxWaitMs, onController]);
  return null;
}
