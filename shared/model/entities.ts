import { z } from 'zod';
import { Id, Timestamp } from './ids.ts';
import { PageStatus, Stage } from './stage.ts';
import { CaseDoc } from './caseDoc.ts';

export const ScanKind = z.enum(['pdf', 'images']);

/** A scan attached to a volume: a PDF or an ordered list of images, stored by content hash. */
export const ScanInfo = z.object({
  kind: ScanKind,
  /** File names inside the library's scans/ folder (one for a PDF, one per image). */
  files: z.array(z.string()),
  pageCount: z.number().int().nonnegative(),
  /** scanPage = textPageIndex + offset (both 0-based), as adjusted by the user at import. */
  offset: z.number().int(),
});
export type ScanInfo = z.infer<typeof ScanInfo>;

export const Volume = z.object({
  id: Id,
  title: z.string(),
  sourceName: z.string().nullable(),
  sourceHash: z.string().nullable(),
  scan: ScanInfo.nullable(),
  caseCount: z.number().int().nonnegative(),
  pageCount: z.number().int().nonnegative(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Volume = z.infer<typeof Volume>;

export const Page = z.object({
  id: Id,
  volumeId: Id,
  index: z.number().int().nonnegative(),
  /** The book's page number as printed (or inferred), null on unnumbered pages. */
  printedLabel: z.string().nullable(),
  /** 0-based page of the volume's scan shown for this page, null when no scan page pairs with it. */
  scanPage: z.number().int().nonnegative().nullable(),
  rawText: z.string(),
  status: PageStatus,
});
export type Page = z.infer<typeof Page>;

export const CaseSummary = z.object({
  id: Id,
  volumeId: Id,
  number: z.number().int().nullable(),
  title: z.string(),
  organization: z.string(),
  stage: Stage,
  assignee: z.string().nullable(),
  pageStart: z.number().int().nullable(),
  pageEnd: z.number().int().nullable(),
  printedStart: z.string().nullable(),
  printedEnd: z.string().nullable(),
  version: z.number().int().positive(),
  updatedAt: Timestamp,
  /** The reason of the case's open 有疑问 flag ('' when none was given), null when not flagged. */
  flag: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const Case = CaseSummary.extend({
  doc: CaseDoc,
  text: z.string(),
  createdAt: Timestamp,
});
export type Case = z.infer<typeof Case>;

export { CaseEvent } from '../workflow/events.ts';

/**
 * replace / undo-replace: written by a volume-wide replace and by undoing its batch; merge: the case
 * rebuilt from the team's changes merged through the office server (who = 'sync').
 */
export const RevisionKind = z.enum(['import', 'save', 'restore', 'replace', 'undo-replace', 'merge']);
export const RevisionSummary = z.object({
  id: Id,
  caseId: Id,
  version: z.number().int().positive(),
  kind: RevisionKind,
  who: z.string(),
  at: Timestamp,
  chars: z.number().int().nonnegative(),
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;
export const Revision = RevisionSummary.extend({ doc: CaseDoc, text: z.string() });
export type Revision = z.infer<typeof Revision>;

export const TocEntry = z.object({
  id: Id,
  volumeId: Id,
  number: z.number().int().nullable(),
  title: z.string().nullable(),
  organization: z.string().nullable(),
  page: z.number().int().nullable(),
});
export type TocEntry = z.infer<typeof TocEntry>;

/** `color` is a CSS hex colour (#rrggbb) or '' for the default. */
export const Tag = z.object({ id: Id, name: z.string(), color: z.string() });
export type Tag = z.infer<typeof Tag>;
/** A tag's name as typed by a user: a short label (社区、企业、高校…). */
export const TagName = z.string().trim().min(1).max(50);
