import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/ipc/errors.ts';
import type { Volume } from '../../shared/model/entities.ts';
import type { PreviewSlice } from '../../shared/model/importPreview.ts';
import type { JobContext } from '../services/jobs.ts';
import { STOP_COMMITTING, STOP_NONE, STOP_REQUESTED, type ToMain, type ToWorker, type WorkerData } from './importProtocol.ts';
import type { CommitRequest } from './importWrite.ts';
import type { ParseInput } from './parseImportFile.ts';
import type { PreviewSummary, SliceItem, SliceRequest } from './preview.ts';

/** Where the worker's entry is; the Electron build points this at its bundled worker file. */
export const importWorkerUrl = { current: new URL('../workers/importWorker.ts', import.meta.url) };

const MB = 1024 * 1024;

/**
 * The memory one import may use: its worker's V8 heap limits. A fixed base (the pipeline's code,
 * pdf.js) plus a multiple of the input's size (measured, `npm run bench`: the worker's heap peaks
 * at 25–40 MB plus about 11× a structured text layer's bytes, from its per-line records and the
 * documents it builds; unstructured text and PDFs far less), capped so that no input takes more
 * than 1 GB. Past the limit the worker is stopped: IMPORT_OUT_OF_MEMORY.
 */
export const IMPORT_MEMORY = { baseMb: 96, perInputByte: 16, youngMb: 32, maxMb: 1024 } as const;

export interface ImportBudget {
  inputBytes: number;
  /** maxOldGenerationSizeMb of the worker. */
  oldMb: number;
  /** maxYoungGenerationSizeMb of the worker. */
  youngMb: number;
  totalMb: number;
}

export function importBudget(inputBytes: number): ImportBudget {
  const { baseMb, perInputByte, youngMb, maxMb } = IMPORT_MEMORY;
  const oldMb = Math.min(maxMb - youngMb, Math.ceil(baseMb + (perInputByte * inputBytes) / MB));
  return { inputBytes, oldMb, youngMb, totalMb: oldMb + youngMb };
}

const HEAP_SAMPLE_MS = 25;

interface Call {
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

/**
 * One import's worker, seen from the main thread: parse (`parsed`), then slices of the preview, then
 * the commit, then `end`. The parse lives only in the worker; what crosses is the summary, a slice
 * at a time, and the volume written. Cancelling the parse stops the worker; cancelling the commit
 * asks its write loop to roll back (refused once it is past its commit point).
 */
export class ImportSession {
  readonly budget: ImportBudget;
  #worker: Worker;
  #stop: Int32Array;
  #calls = new Map<number, Call>();
  #seq = 0;
  #onProgress: JobContext['progress'] | null = null;
  #parsed: Promise<PreviewSummary>;
  #exited: Promise<void>;
  #gone: AppError | null = null;
  /** Why the worker is no longer there, once it has exited. */
  #exit: AppError | null = null;
  #commit: Promise<Volume> | null = null;
  #ending: Promise<void> | null = null;
  #peakHeap = 0;
  #sampler: NodeJS.Timeout | null = null;

  /** `budget` defaults to `importBudget(inputBytes)` (tests set a small one). */
  constructor(input: ParseInput, inputBytes: number, budget: ImportBudget = importBudget(inputBytes)) {
    this.budget = budget;
    const stop = new SharedArrayBuffer(4);
    this.#stop = new Int32Array(stop);
    const data: WorkerData = { input, stop };
    this.#worker = new Worker(importWorkerUrl.current, {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: this.budget.oldMb, maxYoungGenerationSizeMb: this.budget.youngMb },
    });
    let parsed!: Call;
    this.#parsed = new Promise<PreviewSummary>((resolve, reject) => {
      parsed = { resolve: (v) => resolve(v as PreviewSummary), reject };
    });
    this.#parsed.catch(() => undefined);
    this.#worker.on('message', (msg: ToMain) => {
      switch (msg.type) {
        case 'progress':
          this.#onProgress?.(msg.phase, msg.done, msg.total);
          break;
        case 'parsed':
          this.#sample(false);
          parsed.resolve(msg.summary);
          break;
        case 'failed':
          parsed.reject(new AppError(msg.error.code, msg.error.message, msg.error.details));
          break;
        case 'reply': {
          const call = this.#calls.get(msg.id);
          this.#calls.delete(msg.id);
          if ('error' in msg) call?.reject(new AppError(msg.error.code, msg.error.message, msg.error.details));
          else call?.resolve(msg.value);
        }
      }
    });
    this.#worker.on('error', (err: Error & { code?: string }) => {
      this.#gone =
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new AppError('IMPORT_OUT_OF_MEMORY', `The import needed more memory than its limit of ${this.budget.totalMb} MB`, {
              budgetMb: this.budget.totalMb,
              inputMb: Math.round((inputBytes / MB) * 10) / 10,
            })
          : new AppError('INTERNAL', `Import worker failed: ${err.message}`);
    });
    this.#exited = new Promise((resolve) => {
      this.#worker.once('exit', (code) => {
        this.#sample(false);
        const err = this.#gone ?? new AppError(this.#ending ? 'CANCELLED' : 'INTERNAL', `Import worker exited (code ${code})`);
        this.#exit = err;
        parsed.reject(err);
        for (const call of this.#calls.values()) call.reject(err);
        this.#calls.clear();
        resolve();
      });
    });
    this.#sample(true);
  }

  /** The worker's heap at its highest so far (sampled), in bytes. */
  get peakHeapBytes(): number {
    return this.#peakHeap;
  }

  /** Waits for the parse; cancelling the job stops the worker at once. */
  async parsed(job: JobContext): Promise<PreviewSummary> {
    this.#onProgress = job.progress;
    const onAbort = (): void => void this.end();
    job.signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await this.#parsed;
    } finally {
      job.signal.removeEventListener('abort', onAbort);
      this.#onProgress = null;
    }
  }

  slice(req: SliceRequest): Promise<PreviewSlice<SliceItem>> {
    return this.#call({ type: 'slice', id: 0, req }) as Promise<PreviewSlice<SliceItem>>;
  }

  /** Writes the volume from the worker; progress is cases written. */
  commit(libraryDir: string, scansDir: string, request: CommitRequest, job: JobContext): Promise<Volume> {
    if (this.#commit) throw new AppError('CONFLICT', 'This import is already being written');
    this.#onProgress = job.progress;
    job.onCancel(() => Atomics.compareExchange(this.#stop, 0, STOP_NONE, STOP_REQUESTED) !== STOP_COMMITTING);
    this.#sample(true);
    this.#commit = (this.#call({ type: 'commit', id: 0, libraryDir, scansDir, request }) as Promise<Volume>).finally(() => {
      this.#sample(false);
      this.#onProgress = null;
    });
    return this.#commit;
  }

  /** Lets the worker go: a commit in flight is asked to stop and awaited (rolled back or done), then the thread ends. */
  end(): Promise<void> {
    this.#ending ??= (async () => {
      Atomics.compareExchange(this.#stop, 0, STOP_NONE, STOP_REQUESTED);
      await this.#commit?.catch(() => undefined);
      await this.#worker.terminate();
      await this.#exited;
    })();
    return this.#ending;
  }

  #call(msg: ToWorker): Promise<unknown> {
    if (this.#exit) return Promise.reject(this.#exit);
    if (this.#ending) return Promise.reject(new AppError('CANCELLED', 'The import has ended'));
    const id = ++this.#seq;
    return new Promise((resolve, reject) => {
      this.#calls.set(id, { resolve, reject });
      this.#worker.postMessage({ ...msg, id });
    });
  }

  /** Samples the worker's heap while it works (parse, commit), and once as it stops; an idle worker is left alone. */
  #sample(on: boolean): void {
    const once = (): void => {
      this.#worker.getHeapStatistics().then(
        (s) => (this.#peakHeap = Math.max(this.#peakHeap, s.used_heap_size)),
        () => undefined,
      );
    };
    if (this.#sampler) {
      clearInterval(this.#sampler);
      if (!this.#exit) once();
    }
    this.#sampler = null;
    if (!on) return;
    this.#sampler = setInterval(once, HEAP_SAMPLE_MS);
    this.#sampler.unref();
  }
}
