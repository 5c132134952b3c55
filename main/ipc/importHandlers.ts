import type { Handlers } from '../../shared/ipc/contract.ts';
import { commitImport, installSample, previewImport, startImport } from '../services/importService.ts';
import type { AppContext } from '../services/context.ts';

type ImportChannels = 'files:stage' | 'import:start' | 'import:preview' | 'import:commit' | 'sample:install' | 'jobs:get' | 'jobs:cancel';

export function importHandlers(ctx: AppContext): Pick<Handlers, ImportChannels> {
  return {
    'files:stage': ({ name, bytes }) => {
      const { fileId, size, sha256 } = ctx.staging.stage(name, bytes);
      return { fileId, name, size, sha256 };
    },
    'import:start': ({ fileId, scanFileIds, options }) => ({ jobId: startImport(ctx, fileId, scanFileIds, options) }),
    'import:preview': ({ jobId }) => previewImport(ctx, jobId),
    'import:commit': ({ jobId, title, scanOffset, replaceVolumeId }) =>
      commitImport(ctx, jobId, { title, scanOffset, replaceVolumeId }),
    'sample:install': () => installSample(ctx),
    'jobs:get': ({ jobId }) => ctx.jobs.get(jobId),
    'jobs:cancel': ({ jobId }) => {
      ctx.jobs.cancel(jobId);
      return { ok: true };
    },
  };
}
