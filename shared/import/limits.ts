import { BoundedCaseDoc } from '../model/caseDoc.ts';
import type { ImportResult } from '../model/importResult.ts';

/**
 * The most characters one imported case or front-matter item may hold. The longest real case is
 * about 30,000 characters; an item over this is several cases (or a whole text) the pipeline found
 * no boundary in, which is refused rather than stored as one unworkable case.
 */
export const MAX_CASE_CHARS = 100_000;

export interface OversizedItem {
  kind: 'case' | 'front';
  title: string;
  chars: number;
  limit: number;
  /** 0-based page indexes. */
  pageStart: number;
  pageEnd: number;
}

/**
 * The first case or front-matter item longer than `limit` characters, or whose document a save
 * would refuse (BoundedCaseDoc: what is imported must stay editable); null when all fit.
 */
export function findOversizedItem(result: ImportResult, limit = MAX_CASE_CHARS): OversizedItem | null {
  const items = [
    ...result.frontMatter.map((f) => ({ kind: 'front' as const, item: f })),
    ...result.cases.map((c) => ({ kind: 'case' as const, item: c })),
  ];
  for (const { kind, item } of items) {
    const chars = item.doc.blocks.reduce((n, b) => n + b.text.length, 0);
    if (chars > limit || !BoundedCaseDoc.safeParse(item.doc).success) {
      // An item with no title is named by its first words (looked at through a small window: it is huge).
      const words = (s: string): string => s.slice(0, 200).trim();
      const title = words(item.title) || item.doc.blocks.map((b) => words(b.text)).find((s) => s !== '') || '';
      return { kind, title: clip(title, 20), chars, limit, pageStart: item.pageStart, pageEnd: item.pageEnd };
    }
  }
  return null;
}

function clip(s: string, n: number): string {
  const chars = [...s.slice(0, 2 * n + 1)];
  return chars.length <= n ? s : `${chars.slice(0, n).join('')}…`;
}
