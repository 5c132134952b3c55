import type { Block, CaseDoc } from '../model/caseDoc.ts';

/**
 * Merges a local write of a case (a save, a restore, a volume-wide replace: anything that wrote the
 * case's row) into the case's shared document, which may meanwhile hold changes from the team that
 * the row has not received yet. `base` is the document the row and the shared document last
 * agreed on. Blocks are matched by id: a block the local write changed (or deleted, or added) takes
 * the local version; every other block stays as the shared document has it, so a remote edit of
 * another block is kept. A block both sides changed takes the local version (the user's explicit
 * write of that block wins over a keystroke merged a moment before; the revision history keeps both).
 */
export function mergeLocalIntoShared(base: CaseDoc, local: CaseDoc, shared: CaseDoc): CaseDoc {
  const key = (b: Block, i: number): string => b.id ?? `#${i}`;
  const baseById = new Map(base.blocks.map((b, i) => [key(b, i), b]));
  const localById = new Map(local.blocks.map((b, i) => [key(b, i), b]));
  const changed = (id: string): boolean => JSON.stringify(baseById.get(id)) !== JSON.stringify(localById.get(id));

  const out: Block[] = [];
  for (const [i, b] of shared.blocks.entries()) {
    const id = key(b, i);
    if (!baseById.has(id))
      out.push(b); // added by the team
    else if (!localById.has(id))
      continue; // deleted by the local write
    else out.push(changed(id) ? localById.get(id)! : b);
  }
  // Blocks the local write added go after the block that precedes them locally (or first).
  const placed = new Set(out.map((b, i) => key(b, i)));
  for (const [i, b] of local.blocks.entries()) {
    const id = key(b, i);
    if (baseById.has(id) || placed.has(id)) continue;
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const prevId = key(local.blocks[j]!, j);
      const idx = out.findIndex((x, k) => key(x, k) === prevId);
      if (idx >= 0) {
        at = idx + 1;
        break;
      }
    }
    out.splice(at, 0, b);
    placed.add(id);
  }
  return { version: 1, blocks: out };
}
