import { $getSelection, $isRangeSelection } from 'lexical';
import { blockLines, lineTarget, type LinePageIndex, type LineTarget } from '../../shared/proof/lineLinks.ts';
import { $blockOffsetOfPoint } from './blocks.ts';
import { $ocrBlocks } from './ocrSuspects.ts';

/**
 * The lines of `page` holding the block under the caret (empty without a caret or a match).
 * Must run inside `editor.read`.
 */
export function $caretBlockLines(startPage: number, page: number, index: LinePageIndex): number[] {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return [];
  const at = $blockOffsetOfPoint(selection.focus);
  if (!at) return [];
  const block = $ocrBlocks(startPage)[at.block];
  return block ? blockLines(block, page, index) : [];
}

/** Where a line of `page` starts in the editor's text (null for a line no block holds). Inside `editor.read`. */
export function $lineTarget(startPage: number, page: number, index: LinePageIndex, line: number): LineTarget | null {
  return lineTarget($ocrBlocks(startPage), page, index, line);
}
