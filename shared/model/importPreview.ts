import { z } from 'zod';
import { Volume } from './entities.ts';
import { ChangeSite, ImportedFrontMatter, ImportedTocEntry } from './importResult.ts';

/**
 * The preview of a parsed import comes in two parts: a summary (counts, warnings, what each rule
 * did) in one answer, and the rows (pages, cases, contents, front matter, a rule's sites) a slice at
 * a time as the user looks. The parse itself stays with the import's worker.
 */

/** Most rows one slice answer carries. */
export const PREVIEW_SLICE_MAX = 100;
/** Longest text of a row's field in a slice (a garbage line can be a whole page). */
export const PREVIEW_TEXT_MAX = 300;
/** Most unassigned texts the preview's summary lists. */
export const PREVIEW_UNASSIGNED_MAX = 50;

/** What one cleanup rule did: how often, and how many sites can be listed (`import:previewChanges`). */
export const RuleSummary = z.object({
  rule: z.string(),
  count: z.number().int().nonnegative(),
  siteCount: z.number().int().nonnegative(),
});
export type RuleSummary = z.infer<typeof RuleSummary>;

/** One piece of unassigned text as the preview lists it (its text clipped to PREVIEW_TEXT_MAX). */
export const PreviewUnassigned = z.object({
  page: z.number().int().nonnegative(),
  printed: z.number().int().nullable(),
  line: z.number().int().nonnegative(),
  text: z.string(),
  chars: z.number().int().nonnegative(),
  reason: z.string(),
});
export type PreviewUnassigned = z.infer<typeof PreviewUnassigned>;

export const ImportPreview = z.object({
  jobId: z.string(),
  sha256: z.string(),
  sourceName: z.string(),
  encoding: z.string(),
  counts: z.object({
    pages: z.number().int().nonnegative(),
    toc: z.number().int().nonnegative(),
    cases: z.number().int().nonnegative(),
    frontMatter: z.number().int().nonnegative(),
  }),
  /** `key:{params} sentence` strings (shared/import/warnings.ts); a few dozen at most. */
  warnings: z.array(z.string()),
  changes: z.array(RuleSummary),
  /** Pages in the attached scan (0 when none). */
  scanPageCount: z.number().int().nonnegative(),
  /** Suggested scan offset (scanPage = pageIndex + offset), from printed page numbers. */
  suggestedOffset: z.number().int(),
  /** A volume already imported from a file with the same content hash. */
  existingVolume: Volume.nullable(),
  /** The import worker's heap: its peak so far and its limit, in MB. */
  memory: z.object({ peakMb: z.number().nonnegative(), budgetMb: z.number().positive() }),
  /**
   * Text placed in no case or front matter (ImportResult.unassigned): how many pieces, and the first
   * PREVIEW_UNASSIGNED_MAX of them, clipped. Absent from previews made before it existed.
   */
  unassigned: z.object({ total: z.number().int().nonnegative(), items: z.array(PreviewUnassigned) }).optional(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const PreviewSliceInput = z.object({
  jobId: z.string(),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(PREVIEW_SLICE_MAX).default(PREVIEW_SLICE_MAX),
});
export type PreviewSliceInput = z.infer<typeof PreviewSliceInput>;

export const PreviewChangesInput = PreviewSliceInput.extend({ rule: z.string().max(100) });

/** Rows `offset … offset + items.length − 1` of `total`. */
export function PreviewSlice<T extends z.ZodType>(item: T) {
  return z.object({ total: z.number().int().nonnegative(), offset: z.number().int().nonnegative(), items: z.array(item) });
}
export interface PreviewSlice<T> {
  total: number;
  offset: number;
  items: T[];
}

/** Printed page numbers of a row's first and last page (null where the page has none). */
const PagePrinted = z.tuple([z.number().int().nullable(), z.number().int().nullable()]);

export const PreviewPage = z.object({
  index: z.number().int().nonnegative(),
  printed: z.number().int().nullable(),
  startLine: z.number().int().nonnegative(),
  chars: z.number().int().nonnegative(),
  /** The page's raw text (pages are at most a few thousand characters: MAX_PAGE_CHARS). */
  text: z.string(),
});
export type PreviewPage = z.infer<typeof PreviewPage>;

export const PreviewCase = z.object({
  number: z.number().int().nullable(),
  title: z.string(),
  organization: z.string(),
  printedPages: z.tuple([z.number().int(), z.number().int()]).nullable(),
  pageStart: z.number().int().nonnegative(),
  pageEnd: z.number().int().nonnegative(),
  pagePrinted: PagePrinted,
  chars: z.number().int().nonnegative(),
  sections: z.number().int().nonnegative(),
  hasCommentary: z.boolean(),
  /** Why the case needs a look (ImportedCase.review); empty when sure. */
  review: z.array(z.string()).default([]),
});
export type PreviewCase = z.infer<typeof PreviewCase>;

export const PreviewFront = z.object({
  kind: ImportedFrontMatter.shape.kind,
  title: z.string(),
  byline: z.string().nullable(),
  date: z.string().nullable(),
  paragraphs: z.number().int().nonnegative(),
  pageStart: z.number().int().nonnegative(),
  pageEnd: z.number().int().nonnegative(),
  pagePrinted: PagePrinted,
  chars: z.number().int().nonnegative(),
  review: z.array(z.string()).default([]),
});
export type PreviewFront = z.infer<typeof PreviewFront>;

export const PreviewTocEntry = ImportedTocEntry;
export type PreviewTocEntry = z.infer<typeof PreviewTocEntry>;

export const PreviewSite = ChangeSite;
export type PreviewSite = z.infer<typeof PreviewSite>;
