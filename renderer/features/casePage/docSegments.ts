import type { BlockKind } from '../../../shared/model/blockKind.ts';
import type { CaseDoc } from '../../../shared/model/caseDoc.ts';

/** A piece of a block's text, or the point inside it where a new page begins. */
export type Piece = { type: 'text'; text: string } | { type: 'page'; page: number };

export type Segment =
  | { type: 'page'; page: number }
  | { type: 'block'; index: number; kind: BlockKind; pieces: Piece[] };

/**
 * Lays a document out for reading: a page marker before the first block and wherever the page
 * changes, either between blocks or inside one (at a `breaks` offset). Markers are emitted only when
 * the page really changes, so a break that repeats the current page adds nothing.
 */
export function segmentDoc(doc: CaseDoc): Segment[] {
  const out: Segment[] = [];
  let current: number | null = null;
  doc.blocks.forEach((block, index) => {
    if (block.page !== current) {
      out.push({ type: 'page', page: block.page });
      current = block.page;
    }
    const pieces: Piece[] = [];
    let from = 0;
    const breaks = [...block.breaks].sort((a, b) => a.at - b.at);
    for (const br of breaks) {
      if (br.page === current) continue;
      const at = Math.min(Math.max(br.at, from), block.text.length);
      if (at > from) pieces.push({ type: 'text', text: block.text.slice(from, at) });
      pieces.push({ type: 'page', page: br.page });
      current = br.page;
      from = at;
    }
    if (from < block.text.length || pieces.length === 0) pieces.push({ type: 'text', text: block.text.slice(from) });
    out.push({ type: 'block', index, kind: block.kind, pieces });
  });
  return out;
}
