import { useEffect, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_EDITOR, COMMAND_PRIORITY_HIGH, KEY_DOWN_COMMAND, mergeRegister } from 'lexical';
import type { BlockKind } from '../../../shared/model/blockKind.ts';
import { findSuspects, type Simplifier, type Suspect } from '../../../shared/proof/suspects.ts';
import { loadSimplifier } from '../../../shared/proof/simplifier.ts';
import { GOTO_SUSPECT_COMMAND, SELECT_TEXT_RANGE_COMMAND } from '../commands.ts';
import { $blockTexts, $caretInBlock } from '../blocks.ts';
import { clearHighlight, paintHighlight } from '../highlights.ts';
import { stepIndex } from '../navigate.ts';

/** A suspect located in the case: its block, the flagged text and a little context for the list. */
export interface BlockSuspect extends Suspect {
  block: number;
  text: string;
  before: string;
  after: string;
}

/** Kinds whose phrase gaps (`开设“民情论坛” 打造和谐家园`) are intended. */
const PHRASE_KINDS: ReadonlySet<BlockKind> = new Set(['title', 'heading', 'awards-heading', 'commentary-signature', 'organization']);

const HIGHLIGHT = 'cb-suspect';

export function computeSuspects(blocks: ReadonlyArray<{ kind: BlockKind; text: string }>, simplify?: Simplifier): BlockSuspect[] {
  const out: BlockSuspect[] = [];
  blocks.forEach(({ kind, text }, block) => {
    const opts = { allowPhraseSpaces: PHRASE_KINDS.has(kind), ...(simplify ? { simplify } : {}) };
    for (const s of findSuspects(text, opts)) {
      out.push({
        ...s,
        block,
        text: text.slice(s.start, s.end),
        before: text.slice(Math.max(0, s.start - 8), s.start),
        after: text.slice(s.end, s.end + 8),
      });
    }
  });
  return out;
}

/**
 * Computes suspects after the text settles, marks them in the text (CSS highlights, not nodes),
 * reports the list, and moves between them with F8 / Shift+F8.
 */
export function SuspectsPlugin({ enabled, onSuspects }: { enabled: boolean; onSuspects: (list: BlockSuspect[]) => void }): null {
  const [editor] = useLexicalComposerContext();
  const [simplify, setSimplify] = useState<Simplifier | undefined>(undefined);
  const list = useRef<BlockSuspect[]>([]);

  useEffect(() => {
    let live = true;
    loadSimplifier().then(
      (s) => live && setSimplify(() => s),
      () => undefined, // Without the converter the other checks still run.
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const compute = () => {
      timer = null;
      const blocks = editor.getEditorState().read(() => $blockTexts());
      list.current = computeSuspects(blocks, simplify);
      onSuspects(list.current);
      if (enabled) paintHighlight(editor, HIGHLIGHT, list.current);
      else clearHighlight(HIGHLIGHT);
    };
    const schedule = (delay: number) => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(compute, delay);
    };
    schedule(0);
    const unregister = mergeRegister(
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
        if (dirtyElements.size || dirtyLeaves.size) schedule(300);
      }),
      editor.registerCommand(
        GOTO_SUSPECT_COMMAND,
        (direction) => {
          const i = stepIndex(list.current, $caretInBlock(), direction);
          const s = list.current[i];
          if (!s) return false;
          return editor.dispatchCommand(SELECT_TEXT_RANGE_COMMAND, { block: s.block, start: s.start, end: s.end });
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (e) => {
          if (e.key !== 'F8' || e.ctrlKey || e.altKey || e.metaKey) return false;
          e.preventDefault();
          return editor.dispatchCommand(GOTO_SUSPECT_COMMAND, e.shiftKey ? 'previous' : 'next');
        },
        COMMAND_PRIORITY_HIGH,
      ),
    );
    return () => {
      if (timer !== null) clearTimeout(timer);
      unregister();
      clearHighlight(HIGHLIGHT);
    };
  }, [editor, enabled, simplify, onSuspects]);
  return null;
}
