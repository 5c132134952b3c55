import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND, mergeRegister } from 'lexical';
import type { CaseNote } from '../../../shared/model/notes.ts';
import { quoteOf } from '../../../shared/model/notes.ts';
import { $blockIdAtCaret, $blockIndexById } from '../../editor/blockIds.ts';
import { $blocks } from '../../editor/blocks.ts';
import { SELECT_TEXT_RANGE_COMMAND } from '../../editor/commands.ts';
import { NotedBlocksPlugin } from '../../editor/plugins/NotedBlocksPlugin.tsx';
import type { NotesClient } from './client.ts';
import { isAddNoteKey } from './noteKeys.ts';
import { NotesPanel, type NoteDraft } from './NotesPanel.tsx';
import { useCaseNotes } from './useCaseNotes.ts';

export interface NotesToolsOptions {
  client: NotesClient;
  caseId: number;
  /** The case's saved version: a save moves blocks, so the list is asked again. */
  version: number;
  /** Saves pending edits, so that a block just typed exists in the store before a note goes on it. */
  flush: () => Promise<void>;
}

export interface NotesTools {
  shown: boolean;
  toggle(): void;
  /** Open (unresolved) notes of the case. */
  openCount: number;
  /** The side panel when shown. */
  panel: ReactNode;
  /** The editor's marks on blocks with open notes; render inside the editor's context. */
  marks: ReactNode;
}

/** The quote a new note shows for the block with this id (read from the editor, unsaved edits included). */
function $quoteOf(blockId: string): string {
  const block = $blocks()[$blockIndexById(blockId)];
  return block ? quoteOf(block.getTextContent()) : '';
}

/**
 * Notes on a case page: the list (asked again after each save), the panel beside the editor, the
 * marks on noted blocks, Ctrl+Alt+M and the button that start a note on the caret's block, and a
 * click on a note that puts the caret on its block.
 */
export function useNotesTools({ client, caseId, version, flush }: NotesToolsOptions): NotesTools {
  const [editor] = useLexicalComposerContext();
  const notes = useCaseNotes(client, caseId, version);
  const [shown, setShown] = useState(false);
  const [draft, setDraft] = useState<NoteDraft | null>(null);
  // The caret's block as last seen in the text: a click on the panel's button moves the focus away.
  const lastBlock = useRef<string | null>(null);

  const startNote = useCallback(() => {
    const state = editor.getEditorState();
    const blockId = state.read($blockIdAtCaret) ?? lastBlock.current;
    const quote = blockId === null ? '' : state.read(() => $quoteOf(blockId));
    setDraft({ blockId: blockId !== null && state.read(() => $blockIndexById(blockId)) >= 0 ? blockId : null, quote });
    setShown(true);
  }, [editor]);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          const id = editorState.read($blockIdAtCaret);
          if (id !== null) lastBlock.current = id;
        }),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            if (!isAddNoteKey(event)) return false;
            event.preventDefault();
            startNote();
            return true;
          },
          COMMAND_PRIORITY_NORMAL,
        ),
      ),
    [editor, startNote],
  );

  const { apply } = notes;
  const onAdd = useCallback(
    async (blockId: string, body: string) => {
      await flush();
      await apply(client.notes.add({ caseId, blockId, body }));
      setDraft(null);
    },
    [apply, client, caseId, flush],
  );
  const onReply = useCallback((noteId: number, body: string) => apply(client.notes.reply({ noteId, body })), [apply, client]);
  const onResolve = useCallback(
    (noteId: number, resolved: boolean) => apply(resolved ? client.notes.resolve({ noteId }) : client.notes.reopen({ noteId })),
    [apply, client],
  );
  const onGoTo = useCallback(
    (note: CaseNote) => {
      if (note.blockId === null) return;
      const live = editor.getEditorState().read(() => $blockIndexById(note.blockId!));
      // Not in the editor (an unsaved edit removed it): where the store last had it.
      const block = live >= 0 ? live : note.blockIndex;
      if (block === null) return;
      editor.dispatchCommand(SELECT_TEXT_RANGE_COMMAND, { block, start: 0, end: 0 });
      editor.focus();
    },
    [editor],
  );

  const openIds = useMemo(
    () => new Set((notes.list ?? []).flatMap((n) => (n.resolvedAt === null && n.blockId !== null ? [n.blockId] : []))),
    [notes.list],
  );
  const openCount = (notes.list ?? []).filter((n) => n.resolvedAt === null).length;
  const panel = shown ? (
    <NotesPanel
      notes={notes.list}
      loadError={notes.error}
      onRetry={notes.reload}
      draft={draft}
      onStartNote={startNote}
      onCancelNote={() => setDraft(null)}
      onAdd={onAdd}
      onReply={onReply}
      onResolve={onResolve}
      onGoTo={onGoTo}
    />
  ) : null;
  return {
    shown,
    toggle: () => setShown((v) => !v),
    openCount,
    panel,
    marks: <NotedBlocksPlugin blockIds={openIds} />,
  };
}
