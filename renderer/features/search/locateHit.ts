import type { CaseHit } from '../../router.ts';

export interface BlockRange {
  block: number;
  start: number;
  end: number;
}

const fold = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/**
 * Where a search hit is in the editor's blocks (whose texts joined by '\n' are the case's plain
 * text): at its offset when the text there still reads the same, else the occurrence nearest to it
 * (the case may have been edited since the search); null when the text is gone.
 */
export function locateHit(blocks: readonly string[], hit: CaseHit): BlockRange | null {
  const text = fold(blocks.join('\n'));
  const needle = fold(hit.text);
  let at = text.startsWith(needle, hit.at) ? hit.at : -1;
  if (at < 0) {
    const after = text.indexOf(needle, hit.at);
    const before = text.lastIndexOf(needle, hit.at);
    if (after < 0 && before < 0) return null;
    at = after < 0 || (before >= 0 && hit.at - before <= after - hit.at) ? before : after;
  }
  let start = 0;
  for (let block = 0; block < blocks.length; block++) {
    const len = blocks[block]!.length;
    if (at <= start + len) {
      const end = at - start + needle.length;
      // A phrase never spans blocks (it holds no line break), so this is the hit's block.
      return end <= len ? { block, start: at - start, end } : null;
    }
    start += len + 1;
  }
  return null;
}
