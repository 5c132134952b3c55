import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/ipc/errors.ts';
import type { JobContext } from '../services/jobs.ts';
import type { ParseInput, ParsedImport } from './parseImportFile.ts';

/** Where the worker's entry is; the Electron build points this at its bundled worker file. */
export const importWorkerUrl = { current: new URL('../workers/importWorker.ts', import.meta.url) };

type Message =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'result'; parsed: ParsedImport }
  | { type: 'error'; error: { code: AppError['code']; message: string; details?: Record<string, unknown> } };

/** Parses an import in a worker thread; cancelling the job terminates the worker at once. */
export function runImportWorker(input: ParseInput, ctx: JobContext): Promise<ParsedImport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(importWorkerUrl.current, { workerData: input });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      ctx.signal.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = () => finish(() => reject(new AppError('CANCELLED', 'Import cancelled')));
    ctx.signal.addEventListener('abort', onAbort);
    worker.on('message', (msg: Message) => {
      if (msg.type === 'progress') ctx.progress(msg.phase, msg.done, msg.total);
      else if (msg.type === 'result') finish(() => resolve(msg.parsed));
      else finish(() => reject(new AppError(msg.error.code, msg.error.message, msg.error.details)));
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new AppError('INTERNAL', `Import worker exited with code ${code}`))));
  });
}
