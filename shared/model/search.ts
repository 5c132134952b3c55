import { z } from 'zod';
import { Id } from './ids.ts';
import { Stage } from './stage.ts';
import { CaseSummary } from './entities.ts';

/** Bounds of one search: what the contract accepts and what an answer may carry. */
export const SEARCH_LIMITS = {
  queryChars: 200,
  /** Whitespace-separated terms (each must match). */
  terms: 16,
  /** Cases one answer may list. */
  cases: 500,
  defaultCases: 50,
  /** Excerpts per case, each around a different hit. */
  snippetsPerCase: 3,
} as const;

/**
 * A search over every volume. Without `exact`, each whitespace-separated term must occur (in any
 * order); with it, the whole query is one phrase. Empty or punctuation-only queries are refused by
 * main (SEARCH_EMPTY_QUERY), not here, so the message can say why.
 */
export const SearchInput = z.object({
  query: z
    .string()
    .max(SEARCH_LIMITS.queryChars)
    .refine((q) => q.split(/\s+/u).filter(Boolean).length <= SEARCH_LIMITS.terms, {
      message: `At most ${SEARCH_LIMITS.terms} terms`,
    }),
  exact: z.boolean().default(false),
  volumeId: Id.optional(),
  stage: Stage.optional(),
  tagId: Id.optional(),
  limit: z.number().int().min(1).max(SEARCH_LIMITS.cases).default(SEARCH_LIMITS.defaultCases),
});
export type SearchInput = z.input<typeof SearchInput>;

/** A highlighted stretch of a snippet: UTF-16 offsets into the snippet's `text`, end exclusive. */
export const HighlightRange = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
export type HighlightRange = z.infer<typeof HighlightRange>;

export const SearchSnippet = z.object({
  /** Where the excerpt comes from: the case's text, or its title/organization when only those matched. */
  field: z.enum(['text', 'title', 'organization']),
  /** The excerpt, line breaks shown as spaces, `…` where it was cut. */
  text: z.string(),
  highlights: z.array(HighlightRange),
  /** UTF-16 offset and length of the hit the excerpt is around, in the case's plain text (null outside it). */
  offset: z.number().int().nonnegative().nullable(),
  length: z.number().int().nonnegative(),
  /** Page index (0-based in the volume) the hit was printed on, and that page's printed number. */
  page: z.number().int().nonnegative().nullable(),
  printedLabel: z.string().nullable(),
});
export type SearchSnippet = z.infer<typeof SearchSnippet>;

/** A matching case: its summary, how often the terms occur, and excerpts around the first hits (in text order). */
export const SearchCaseHit = CaseSummary.extend({
  matches: z.number().int().nonnegative(),
  snippets: z.array(SearchSnippet),
});
export type SearchCaseHit = z.infer<typeof SearchCaseHit>;

export const SearchVolumeGroup = z.object({
  volumeId: Id,
  title: z.string(),
  /** Matching cases in the volume, including those past the answer's limit. */
  total: z.number().int().nonnegative(),
  cases: z.array(SearchCaseHit),
});
export type SearchVolumeGroup = z.infer<typeof SearchVolumeGroup>;

/**
 * Ranked hits grouped by volume: volumes in the order of their best case, cases by rank within
 * (bm25 when a term has 3+ characters, else the number of occurrences).
 */
export const SearchResult = z.object({
  /** The terms searched for (one phrase when exact). */
  terms: z.array(z.string()),
  exact: z.boolean(),
  /** Matching cases in all; the groups list at most the limit of them. */
  total: z.number().int().nonnegative(),
  volumes: z.array(SearchVolumeGroup),
});
export type SearchResult = z.infer<typeof SearchResult>;
