import type { Handlers } from '../../shared/ipc/contract.ts';
import { keepPageOcr, reocrResult, startReocr } from '../services/reocrService.ts';
import type { AppContext } from '../services/context.ts';

export function ocrHandlers(ctx: AppContext): Pick<Handlers, 'pages:reocr' | 'pages:reocrResult' | 'pages:setOcr'> {
  return {
    'pages:reocr': (input) => startReocr(ctx, input),
    'pages:reocrResult': ({ jobId }) => reocrResult(ctx, jobId),
    'pages:setOcr': (input) => keepPageOcr(ctx, input),
  };
}
