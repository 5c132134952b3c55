import { z } from 'zod';
import { CaseDoc } from './caseDoc.ts';
import { OcrPage } from './ocr.ts';

/** One page of the imported text, in order. */
export const ImportedPage = z.object({
  index: z.number().int().nonnegative(),
  /** The printed page number, read from a running header/footer or inferred from neighbours. */
  printed: z.number().int().nullable(),
  /** 0-based line of the decoded text where the page begins. */
  startLine: z.number().int().nonnegative(),
  /** The page's raw text as decoded, before any cleanup. */
  raw: z.string(),
  /** What OCR read on the page's image, when its text came from OCR (stored with the page). */
  ocr: OcrPage.optional(),
});
export type ImportedPage = z.infer<typeof ImportedPage>;

export const ImportedFrontMatter = z.object({
  kind: z.enum(['foreword', 'preface', 'afterword', 'other']),
  title: z.string(),
  byline: z.string().nullable(),
  paragraphs: z.array(z.string()),
  date: z.string().nullable(),
  pageStart: z.number().int().nonnegative(),
  pageEnd: z.number().int().nonnegative(),
  doc: CaseDoc,
  /**
   * Why the item needs a look: reason keys ('not-in-toc', 'title-unlike-toc', 'toc-entry-skipped'
   * from the alignment; 'not-conserved'; 'unassigned'), each translated as
   * `importReview.reasons.<key>`, an unknown key shown as itself. It is imported flagged 有疑问.
   */
  review: z.array(z.string()).optional(),
});
export type ImportedFrontMatter = z.infer<typeof ImportedFrontMatter>;

export const ImportedTocEntry = z.object({
  number: z.number().int().nullable(),
  title: z.string().nullable(),
  organization: z.string().nullable(),
  page: z.number().int().nullable(),
});
export type ImportedTocEntry = z.infer<typeof ImportedTocEntry>;

export const ImportedSection = z.object({
  heading: z.string().nullable(),
  paragraphs: z.array(z.string()),
});

export const ImportedCase = z.object({
  number: z.number().int().nullable(),
  title: z.string(),
  organization: z.string(),
  commentary: z.object({ paragraphs: z.array(z.string()), signature: z.string().nullable() }).nullable(),
  sections: z.array(ImportedSection),
  /** First and last printed page of the case, when known. */
  printedPages: z.tuple([z.number().int(), z.number().int()]).nullable(),
  /** First and last page index (0-based) of the case. */
  pageStart: z.number().int().nonnegative(),
  pageEnd: z.number().int().nonnegative(),
  doc: CaseDoc,
  /**
   * Why the case's bounds or number need a look (reason keys, as the front-matter item's `review`);
   * absent when sure. Shown in the preview; the case is imported flagged 有疑问.
   */
  review: z.array(z.string()).optional(),
});
export type ImportedCase = z.infer<typeof ImportedCase>;

/**
 * Text the import could not place in a case or the front matter (its structure too uncertain), kept
 * with where it came from: the preview shows it with a warning, and it is imported as one item
 * flagged for review, so that nothing is lost (`shared/import/unassigned.ts`).
 */
export const UnassignedText = z.object({
  /** Page index (0-based). */
  page: z.number().int().nonnegative(),
  /** 0-based line of the decoded text where it begins. */
  line: z.number().int().nonnegative(),
  text: z.string(),
  /** Why it is here, a short key (e.g. 'toc-unread', 'uncertain'). */
  reason: z.string(),
});
export type UnassignedText = z.infer<typeof UnassignedText>;

/** One place a cleanup rule changed the text. */
export const ChangeSite = z.object({
  page: z.number().int().nonnegative(),
  line: z.number().int().nonnegative(),
  before: z.string(),
  after: z.string(),
});
export type ChangeSite = z.infer<typeof ChangeSite>;

/** What one cleanup rule did across the input: how often it fired and where (sites capped). */
export const RuleReport = z.object({
  rule: z.string(),
  count: z.number().int().nonnegative(),
  sites: z.array(ChangeSite),
});
export type RuleReport = z.infer<typeof RuleReport>;

export const ImportResult = z.object({
  sourceName: z.string(),
  encoding: z.string(),
  pages: z.array(ImportedPage),
  frontMatter: z.array(ImportedFrontMatter),
  toc: z.array(ImportedTocEntry),
  cases: z.array(ImportedCase),
  /** Text placed nowhere else (see UnassignedText); absent when everything was placed. */
  unassigned: z.array(UnassignedText).optional(),
  changes: z.array(RuleReport),
  warnings: z.array(z.string()),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportOptions = z.object({
  /** Cleanup rules to leave out (to review or revert what a rule did). */
  disabledRules: z.array(z.string()).default([]),
  /** Keep one space between CJK characters and digits instead of removing it. */
  cjkDigitSpace: z.boolean().default(false),
});
export type ImportOptions = z.infer<typeof ImportOptions>;
