import type { Handlers } from '../../shared/ipc/contract.ts';
import { exportResult, previewExport, startExport } from '../services/exportService.ts';
import type { AppContext } from '../services/context.ts';

export function exportHandlers(ctx: AppContext): Pick<Handlers, 'export:preview' | 'export:start' | 'export:result'> {
  return {
    'export:preview': (req) => previewExport(ctx, req),
    'export:start': (req) => startExport(ctx, req),
    'export:result': ({ jobId }) => exportResult(ctx, jobId),
  };
}
