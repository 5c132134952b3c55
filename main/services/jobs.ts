import { randomUUID } from 'node:crypto';
import type { JobStatus } from '../../shared/ipc/contract.ts';
import { AppError, toErrorShape } from '../../shared/ipc/errors.ts';

export interface JobContext {
  signal: AbortSignal;
  progress(phase: string, done: number, total: number): void;
  /**
   * Lets the work refuse a cancel it can no longer honour (a write past its commit point): `fn`
   * is asked first and returns false to refuse; the job then runs on to its end.
   */
  onCancel(fn: () => boolean): void;
}

export interface JobOptions {
  /** A done job waits for a follow-up phase (`resume`): an import's preview waits for its commit. */
  resumable?: boolean;
  /**
   * Called once when the job is over for good: failed, cancelled, done (a resumable job: done with
   * its follow-up phase), or dropped from the registry. Where its resources are let go.
   */
  onEnd?(status: JobStatus): void;
}

interface Job {
  status: JobStatus;
  controller: AbortController;
  result: unknown;
  resumable: boolean;
  ended: boolean;
  cancelHook: (() => boolean) | null;
  onEnd: ((status: JobStatus) => void) | undefined;
}

const CANCELLED = { code: 'CANCELLED', message: 'Cancelled' } as const;

/** Long-running work the UI polls (`jobs:get`) and can cancel (`jobs:cancel`). */
export class JobRegistry {
  #jobs = new Map<string, Job>();
  #keep: number;

  constructor(keep = 20) {
    this.#keep = keep;
  }

  start<T>(kind: string, run: (ctx: JobContext) => Promise<T>, opts: JobOptions = {}): string {
    const id = randomUUID();
    const job: Job = {
      status: { id, kind, state: 'running', phase: 'start', done: 0, total: 0, error: null },
      controller: new AbortController(),
      result: undefined,
      resumable: opts.resumable ?? false,
      ended: false,
      cancelHook: null,
      onEnd: opts.onEnd,
    };
    this.#jobs.set(id, job);
    this.#prune();
    void this.#run(job, run).catch(() => undefined);
    return id;
  }

  /**
   * Runs the follow-up phase of a done resumable job under the same id (its status shows this
   * phase's progress; cancelling cancels it). Resolves with the phase's result, which also becomes
   * the job's; rejects with its error, or CANCELLED.
   */
  resume<T>(id: string, kind: string, run: (ctx: JobContext) => Promise<T>): Promise<T> {
    const job = this.#job(id);
    this.result(id, kind);
    if (!job.resumable) throw new AppError('CONFLICT', `Job ${id} has nothing to resume`, { jobId: id });
    job.resumable = false;
    job.controller = new AbortController();
    job.cancelHook = null;
    job.status = { ...job.status, state: 'running', phase: 'start', done: 0, total: 0, error: null };
    return this.#run(job, run);
  }

  async #run<T>(job: Job, run: (ctx: JobContext) => Promise<T>): Promise<T> {
    const { controller } = job;
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (phase, done, total) => {
        if (job.status.state === 'running' && job.controller === controller) job.status = { ...job.status, phase, done, total };
      },
      onCancel: (fn) => {
        if (job.controller === controller) job.cancelHook = fn;
      },
    };
    try {
      const result = await run(ctx);
      if (job.status.state !== 'running' || job.controller !== controller)
        throw new AppError('CANCELLED', 'The job was cancelled');
      job.result = result;
      job.status = { ...job.status, state: 'done', phase: 'done', done: job.status.total };
      if (!job.resumable) this.#end(job);
      return result;
    } catch (err) {
      if (job.status.state === 'running' && job.controller === controller) {
        const cancelled = controller.signal.aborted;
        job.status = {
          ...job.status,
          state: cancelled ? 'cancelled' : 'failed',
          error: cancelled ? CANCELLED : toErrorShape(err),
        };
        this.#end(job);
      }
      if (job.status.state === 'cancelled') throw new AppError('CANCELLED', 'The job was cancelled', { jobId: job.status.id });
      throw err;
    }
  }

  get(id: string): JobStatus {
    return this.#job(id).status;
  }

  /** The job's result once it is done; any other state is an error naming that state. */
  result<T>(id: string, kind: string): T {
    const job = this.#job(id);
    if (job.status.kind !== kind) throw new AppError('NOT_FOUND', `No ${kind} job ${id}`, { jobId: id });
    if (job.status.state === 'failed' && job.status.error)
      throw new AppError(job.status.error.code, job.status.error.message, job.status.error.details);
    if (job.status.state === 'cancelled') throw new AppError('CANCELLED', 'The job was cancelled', { jobId: id });
    if (job.status.state !== 'done') throw new AppError('CONFLICT', 'The job is still running', { jobId: id });
    return job.result as T;
  }

  /** Cancels a running job, or drops a done one still waiting for its follow-up phase. */
  cancel(id: string): void {
    const job = this.#job(id);
    const waiting = job.status.state === 'done' && job.resumable;
    if (job.status.state !== 'running' && !waiting) return;
    if (job.status.state === 'running' && job.cancelHook && !job.cancelHook()) return;
    job.controller.abort();
    job.resumable = false;
    job.result = undefined;
    job.status = { ...job.status, state: 'cancelled', error: CANCELLED };
    this.#end(job);
  }

  cancelAll(): void {
    for (const id of this.#jobs.keys()) this.cancel(id);
  }

  #end(job: Job): void {
    if (job.ended) return;
    job.ended = true;
    job.onEnd?.(job.status);
  }

  #job(id: string): Job {
    const job = this.#jobs.get(id);
    if (!job) throw new AppError('NOT_FOUND', `No job ${id}`, { jobId: id });
    return job;
  }

  #prune(): void {
    const finished = [...this.#jobs.entries()].filter(([, j]) => j.status.state !== 'running');
    for (const [id, job] of finished.slice(0, Math.max(0, finished.length - this.#keep))) {
      this.#jobs.delete(id);
      this.#end(job);
    }
  }
}
