import type { NodeKey } from 'lexical';
import type { BlockKind } from '../../shared/model/blockKind.ts';
import type { BlockText } from './blocks.ts';

/**
 * Remembers a value derived from each block's text and kind (counts, suspects), so that after an
 * edit only the blocks whose text or kind changed are recomputed: typing in a 30,000-character case
 * then costs the work of one paragraph, not of the whole case. Returns the values in block order.
 */
export function memoByBlock<V>(compute: (block: BlockText) => V): (blocks: readonly BlockText[]) => V[] {
  let memo = new Map<NodeKey, { text: string; kind: BlockKind; value: V }>();
  return (blocks) => {
    const next = new Map<NodeKey, { text: string; kind: BlockKind; value: V }>();
    const out = blocks.map((b) => {
      let entry = memo.get(b.key);
      if (!entry || entry.text !== b.text || entry.kind !== b.kind) entry = { text: b.text, kind: b.kind, value: compute(b) };
      next.set(b.key, entry);
      return entry.value;
    });
    memo = next;
    return out;
  };
}
