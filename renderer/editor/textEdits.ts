import type { TextMatch } from '../../shared/proof/find.ts';
import { $blocks, $replaceInBlock } from './blocks.ts';

/**
 * Replaces [start, end) of a block with `replacement` only if that range still reads `expected`
 * (suspects and search results are computed from an earlier read and may be stale).
 */
export function $replaceIfUnchanged(block: number, start: number, end: number, expected: string, replacement: string): boolean {
  const node = $blocks()[block];
  if (!node || node.getTextContent().slice(start, end) !== expected) return false;
  return $replaceInBlock(block, start, end, replacement);
}

/**
 * Applies many replacements in one update, last to first so earlier offsets stay valid.
 * Returns how many were applied. Page markers inside replaced ranges are kept.
 */
export function $replaceMatches(edits: ReadonlyArray<TextMatch & { expected: string; replacement: string }>): number {
  const ordered = [...edits].sort((a, b) => b.block - a.block || b.start - a.start);
  let done = 0;
  for (const e of ordered) if ($replaceIfUnchanged(e.block, e.start, e.end, e.expected, e.replacement)) done++;
  return done;
}
