import { randomUUID } from 'node:crypto';
import type { JobStatus } from '../../shared/ipc/contract.ts';
import { AppError, toErrorShape } from '../../shared/ipc/errors.ts';

export interface JobContext {
  signal: AbortSignal;
  progress(phase: string, done: number, total: number): void;
}

interface Job {
  status: JobStatus;
  controller: AbortController;
  result: unknown;
}

/** Long-running work the UI polls (`jobs:get`) and can cancel (`jobs:cancel`). */
export class JobRegistry {
  #jobs = new Map<string, Job>();
  #keep: number;

  constructor(keep = 20) {
    this.#keep = keep;
  }

  start<T>(kind: string, run: (ctx: JobContext) => Promise<T>): string {
    const id = randomUUID();
    const controller = new AbortController();
    const job: Job = {
      status: { id, kind, state: 'running', phase: 'start', done: 0, total: 0, error: null },
      controller,
      result: undefined,
    };
    this.#jobs.set(id, job);
    this.#prune();
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (phase, done, total) => {
        if (job.status.state === 'running') job.status = { ...job.status, phase, done, total };
      },
    };
    run(ctx).then(
      (result) => {
        if (job.status.state !== 'running') return;
        job.result = result;
        job.status = { ...job.status, state: 'done', phase: 'done', done: job.status.total };
      },
      (err: unknown) => {
        if (job.status.state !== 'running') return;
        const cancelled = controller.signal.aborted;
        job.status = {
          ...job.status,
          state: cancelled ? 'cancelled' : 'failed',
          error: cancelled ? { code: 'CANCELLED', message: 'Cancelled' } : toErrorShape(err),
        };
      },
    );
    return id;
  }

  get(id: string): JobStatus {
    return this.#job(id).status;
  }

  /** The job's result once it is done; any other state is an error naming that state. */
  result<T>(id: string, kind: string): T {
    const job = this.#job(id);
    if (job.status.kind !== kind) throw new AppError('NOT_FOUND', `No ${kind} job ${id}`, { jobId: id });
    if (job.status.state === 'failed' && job.status.error) throw new AppError(job.status.error.code, job.status.error.message, job.status.error.details);
    if (job.status.state === 'cancelled') throw new AppError('CANCELLED', 'The job was cancelled', { jobId: id });
    if (job.status.state !== 'done') throw new AppError('CONFLICT', 'The job is still running', { jobId: id });
    return job.result as T;
  }

  cancel(id: string): void {
    const job = this.#job(id);
    if (job.status.state !== 'running') return;
    job.controller.abort();
    job.status = { ...job.status, state: 'cancelled', error: { code: 'CANCELLED', message: 'Cancelled' } };
  }

  cancelAll(): void {
    for (const id of this.#jobs.keys()) this.cancel(id);
  }

  #job(id: string): Job {
    const job = this.#jobs.get(id);
    if (!job) throw new AppError('NOT_FOUND', `No job ${id}`, { jobId: id });
    return job;
  }

  #prune(): void {
    const finished = [...this.#jobs.entries()].filter(([, j]) => j.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - this.#keep))) this.#jobs.delete(id);
  }
}
