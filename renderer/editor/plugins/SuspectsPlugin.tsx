import { useEffect, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_EDITOR, COMMAND_PRIORITY_HIGH, KEY_DOWN_COMMAND, mergeRegister } from 'lexical';
import type { BlockKind } from '../../../shared/model/blockKind.ts';
import { findSuspects, type Simplifier, type Suspect } from '../../../shared/proof/suspects.ts';
import { loadSimplifier } from '../../../shared/proof/simplifier.ts';
import { blockSuspectOptions } from '../../../shared/proof/caseSuspects.ts';
import type { WordMatcher } from '../../../shared/proof/wordList.ts';
import { withOcrSuspects } from '../../../shared/proof/ocrSuspects.ts';
import { $ocrBlocks, memoOcrByBlock, type OcrSuspectSource } from '../ocrSuspects.ts';
import { GOTO_SUSPECT_COMMAND, SELECT_TEXT_RANGE_COMMAND } from '../commands.ts';
import { $blockTexts, $caretInBlock, type BlockText } from '../blocks.ts';
import { memoByBlock } from '../blockMemo.ts';
import { clearHighlight, paintHighlight } from '../highlights.ts';
import { stepIndex } from '../navigate.ts';

/** A suspect located in the case: its block, the flagged text and a little context for the list. */
export type { OcrSuspectSource } from '../ocrSuspects.ts';

export interface BlockSuspect extends Suspect {
  block: number;
  text: string;
  before: string;
  after: string;
  /** OCR's confidence (0–100) in the flagged characters, for 'ocr-low-confidence' suspects. */
  confidence?: number;
}

const HIGHLIGHT = 'suspect';

// The same options per block kind as the volume dashboard's count (shared/proof/caseSuspects.ts).
const suspectOptions = blockSuspectOptions;

/** Places the suspects of each block (in block order) in the case: block index, text and context. */
function locate(blocks: readonly { text: string }[], perBlock: readonly (readonly Suspect[])[]): BlockSuspect[] {
  const out: BlockSuspect[] = [];
  blocks.forEach(({ text }, block) => {
    for (const s of perBlock[block] ?? []) {
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

export function computeSuspects(
  blocks: ReadonlyArray<{ kind: BlockKind; text: string }>,
  simplify?: Simplifier,
  words?: WordMatcher,
): BlockSuspect[] {
  return locate(
    blocks,
    blocks.map(({ kind, text }) => findSuspects(text, suspectOptions(kind, simplify, words))),
  );
}

/** Runs `fn` when the window is idle (or after `timeout` ms at the latest); returns a canceller. */
function whenIdle(fn: () => void, timeout: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 0);
  return () => clearTimeout(id);
}

/**
 * Computes suspects after the text settles, marks them in the text (CSS highlights, not nodes),
 * reports the list, and moves between them with F8 / Shift+F8. `words` is the library's word list
 * (compiled); a new one checks every block again.
 */
export function SuspectsPlugin({
  enabled,
  onSuspects,
  words,
  ocr,
}: {
  enabled: boolean;
  onSuspects: (list: BlockSuspect[]) => void;
  words?: WordMatcher | undefined;
  /** Adds the characters OCR was unsure of ('ocr-low-confidence'); absent when the case has no OCR. */
  ocr?: OcrSuspectSource | undefined;
}): null {
  const [editor] = useLexicalComposerContext();
  const [simplify, setSimplify] = useState<Simplifier | undefined>(undefined);
  const list = useRef<BlockSuspect[]>([]);

  useEffect(() => {
    let live = true;
    // The converter (a 110 KB chunk) is loaded when the window is idle, not while a case opens.
    const cancel = whenIdle(() => {
      loadSimplifier().then(
        (s) => live && setSimplify(() => s),
        () => undefined, // Without the converter the other checks still run.
      );
    }, 1000);
    return () => {
      live = false;
      cancel();
    };
  }, []);

  useEffect(() => {
    // Per block, so that after an edit only the edited blocks are checked again (the converter
    // runs over a whole block's text; a long case has hundreds of blocks).
    const perBlock = memoByBlock((b: BlockText) => findSuspects(b.text, suspectOptions(b.kind, simplify, words)));
    const ocrPerBlock = ocr ? memoOcrByBlock(ocr) : null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let cancelIdle: (() => void) | null = null;
    const compute = () => {
      timer = null;
      cancelIdle = null;
      const { blocks, paged } = editor.getEditorState().read(() => ({
        blocks: $blockTexts(),
        paged: ocr ? $ocrBlocks(ocr.startPage) : [],
      }));
      const own = perBlock(blocks);
      const fromOcr = ocrPerBlock?.(paged);
      list.current = locate(blocks, fromOcr ? own.map((s, i) => withOcrSuspects(s, fromOcr[i] ?? [])) : own);
      onSuspects(list.current);
      if (enabled) paintHighlight(editor, HIGHLIGHT, list.current);
      else clearHighlight(HIGHLIGHT);
    };
    const schedule = (delay: number) => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(compute, delay);
    };
    // The first pass waits for idle time: opening a case must not wait for it.
    cancelIdle = whenIdle(compute, 1000);
    const unregister = mergeRegister(
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
        if (!dirtyElements.size && !dirtyLeaves.size) return;
        cancelIdle?.();
        cancelIdle = null;
        schedule(300);
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
      cancelIdle?.();
      unregister();
      clearHighlight(HIGHLIGHT);
    };
  }, [editor, enabled, simplify, words, onSuspects, ocr]);
  return null;
}
