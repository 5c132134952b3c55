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

/**
 * A block's stable id: notes anchor to it, so it follows the block through edits (the store gives
 * every block one on create, save and restore; the editor keeps it on its node).
 */
export const BlockId = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[0-9A-Za-z_-]+$/);
export type BlockId = z.infer<typeof BlockId>;

export const Block = z.object({
  /** Absent in documents stored before blocks had ids, and on blocks not yet saved. */
  id: BlockId.optional(),
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

/** Bounds of what one save may carry: far above any real case (the longest is ~30,000 characters). */
export const CASE_LIMITS = {
  titleChars: 500,
  organizationChars: 500,
  blocks: 20_000,
  blockChars: 200_000,
  docChars: 1_000_000,
  breaksPerBlock: 2_000,
} as const;

/** A document within {@link CASE_LIMITS}, for input crossing the boundary (stored documents are not re-bounded). */
export const BoundedCaseDoc = CaseDoc.superRefine((doc, ctx) => {
  if (doc.blocks.length > CASE_LIMITS.blocks) {
    ctx.addIssue({ code: 'custom', path: ['blocks'], message: `At most ${CASE_LIMITS.blocks} blocks` });
    return;
  }
  let total = 0;
  for (const [i, b] of doc.blocks.entries()) {
    total += b.text.length;
    if (b.text.length > CASE_LIMITS.blockChars) {
      ctx.addIssue({
        code: 'custom',
        path: ['blocks', i, 'text'],
        message: `A block holds at most ${CASE_LIMITS.blockChars} characters`,
      });
    }
    if (b.breaks.length > CASE_LIMITS.breaksPerBlock) {
      ctx.addIssue({
        code: 'custom',
        path: ['blocks', i, 'breaks'],
        message: `At most ${CASE_LIMITS.breaksPerBlock} page breaks in a block`,
      });
    }
  }
  if (total > CASE_LIMITS.docChars) {
    ctx.addIssue({ code: 'custom', path: ['blocks'], message: `A case holds at most ${CASE_LIMITS.docChars} characters` });
  }
});

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
