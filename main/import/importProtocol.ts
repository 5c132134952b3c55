import type { AppErrorShape } from '../../shared/ipc/errors.ts';
import type { Volume } from '../../shared/model/entities.ts';
import type { PreviewSlice } from '../../shared/model/importPreview.ts';
import type { CommitRequest } from './importWrite.ts';
import type { ParseInput } from './parseImportFile.ts';
import type { PreviewSummary, SliceItem, SliceRequest } from './preview.ts';

// The messages between an import session (main thread) and its worker (main/workers/importWorker.ts).

/** The stop word shared with the worker (an Int32Array over a SharedArrayBuffer), read in its synchronous write loop. */
export const STOP_NONE = 0;
export const STOP_REQUESTED = 1;
/** Set by the worker at its commit point; from then on a stop is refused. */
export const STOP_COMMITTING = 2;

export interface WorkerData {
  input: ParseInput;
  stop: SharedArrayBuffer;
}

export type ToWorker =
  | { type: 'slice'; id: number; req: SliceRequest }
  | { type: 'commit'; id: number; libraryDir: string; scansDir: string; request: CommitRequest };

export type ToMain =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'parsed'; summary: PreviewSummary }
  | { type: 'failed'; error: AppErrorShape }
  | { type: 'reply'; id: number; value: PreviewSlice<SliceItem> | Volume }
  | { type: 'reply'; id: number; error: AppErrorShape };
