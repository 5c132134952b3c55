import type { Envelope } from '../../../../shared/ipc/contract.ts';
import type { AppErrorShape } from '../../../../shared/ipc/errors.ts';
import { createClient } from '../../../../renderer/api/client.ts';
import type { Transport } from '../../../../renderer/api/transport.ts';

export interface FakeJob {
  kind: 'export' | 'import';
  /** Polls the job stays running for. */
  steps: number;
  end: 'done' | 'failed' | 'cancelled';
  /** The job's error when it ends as failed. */
  error: AppErrorShape;
  /** The job's phase, by whether it has finished. */
  phase(finished: boolean): string;
  /** Answers to the other channels (start, result, preview). */
  answers: Readonly<Record<string, unknown>>;
}

/** A backend job that runs for `steps` polls, then ends as `end`; records the calls it sees. */
export function jobBackend(job: FakeJob) {
  const calls: string[] = [];
  let polls = 0;
  let cancelled = false;
  const ok = (value: unknown): Envelope<unknown> => ({ ok: true, value });
  const transport: Transport = async (channel) => {
    calls.push(channel);
    if (channel === 'jobs:cancel') {
      cancelled = true;
      return ok({ ok: true });
    }
    if (channel === 'jobs:get') {
      polls++;
      const finished = polls > job.steps;
      const state = cancelled ? 'cancelled' : finished ? job.end : 'running';
      return ok({
        id: 'j1',
        kind: job.kind,
        state,
        phase: job.phase(finished),
        done: Math.min(polls, job.steps),
        total: job.steps,
        error: state === 'failed' ? job.error : null,
      });
    }
    if (channel in job.answers) return ok(job.answers[channel]);
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: channel } };
  };
  return { client: createClient(() => transport), calls };
}
