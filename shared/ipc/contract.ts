import { z } from 'zod';
import { Id } from '../model/ids.ts';
import { Stage, PageStatus } from '../model/stage.ts';
import { CaseDoc } from '../model/caseDoc.ts';
import {
  Case,
  CaseEvent,
  CaseSummary,
  Page,
  Revision,
  RevisionSummary,
  TocEntry,
  Volume,
} from '../model/entities.ts';
import { Prefs, PrefsPatch } from '../model/prefs.ts';
import { ImportOptions, ImportResult } from '../model/importResult.ts';
import { AppErrorShape } from './errors.ts';

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

export const ImportPreview = z.object({
  jobId: z.string(),
  sha256: z.string(),
  result: ImportResult,
  /** Pages in the attached scan (0 when none). */
  scanPageCount: z.number().int().nonnegative(),
  /** Suggested scan offset (scanPage = pageIndex + offset), from printed page numbers. */
  suggestedOffset: z.number().int(),
  /** A volume already imported from a file with the same content hash. */
  existingVolume: Volume.nullable(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

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
      doc: CaseDoc,
      title: z.string().optional(),
      organization: z.string().optional(),
    }),
    output: CaseSummary,
  },
  'cases:setStage': {
    input: z.object({ id: Id, stage: Stage, note: z.string().max(2000).optional() }),
    output: CaseSummary,
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
  'toc:list': { input: z.object({ volumeId: Id }), output: z.array(TocEntry) },

  /** Upload a file the user chose (bytes travel once; later calls name it by fileId). */
  'files:stage': {
    input: z.object({ name: z.string().min(1).max(500), bytes: z.instanceof(Uint8Array) }),
    output: StagedFile,
  },
  /** Parse a staged file off the main thread; poll `jobs:get`, then read `import:preview`. */
  'import:start': {
    input: z.object({
      fileId: z.string(),
      scanFileIds: z.array(z.string()).default([]),
      options: ImportOptions.default({ disabledRules: [], cjkDigitSpace: false }),
    }),
    output: z.object({ jobId: z.string() }),
  },
  'import:preview': { input: z.object({ jobId: z.string() }), output: ImportPreview },
  /** Write a previewed import into the library in one transaction. */
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

  'jobs:get': { input: z.object({ jobId: z.string() }), output: JobStatus },
  'jobs:cancel': { input: z.object({ jobId: z.string() }), output: Ok },
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
