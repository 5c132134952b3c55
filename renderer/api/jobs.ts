import type { JobStatus } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/errors.ts';
import type { Client } from './client.ts';

export const POLL_MS = 150;

/**
 * Polls a job until it settles. A failed job throws its own error; a cancelled one (by `jobs:cancel`
 * or by aborting `signal`) throws CANCELLED. Aborting also asks main to cancel the job, so closing a
 * dialog stops the work behind it.
 */
export async function waitForJob(
  client: Pick<Client, 'jobs'>,
  jobId: string,
  onStatus: ((status: JobStatus) => void) | undefined,
  signal: AbortSignal,
  pollMs = POLL_MS,
): Promise<void> {
  for (;;) {
    if (signal.aborted) {
      client.jobs.cancel({ jobId }).catch(() => undefined);
      throw new AppError('CANCELLED', 'Cancelled', { jobId });
    }
    const status = await client.jobs.get({ jobId });
    onStatus?.(status);
    switch (status.state) {
      case 'done':
        return;
      case 'failed':
        throw status.error ? AppError.fromShape(status.error) : new AppError('INTERNAL', 'The job failed', { jobId });
      case 'cancelled':
        throw new AppError('CANCELLED', 'Cancelled', { jobId });
      case 'running':
        await sleep(pollMs, signal);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
