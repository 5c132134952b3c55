import { z } from 'zod';
import { Id } from '../model/ids.ts';
import { Stage, PageStatus } from '../model/stage.ts';
import { BlockId, BoundedCaseDoc, CASE_LIMITS } from '../model/caseDoc.ts';
import {
  Case,
  CaseEvent,
  CaseSummary,
  Page,
  Revision,
  RevisionSummary,
  Tag,
  TagName,
  TocEntry,
  Volume,
} from '../model/entities.ts';
import { Prefs, PrefsPatch } from '../model/prefs.ts';
import { OcrPage } from '../model/ocr.ts';
import { ReocrRotation } from '../model/reocr.ts';
import { ImportOptions } from '../model/importResult.ts';
import {
  ImportPreview,
  PreviewCase,
  PreviewChangesInput,
  PreviewFront,
  PreviewPage,
  PreviewSite,
  PreviewSlice,
  PreviewSliceInput,
  PreviewTocEntry,
} from '../model/importPreview.ts';
import { BackupInfo, RestoreBackupInput, RestoredBackup } from '../model/backup.ts';
import { ExportPreview, ExportRequest, ExportSummary } from '../model/export.ts';
import { SearchInput, SearchResult } from '../model/search.ts';
import { ReplaceApplyInput, ReplaceApplyResult, ReplaceBatch, ReplacePreview, ReplacePreviewInput } from '../model/replace.ts';
import { CaseWorkflow, WorkflowActionInput } from '../workflow/schemas.ts';
import { STAGE_LIMITS, WorkflowSettings } from '../workflow/settings.ts';
import { ImportWordsInput, SetWordInput, WordEntry, WordExport, WordImportResult } from '../model/wordList.ts';
import { Assignee, AssigneeCount, BulkResult, CaseIdList, CaseTagIds, TagColor, TagUsage } from '../model/tags.ts';
import { CaseNote, NoteBody } from '../model/notes.ts';
import { VolumeDashboard } from '../model/dashboard.ts';
import { CollabInfo, SyncCertificate, SyncConnectInput, SyncReview, SyncView } from '../model/sync.ts';
import { AppErrorShape } from './errors.ts';
import { LibraryStatus, LockIdentity } from './library.ts';

const Ok = z.object({ ok: z.literal(true) });

export const JobState = z.enum(['running', 'done', 'failed', 'cancelled']);
export const JobStatus = z.object({
  id: z.string(),
  kind: z.string(),
  state: JobState,
  /** Free-form phase name (e.g. `decode`, `pages`, `segment`) for the progress label. */
  phase: z.string(),
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
  error: AppErrorShape.nullable(),
});
export type JobStatus = z.infer<typeof JobStatus>;

export const StagedFile = z.object({
  fileId: z.string(),
  name: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string(),
});
export type StagedFile = z.infer<typeof StagedFile>;

export { ImportPreview } from '../model/importPreview.ts';

/**
 * The one table of what crosses the process boundary. Main registers a handler per key and
 * validates `input` before calling it; the renderer reaches these only through the typed client.
 */
export const contract = {
  'app:info': {
    input: z.object({}),
    output: z.object({
      version: z.string(),
      mode: z.enum(['electron', 'web']),
      libraryPath: z.string(),
      isEmpty: z.boolean(),
    }),
  },
  'prefs:get': { input: z.object({}), output: Prefs },
  'prefs:set': { input: PrefsPatch, output: Prefs },

  /** Whether the library is open; when not, why (and who holds its lock). Answered in recovery mode too. */
  'library:status': { input: z.object({}), output: LibraryStatus },
  /** Opens the library again after a failure (the user fixed something, or the other instance closed). */
  'library:retry': { input: z.object({}), output: LibraryStatus },
  /** Removes a lock held by another host or a dead process and opens the library; only on the user's confirmation. */
  'library:takeOver': { input: z.object({ confirm: z.literal(true), lock: LockIdentity.optional() }), output: LibraryStatus },

  'volumes:list': { input: z.object({}), output: z.array(Volume) },
  'volumes:get': { input: z.object({ id: Id }), output: Volume },
  'volumes:create': { input: z.object({ title: z.string().trim().min(1).max(200) }), output: Volume },
  'volumes:rename': {
    input: z.object({ id: Id, title: z.string().trim().min(1).max(200) }),
    output: Volume,
  },
  'volumes:delete': { input: z.object({ id: Id }), output: Ok },
  'volumes:attachScan': {
    input: z.object({ id: Id, fileId: z.string(), offset: z.number().int() }),
    output: Volume,
  },
  'volumes:setScanOffset': { input: z.object({ id: Id, offset: z.number().int() }), output: Volume },

  'cases:list': {
    input: z.object({ volumeId: Id, stage: Stage.optional() }),
    output: z.array(CaseSummary),
  },
  'cases:get': { input: z.object({ id: Id }), output: Case },
  'cases:save': {
    input: z.object({
      id: Id,
      /** The version the edit was based on; a different stored version is a CONFLICT. */
      version: z.number().int().positive(),
      doc: BoundedCaseDoc,
      title: z.string().trim().min(1).max(CASE_LIMITS.titleChars).optional(),
      organization: z.string().trim().max(CASE_LIMITS.organizationChars).optional(),
    }),
    output: CaseSummary,
  },
  /** A workflow action on a case (sign-off one stage forward, send back, unlock, flag 有疑问, clear the flag). */
  'cases:act': {
    input: z.object({ id: Id, action: WorkflowActionInput }),
    output: z.object({ case: CaseSummary, event: CaseEvent }),
  },
  /** Where the case stands by its log: stage, flag, last signer, open notes, locked. */
  'cases:workflow': { input: z.object({ id: Id }), output: CaseWorkflow },
  /** The library's stage list and sign-off rule. */
  'workflow:get': { input: z.object({}), output: WorkflowSettings },
  'workflow:set': {
    input: z.object({
      stages: z
        .array(z.object({ key: Stage.optional(), name: z.string().trim().min(1).max(20).nullable() }))
        .min(STAGE_LIMITS.min)
        .max(STAGE_LIMITS.max),
      allowSameSigner: z.boolean(),
    }),
    output: WorkflowSettings,
  },
  'cases:events': { input: z.object({ id: Id }), output: z.array(CaseEvent) },
  'cases:revisions': { input: z.object({ id: Id }), output: z.array(RevisionSummary) },
  'cases:restore': {
    input: z.object({ id: Id, revisionId: Id, version: z.number().int().positive() }),
    output: Case,
  },
  'revisions:get': { input: z.object({ id: Id }), output: Revision },

  'pages:list': { input: z.object({ volumeId: Id }), output: z.array(Page) },
  'pages:setStatus': { input: z.object({ id: Id, status: PageStatus }), output: Page },
  /** What OCR read on a page (by volume and 0-based page index): null when its text came from a text layer. */
  'pages:ocr': { input: z.object({ volumeId: Id, index: z.number().int().nonnegative() }), output: OcrPage.nullable() },
  // Re-OCR of one page (main/services/reocrService.ts): read again on demand, kept only when the user says so.
  /** Starts reading a page again from the volume's scan (a job: poll `jobs:get`, then `pages:reocrResult`). Writes nothing. */
  'pages:reocr': {
    input: z.object({ volumeId: Id, index: z.number().int().nonnegative(), rotation: ReocrRotation.default('auto') }),
    output: z.object({ jobId: z.string() }),
  },
  /** The new reading of a finished `pages:reocr` job. */
  'pages:reocrResult': { input: z.object({ jobId: z.string() }), output: OcrPage },
  /** Keeps a reading as the page's OCR (its text is not touched). */
  'pages:setOcr': { input: z.object({ volumeId: Id, index: z.number().int().nonnegative(), ocr: OcrPage }), output: Ok },
  'toc:list': { input: z.object({ volumeId: Id }), output: z.array(TocEntry) },

  /** Cases per stage in a volume, every stage present. */
  'cases:stageCounts': { input: z.object({ volumeId: Id }), output: z.record(Stage, z.number().int().nonnegative()) },
  'cases:setAssignee': {
    input: z.object({ id: Id, assignee: z.string().trim().min(1).max(100).nullable() }),
    output: CaseSummary,
  },
  'cases:tags': { input: z.object({ id: Id }), output: z.array(Tag) },
  /** Tags a case by name, creating the tag when it is new; answers the case's tags. */
  'cases:tag': { input: z.object({ id: Id, name: TagName }), output: z.array(Tag) },
  'cases:untag': { input: z.object({ id: Id, tagId: Id }), output: z.array(Tag) },
  /** Every tag, by name, with how many cases carry it. */
  'tags:list': { input: z.object({}), output: z.array(TagUsage) },
  'tags:rename': { input: z.object({ id: Id, name: TagName }), output: Tag },
  'tags:delete': { input: z.object({ id: Id }), output: Ok },
  // Tags and assignees in the case table: colours, a volume's tag map, bulk edits of selected cases (tagsHandlers.ts).
  'tags:setColor': { input: z.object({ id: Id, color: TagColor }), output: Tag },
  /** Which tags each case of a volume carries (untagged cases left out). */
  'cases:tagMap': { input: z.object({ volumeId: Id }), output: z.array(CaseTagIds) },
  /** The distinct assignees of the library's cases. */
  'cases:assignees': { input: z.object({}), output: z.array(AssigneeCount) },
  /** Tags the cases by name (creating the tag, with `color` if it is new); one transaction, an unknown id refuses all. */
  'cases:bulkTag': {
    input: z.object({ ids: CaseIdList, name: TagName, color: TagColor.optional() }),
    output: BulkResult.extend({ tag: Tag }),
  },
  'cases:bulkUntag': { input: z.object({ ids: CaseIdList, tagId: Id }), output: BulkResult },
  /** Assigns the cases (null clears); one transaction, an unknown id refuses all. */
  'cases:bulkAssign': { input: z.object({ ids: CaseIdList, assignee: Assignee.nullable() }), output: BulkResult },
  // Search across volumes.
  /** Full-text search over cases' titles, organizations and text: ranked hits grouped by volume, with excerpts. */
  'search:cases': { input: SearchInput, output: SearchResult },

  /** Upload a file the user chose (bytes travel once; later calls name it by fileId). */
  'files:stage': {
    input: z.object({ name: z.string().min(1).max(500), bytes: z.instanceof(Uint8Array) }),
    output: StagedFile,
  },
  /**
   * Several staged page images (JPEG/PNG/TIFF) made one scan, its pages in the natural order of the
   * images' names (as a folder's): a new staged file for `import:start`; the images are not staged alone any more.
   */
  'files:bundle': { input: z.object({ fileIds: z.array(z.string()).min(1).max(1000) }), output: StagedFile },
  /** Parse a staged file off the main thread; poll `jobs:get`, then read `import:preview`. */
  'import:start': {
    input: z.object({
      fileId: z.string(),
      scanFileIds: z.array(z.string()).default([]),
      options: ImportOptions.default({ disabledRules: [], cjkDigitSpace: false }),
    }),
    output: z.object({ jobId: z.string() }),
  },
  /** A parsed import's summary; its rows come a slice at a time from the `import:preview*` channels below. */
  'import:preview': { input: z.object({ jobId: z.string() }), output: ImportPreview },
  'import:previewPages': { input: PreviewSliceInput, output: PreviewSlice(PreviewPage) },
  'import:previewCases': { input: PreviewSliceInput, output: PreviewSlice(PreviewCase) },
  'import:previewToc': { input: PreviewSliceInput, output: PreviewSlice(PreviewTocEntry) },
  'import:previewFront': { input: PreviewSliceInput, output: PreviewSlice(PreviewFront) },
  /** The sites where one cleanup rule changed the text. */
  'import:previewChanges': { input: PreviewChangesInput, output: PreviewSlice(PreviewSite) },
  /**
   * Write a previewed import into the library in one transaction, off the main thread (a backup is
   * taken first). While it runs, `jobs:get` on the import's jobId shows the cases written and
   * `jobs:cancel` rolls it back; it answers with the volume once written. The import then ends.
   */
  'import:commit': {
    input: z.object({
      jobId: z.string(),
      title: z.string().trim().min(1).max(200),
      scanOffset: z.number().int().default(0),
      /** Replace this volume (re-import) instead of creating a new one. */
      replaceVolumeId: Id.nullable().default(null),
    }),
    output: Volume,
  },
  /** Import the bundled sample volume (the seed excerpt with its PDF scan). */
  'sample:install': { input: z.object({}), output: Volume },
  /** Import a staged JSON export (shared/export/jsonSchema.ts) as a new volume: the same cases, no preview needed. */
  'import:json': {
    input: z.object({ fileId: z.string(), title: z.string().trim().min(1).max(200).optional() }),
    output: Volume,
  },

  /** Which cases an export would take and leave out, and the name it would write (for the dialog's count). */
  'export:preview': { input: ExportRequest, output: ExportPreview },
  /**
   * Starts an export job: poll `jobs:get`, then read `export:result`. Browser mode then downloads
   * `GET /export/<jobId>`; Electron asks where to save before the job starts (CANCELLED if the user closes the dialog).
   */
  'export:start': { input: ExportRequest, output: z.object({ jobId: z.string(), fileName: z.string() }) },
  'export:result': { input: z.object({ jobId: z.string() }), output: ExportSummary },

  'jobs:get': { input: z.object({ jobId: z.string() }), output: JobStatus },
  'jobs:cancel': { input: z.object({ jobId: z.string() }), output: Ok },

  /** Copies of the library in its `backups/` folder, newest first. */
  'backups:list': { input: z.object({}), output: z.array(BackupInfo) },
  /** Take a copy now ("back up now"). */
  'backups:create': { input: z.object({}), output: BackupInfo },
  /** Put a backup in place of the library (the current file is kept as a backup), then reopen it. */
  'backups:restore': { input: RestoreBackupInput, output: RestoredBackup },

  // Team sync: the library shared through an office server (see main/sync/).
  /** Whether the library is connected, and how the connection stands. */
  'sync:status': { input: z.object({}), output: SyncView },
  /** Reads a `wss://` server's certificate (nothing sent but the handshake), for the user to confirm its fingerprint. */
  'sync:probe': { input: z.object({ url: SyncConnectInput.shape.url }), output: SyncCertificate },
  /** Connects the library to a server (address, user, token from `users add`); it keeps working offline. */
  'sync:connect': { input: SyncConnectInput, output: SyncView },
  /** Makes the library local-only again (its shared documents stay in it, unsent changes too). */
  'sync:disconnect': { input: z.object({}), output: SyncView },
  /** What the editor needs to edit a case collaboratively; null: edit it through saves as before. */
  'sync:collab': { input: z.object({ caseId: Id }), output: CollabInfo },
  /** A case a team merge changed after it was signed: the signed and the current text (null: not marked). */
  'sync:review': { input: z.object({ caseId: Id }), output: SyncReview },
  /** Clears a case's review mark once someone has reviewed the merge. */
  'sync:clearReview': { input: z.object({ caseId: Id }), output: Ok },

  // Volume-wide replace: preview every hit, apply the chosen ones as one batch, undo any batch later.
  /** Hits of a literal or regular expression in a volume (or some of its cases); locked cases listed apart. */
  'replace:preview': { input: ReplacePreviewInput, output: ReplacePreview },
  /** Replaces the chosen hits in one transaction (a new version of each case), recorded as a batch with the reason. */
  'replace:apply': { input: ReplaceApplyInput, output: ReplaceApplyResult },
  /** A volume's batches, newest first. */
  'replace:batches': { input: z.object({ volumeId: Id }), output: z.array(ReplaceBatch) },
  /** Restores every case a batch touched, exactly; refused (nothing written) if one was edited after it. */
  'replace:undo': { input: z.object({ id: Id }), output: ReplaceBatch },

  // Word list: the library's good and bad words, feeding the suspects (shared/proof/wordList.ts).
  'words:list': { input: z.object({}), output: z.array(WordEntry) },
  /** Adds a word or changes the one spelled so; with `id`, edits (and may respell) that entry. */
  'words:set': { input: SetWordInput, output: WordEntry },
  'words:remove': { input: z.object({ id: Id }), output: Ok },
  /** Merges a word list file (the text format of shared/proof/wordList.ts); a malformed line refuses it whole. */
  'words:import': { input: ImportWordsInput, output: WordImportResult },
  'words:export': { input: z.object({}), output: WordExport },

  // Notes: remarks anchored to a block of a case, with replies; each answers the case's notes in document order.
  'notes:list': { input: z.object({ caseId: Id }), output: z.array(CaseNote) },
  /** A note on a block of the case's stored document (its id from `cases:get`); the author is the user name. */
  'notes:add': { input: z.object({ caseId: Id, blockId: BlockId, body: NoteBody }), output: z.array(CaseNote) },
  'notes:reply': { input: z.object({ noteId: Id, body: NoteBody }), output: z.array(CaseNote) },
  'notes:resolve': { input: z.object({ noteId: Id }), output: z.array(CaseNote) },
  'notes:reopen': { input: z.object({ noteId: Id }), output: z.array(CaseNote) },

  // Dashboard: a volume at a glance (cases by stage and assignee, pages, cases needing attention, progress, activity).
  'dashboard:volume': { input: z.object({ volumeId: Id }), output: VolumeDashboard },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

/** What a handler table must provide: one function per channel, taking the parsed input. */
export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Output<C>> | Output<C> };

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

/** Result envelope used by both transports. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
