import { z } from 'zod';
import { BlockKind } from './blockKind.ts';

/**
 * A page boundary inside a block: the text from `at` (a UTF-16 offset into `text`) onwards was
 * printed on page `page` (0-based page index of the volume).
 */
export const PageBreak = z.object({
  at: z.number().int().nonnegative(),
  page: z.number().int().nonnegative(),
});
export type PageBreak = z.infer<typeof PageBreak>;

/** Where a block came from in the imported raw text, so a cleanup can be traced back. */
export const SourceSpan = z.object({
  page: z.number().int().nonnegative(),
  lineStart: z.number().int().nonnegative(),
  lineEnd: z.number().int().nonnegative(),
  raw: z.string(),
});
export type SourceSpan = z.infer<typeof SourceSpan>;

export const Block = z.object({
  kind: BlockKind,
  text: z.string(),
  /** Page index on which the block starts. */
  page: z.number().int().nonnegative(),
  /** Page boundaries that fall inside the block, ascending by `at`. */
  breaks: z.array(PageBreak).default([]),
  source: SourceSpan.optional(),
});
export type Block = z.infer<typeof Block>;

/**
 * The stored form of a case's text: an ordered list of tagged blocks. It is independent of the
 * editor (the Lexical editor converts to and from it), so store, export and CLI need no editor.
 */
export const CaseDoc = z.object({
  version: z.literal(1),
  blocks: z.array(Block),
});
export type CaseDoc = z.infer<typeof CaseDoc>;

/** Plain text of a document: one block a line (used for search, counts and diffs). */
export function docToPlainText(doc: CaseDoc): string {
  return doc.blocks.map((b) => b.text).join('\n');
}

/** The page indexes a document touches, ascending and unique. */
export function docPages(doc: CaseDoc): number[] {
  const pages = new Set<number>();
  for (const b of doc.blocks) {
    pages.add(b.page);
    for (const br of b.breaks) pages.add(br.page);
  }
  return [...pages].sort((a, b) => a - b);
}
