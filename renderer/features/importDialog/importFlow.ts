import type { ImportPreview, JobStatus } from '../../../shared/ipc/contract.ts';
import type { ImportOptions, ImportedPage, RuleReport } from '../../../shared/model/importResult.ts';
import { ApiError } from '../../api/apiError.ts';
import type { Client } from '../../api/client.ts';

export const POLL_MS = 150;

export interface ParseRequest {
  fileId: string;
  scanFileIds: string[];
  options: ImportOptions;
}

export interface ParseHooks {
  onJob?(jobId: string): void;
  onStatus?(status: JobStatus): void;
}

/**
 * Starts an import job, polls it until it settles, and returns its preview. A failed job throws its
 * own error; a cancelled one (by `jobs:cancel` or by aborting `signal`) throws CANCELLED. Aborting
 * also asks main to cancel the job, so closing the dialog stops the work.
 */
export async function runParse(
  client: Pick<Client, 'import' | 'jobs'>,
  req: ParseRequest,
  hooks: ParseHooks,
  signal: AbortSignal,
  pollMs = POLL_MS,
): Promise<ImportPreview> {
  const { jobId } = await client.import.start(req);
  hooks.onJob?.(jobId);
  for (;;) {
    if (signal.aborted) {
      client.jobs.cancel({ jobId }).catch(() => undefined);
      throw new ApiError('CANCELLED', 'Import cancelled');
    }
    const status = await client.jobs.get({ jobId });
    hooks.onStatus?.(status);
    switch (status.state) {
      case 'done':
        return client.import.preview({ jobId });
      case 'failed':
        throw status.error ? ApiError.fromShape(status.error) : new ApiError('INTERNAL', 'Import failed');
      case 'cancelled':
        throw new ApiError('CANCELLED', 'Import cancelled');
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

/** `创先争优好做法.pdf` → `创先争优好做法`. */
export function defaultTitle(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const stem = base.replace(/\.[^.]+$/, '');
  return (stem || base).trim().slice(0, 200);
}

/** Scan images come in page order by name (`page-2` before `page-10`). */
export function sortScanFiles<T extends { name: string }>(files: readonly T[]): T[] {
  const collator = new Intl.Collator('en', { numeric: true });
  return [...files].sort((a, b) => collator.compare(a.name, b.name));
}

/**
 * Rules to list with a checkbox: every rule seen in any preview so far (a disabled rule no longer
 * reports, but must stay listed so it can be turned back on), with its latest report.
 */
export function mergeRuleReports(
  previous: ReadonlyMap<string, RuleReport | null>,
  latest: readonly RuleReport[],
  disabled: readonly string[],
): Map<string, RuleReport | null> {
  // Keep the order rules were first seen in, so toggling one does not make the list jump.
  const byRule = new Map(latest.map((r) => [r.rule, r]));
  const out = new Map<string, RuleReport | null>();
  for (const rule of previous.keys()) out.set(rule, byRule.get(rule) ?? null);
  for (const r of latest) if (!out.has(r.rule)) out.set(r.rule, r);
  for (const rule of disabled) if (!out.has(rule)) out.set(rule, null);
  return out;
}

/** A page index as a reader would name it: the printed number, or `[n]` (1-based position) when unnumbered. */
export function pageLabel(pages: readonly ImportedPage[], index: number): string {
  const printed = pages[index]?.printed;
  return printed === null || printed === undefined ? `[${index + 1}]` : String(printed);
}

export function pageRangeLabel(pages: readonly ImportedPage[], start: number, end: number): string {
  const a = pageLabel(pages, start);
  return start === end ? a : `${a}–${pageLabel(pages, end)}`;
}

export function sameOptions(a: ImportOptions, b: ImportOptions): boolean {
  if (a.cjkDigitSpace !== b.cjkDigitSpace) return false;
  const sa = [...a.disabledRules].sort();
  const sb = [...b.disabledRules].sort();
  return sa.length === sb.length && sa.every((r, i) => r === sb[i]);
}
