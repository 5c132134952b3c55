import { z } from 'zod';
import { Id } from './ids.ts';
import { Stage } from './stage.ts';
import { PAGE_SIZES, PRESET_IDS } from '../export/docxPresets.ts';
import { DEFAULT_FILE_NAME_PATTERN } from '../export/fileNames.ts';

/** What an export request says: the format, which cases, the layout, and how files are named. */

export const EXPORT_FORMATS = ['docx', 'md', 'html', 'epub', 'pdf', 'json', 'txt'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const FORMAT_INFO: Readonly<Record<ExportFormat, { ext: string; mediaType: string; splittable: boolean }>> = {
  docx: { ext: 'docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', splittable: true },
  md: { ext: 'md', mediaType: 'text/markdown; charset=utf-8', splittable: true },
  html: { ext: 'html', mediaType: 'text/html; charset=utf-8', splittable: true },
  epub: { ext: 'epub', mediaType: 'application/epub+zip', splittable: false },
  pdf: { ext: 'pdf', mediaType: 'application/pdf', splittable: false },
  json: { ext: 'json', mediaType: 'application/json', splittable: false },
  txt: { ext: 'txt', mediaType: 'text/plain; charset=utf-8', splittable: true },
};
export const ZIP_MEDIA_TYPE = 'application/zip';

/**
 * Which cases go out: those at a stage (default 定稿 = `final`), chosen cases, or the whole volume
 * (front matter included).
 */
export const ExportScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stage'), stage: Stage }),
  z.object({ kind: z.literal('cases'), caseIds: z.array(Id).min(1).max(10_000) }),
  z.object({ kind: z.literal('volume') }),
]);
export type ExportScope = z.infer<typeof ExportScope>;
export const DEFAULT_SCOPE: ExportScope = { kind: 'stage', stage: 'final' };

/** The settings the dialog remembers between exports. */
export const ExportSettings = z.object({
  format: ExportFormat,
  pageSize: z.enum(PAGE_SIZES),
  preset: z.enum(PRESET_IDS),
  /** `{number}-{title}` by default; also `{organization}`, `{volume}`, `{id}`. */
  fileNamePattern: z.string().trim().min(1).max(200),
  /** One file for all cases, or one file per case (a folder, or a zip when downloaded). */
  split: z.enum(['volume', 'case']),
  /** The kind of scope last used (the cases themselves are not remembered). */
  scopeKind: z.enum(['stage', 'cases', 'volume']),
  stage: Stage,
});
export type ExportSettings = z.infer<typeof ExportSettings>;

export const DEFAULT_EXPORT_SETTINGS: ExportSettings = {
  format: 'docx',
  pageSize: 'a5',
  preset: 'book',
  fileNamePattern: DEFAULT_FILE_NAME_PATTERN,
  split: 'volume',
  scopeKind: 'stage',
  stage: 'final',
};

export const ExportRequest = z.object({
  volumeId: Id,
  scope: ExportScope.default(DEFAULT_SCOPE),
  format: ExportFormat,
  pageSize: z.enum(PAGE_SIZES).default('a5'),
  preset: z.enum(PRESET_IDS).default('book'),
  fileNamePattern: z.string().trim().min(1).max(200).default(DEFAULT_FILE_NAME_PATTERN),
  split: z.enum(['volume', 'case']).default('volume'),
});
export type ExportRequest = z.infer<typeof ExportRequest>;
export type ExportRequestInput = z.input<typeof ExportRequest>;

/** A case named in a summary: what goes out, and what was left out (never silently). */
export const ExportCaseRef = z.object({
  id: Id,
  number: z.number().int().nullable(),
  title: z.string(),
  stage: Stage,
});
export type ExportCaseRef = z.infer<typeof ExportCaseRef>;

export const ExportPreview = z.object({
  volumeId: Id,
  volumeTitle: z.string(),
  /** The file (or, split, the folder or zip) the export will be named. */
  fileName: z.string(),
  included: z.array(ExportCaseRef),
  excluded: z.array(ExportCaseRef),
});
export type ExportPreview = z.infer<typeof ExportPreview>;

export const ExportSummary = ExportPreview.extend({
  jobId: z.string(),
  format: ExportFormat,
  /** Files written (1, or one per case when split). */
  files: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  /** `download`: fetch it from `GET /export/<jobId>` (browser mode); `saved`: written to `path`. */
  delivery: z.enum(['download', 'saved']),
  path: z.string().nullable(),
});
export type ExportSummary = z.infer<typeof ExportSummary>;
