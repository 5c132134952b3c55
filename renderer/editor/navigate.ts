/** Positions in a case as (block, offset), compared in document order. */
export interface DocPos {
  block: number;
  offset: number;
}

export function comparePos(a: DocPos, b: DocPos): number {
  return a.block - b.block || a.offset - b.offset;
}

/**
 * The index of the next (or previous) item strictly after (before) `from`, wrapping around;
 * -1 when the list is empty. Items must be sorted in document order.
 */
export function stepIndex<T extends { block: number; start: number }>(
  items: readonly T[],
  from: DocPos | null,
  direction: 'next' | 'previous',
): number {
  if (items.length === 0) return -1;
  if (!from) return direction === 'next' ? 0 : items.length - 1;
  if (direction === 'next') {
    const i = items.findIndex((it) => comparePos({ block: it.block, offset: it.start }, from) > 0);
    return i === -1 ? 0 : i;
  }
  for (let i = items.length - 1; i >= 0; i--) {
    const it = items[i]!;
    if (comparePos({ block: it.block, offset: it.start }, from) < 0) return i;
  }
  return items.length - 1;
}
