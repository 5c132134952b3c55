import type { Booted } from '../../../main/services/boot.ts';
import { call, stageBytes, waitJob } from './helpers.ts';

/** Stages `bytes`, starts its import and waits for the parse; returns the job and how it ended. */
export async function parseBytes(app: Booted, name: string, bytes: Uint8Array, scanFileIds: string[] = []) {
  const fileId = await stageBytes(app, name, bytes);
  const { jobId } = await call<{ jobId: string }>(app, 'import:start', { fileId, scanFileIds });
  return { fileId, jobId, status: await waitJob(app, jobId) };
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Seeded Han characters in lines of `width` (no page break, no title): text with no structure at all. */
export function hanText(chars: number, width = 40, seed = 11): string {
  const parts: string[] = [];
  let a = seed;
  for (let i = 0; i < chars; i++) {
    a = (a * 1103515245 + 12345) >>> 0;
    parts.push(String.fromCharCode(0x4e00 + ((a >>> 8) % 0x5000)));
    if (i % width === width - 1) parts.push('\n');
  }
  return parts.join('');
}

/** Files the staging area holds now (its own count, not a listing of `.staging/`). */
export function stagedFiles(app: Booted): number {
  return app.ctx.staging.usage().count;
}
