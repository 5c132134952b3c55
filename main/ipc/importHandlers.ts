import type { Handlers } from '../../shared/ipc/contract.ts';
import type {
  PreviewCase,
  PreviewFront,
  PreviewPage,
  PreviewSite,
  PreviewSlice,
  PreviewTocEntry,
} from '../../shared/model/importPreview.ts';
import type { SliceRequest } from '../import/preview.ts';
import { commitImport, installSample, previewImport, previewSlice, startImport } from '../services/importService.ts';
import type { AppContext } from '../services/context.ts';
import { importStagedExportJson } from '../services/jsonReimport.ts';

type ImportChannels =
  | 'files:stage'
  | 'files:bundle'
  | 'import:start'
  | 'import:preview'
  | 'import:previewPages'
  | 'import:previewCases'
  | 'import:previewToc'
  | 'import:previewFront'
  | 'import:previewChanges'
  | 'import:commit'
  | 'sample:install'
  | 'import:json'
  | 'jobs:get'
  | 'jobs:cancel';

export function importHandlers(ctx: AppContext): Pick<Handlers, ImportChannels> {
  // The worker answers each kind of slice with that kind's rows.
  const slice = <T>(jobId: string, req: SliceRequest) => previewSlice(ctx, jobId, req) as Promise<PreviewSlice<T>>;
  return {
    'files:stage': ({ name, bytes }) => {
      const { fileId, size, sha256 } = ctx.staging.stage(name, bytes);
      return { fileId, name, size, sha256 };
    },
    'files:bundle': ({ fileIds }) => {
      const { fileId, name, size, sha256 } = ctx.staging.bundle(fileIds);
      return { fileId, name, size, sha256 };
    },
    'import:start': ({ fileId, scanFileIds, options }) => ({ jobId: startImport(ctx, fileId, scanFileIds, options) }),
    'import:preview': ({ jobId }) => previewImport(ctx, jobId),
    'import:previewPages': ({ jobId, offset, limit }) => slice<PreviewPage>(jobId, { kind: 'pages', offset, limit }),
    'import:previewCases': ({ jobId, offset, limit }) => slice<PreviewCase>(jobId, { kind: 'cases', offset, limit }),
    'import:previewToc': ({ jobId, offset, limit }) => slice<PreviewTocEntry>(jobId, { kind: 'toc', offset, limit }),
    'import:previewFront': ({ jobId, offset, limit }) => slice<PreviewFront>(jobId, { kind: 'front', offset, limit }),
    'import:previewChanges': ({ jobId, rule, offset, limit }) =>
      slice<PreviewSite>(jobId, { kind: 'changes', rule, offset, limit }),
    'import:commit': ({ jobId, title, scanOffset, replaceVolumeId }) =>
      commitImport(ctx, jobId, { title, scanOffset, replaceVolumeId }),
    'sample:install': () => installSample(ctx),
    'import:json': ({ fileId, title }) => importStagedExportJson(ctx, fileId, title),
    'jobs:get': ({ jobId }) => ctx.jobs.get(jobId),
    'jobs:cancel': ({ jobId }) => {
      ctx.jobs.cancel(jobId);
      return { ok: true };
    },
  };
}
