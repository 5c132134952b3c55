import { z } from 'zod';
import { REASON_MAX } from '../workflow/schemas.ts';
import { BlockKind } from './blockKind.ts';
import { Id, Timestamp } from './ids.ts';
import { Stage } from './stage.ts';

/** Bounds of a volume-wide replace's input and of what one preview lists. */
export const REPLACE_LIMITS = {
  patternChars: 1000,
  replacementChars: 1000,
  /** Hits a preview lists in full; beyond it the preview says how many more there are. */
  previewHits: 2000,
  scopeCases: 10_000,
} as const;

/** What to find and what to put instead (a literal or a Unicode-mode regular expression). */
export const ReplaceQuery = z.object({
  pattern: z.string().min(1).max(REPLACE_LIMITS.patternChars),
  replacement: z.string().max(REPLACE_LIMITS.replacementChars),
  regex: z.boolean(),
  caseSensitive: z.boolean(),
});
export type ReplaceQuery = z.infer<typeof ReplaceQuery>;

/** A volume, or only some of its cases (the case table's filter). */
export const ReplaceScope = z.object({
  volumeId: Id,
  caseIds: z.array(Id).max(REPLACE_LIMITS.scopeCases).optional(),
});

export const ReplacePreviewInput = ReplaceScope.extend(ReplaceQuery.shape);
export type ReplacePreviewInput = z.infer<typeof ReplacePreviewInput>;

export const ReplaceHit = z.object({
  /** Stable for the same case version and query; apply names the chosen hits by it. */
  id: z.string(),
  block: z.number().int().nonnegative(),
  blockKind: BlockKind,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  before: z.string(),
  match: z.string(),
  after: z.string(),
  replacement: z.string(),
});
export type ReplaceHit = z.infer<typeof ReplaceHit>;

export const ReplaceCaseRef = z.object({ id: Id, number: z.number().int().nullable(), title: z.string() });
export type ReplaceCaseRef = z.infer<typeof ReplaceCaseRef>;

export const ReplacePreviewCase = ReplaceCaseRef.extend({
  stage: Stage,
  /** The version the hits were found in; apply sends it back, and a case saved since is a CONFLICT. */
  version: z.number().int().positive(),
  hits: z.array(ReplaceHit),
  /** All its hits, also those past the preview's bound. */
  total: z.number().int().nonnegative(),
});
export type ReplacePreviewCase = z.infer<typeof ReplacePreviewCase>;

export const ReplacePreview = z.object({
  /** Cases with hits that can be replaced, in case order. */
  cases: z.array(ReplacePreviewCase),
  /** Locked (定稿) cases with hits: listed, never replaced. */
  locked: z.array(ReplacePreviewCase),
  /** Hits in replaceable cases, listed or not. */
  total: z.number().int().nonnegative(),
  /** True when more hits exist than the preview lists ({@link REPLACE_LIMITS.previewHits}). */
  truncated: z.boolean(),
  limit: z.number().int().positive(),
});
export type ReplacePreview = z.infer<typeof ReplacePreview>;

export const ReplaceApplyInput = ReplacePreviewInput.extend({
  reason: z.string().trim().min(1).max(REASON_MAX),
  /** The chosen hits per case, with the version each case had in the preview. */
  picks: z
    .array(
      z.object({
        caseId: Id,
        version: z.number().int().positive(),
        hitIds: z.array(z.string().max(100)).min(1).max(REPLACE_LIMITS.previewHits),
      }),
    )
    .min(1)
    .max(REPLACE_LIMITS.scopeCases),
});
export type ReplaceApplyInput = z.infer<typeof ReplaceApplyInput>;

export const ReplaceBatch = z.object({
  id: Id,
  uuid: z.string(),
  volumeId: Id,
  find: z.string(),
  replacement: z.string(),
  regex: z.boolean(),
  caseSensitive: z.boolean(),
  reason: z.string(),
  who: z.string(),
  at: Timestamp,
  hits: z.number().int().nonnegative(),
  /** Cases the batch changed (still in the library). */
  cases: z.number().int().nonnegative(),
  undoneAt: Timestamp.nullable(),
  undoneBy: z.string().nullable(),
});
export type ReplaceBatch = z.infer<typeof ReplaceBatch>;

export const ReplaceApplyResult = z.object({
  batch: ReplaceBatch,
  /** Chosen cases left alone because they were locked (定稿) by the time of the apply. */
  locked: z.array(ReplaceCaseRef),
});
export type ReplaceApplyResult = z.infer<typeof ReplaceApplyResult>;
