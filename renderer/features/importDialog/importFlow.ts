import type { ImportPreview, JobStatus, Output } from '../../../shared/ipc/contract.ts';
import type { ImportOptions } from '../../../shared/model/importResult.ts';
import type { Client } from '../../api/client.ts';
import { POLL_MS, waitForJob } from '../../api/jobs.ts';

export interface ParseRequest {
  fileId: string;
  scanFileIds: string[];
  options: ImportOptions;
}

export interface ParseHooks {
  onJob?(jobId: string): void;
  onStatus?(status: JobStatus): void;
}

/** Starts an import job, waits for it (`waitForJob`: failures, cancelling, aborting) and returns its preview. */
export async function runParse(
  client: Pick<Client, 'import' | 'jobs'>,
  req: ParseRequest,
  hooks: ParseHooks,
  signal: AbortSignal,
  pollMs = POLL_MS,
): Promise<ImportPreview> {
  const { jobId } = await client.import.start(req);
  hooks.onJob?.(jobId);
  await waitForJob(client, jobId, hooks.onStatus, signal, pollMs);
  return client.import.preview({ jobId });
}

/** `创先争优好做法.pdf` → `创先争优好做法`. */
export function defaultTitle(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const stem = base.replace(/\.[^.]+$/, '');
  return (stem || base).trim().slice(0, 200);
}

/** Several files chosen at once as the source must all be page images (one scan, a page per image). */
export function isPageImage(file: { name: string; type?: string }): boolean {
  return /\.(jpe?g|png|tiff?)$/i.test(file.name) || /^image\/(jpeg|png|tiff)$/.test(file.type ?? '');
}

/**
 * Uploads the source: one file as it is, several page images one by one and then made one scan in
 * main (`files:bundle`, which orders the pages by name as a folder's). Answers the staged source.
 */
export async function stageSource<F extends Blob & { name: string }>(
  client: Pick<Client, 'stageFile' | 'files'>,
  files: readonly F[],
): Promise<Output<'files:stage'>> {
  const [first] = files;
  if (!first) throw new Error('no file');
  if (files.length === 1) return client.stageFile(first);
  const fileIds: string[] = [];
  for (const f of files) fileIds.push((await client.stageFile(f)).fileId);
  return client.files.bundle({ fileIds });
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
export function mergeRuleReports<R extends { rule: string }>(
  previous: ReadonlyMap<string, R | null>,
  latest: readonly R[],
  disabled: readonly string[],
): Map<string, R | null> {
  // Keep the order rules were first seen in, so toggling one does not make the list jump.
  const byRule = new Map(latest.map((r) => [r.rule, r]));
  const out = new Map<string, R | null>();
  for (const rule of previous.keys()) out.set(rule, byRule.get(rule) ?? null);
  for (const r of latest) if (!out.has(r.rule)) out.set(r.rule, r);
  for (const rule of disabled) if (!out.has(rule)) out.set(rule, null);
  return out;
}

/** A page index as a reader would name it: the printed number, or `[n]` (1-based position) when unnumbered. */
export function pageLabel(index: number, printed: number | null): string {
  return printed === null ? `[${index + 1}]` : String(printed);
}

/** Pages `start`–`end` (indexes) whose printed numbers are `printed` (as the preview's rows carry them). */
export function pageRangeLabel(start: number, end: number, printed: readonly [number | null, number | null]): string {
  const a = pageLabel(start, printed[0]);
  return start === end ? a : `${a}–${pageLabel(end, printed[1])}`;
}

/** Rows per slice the preview's tables ask for. */
export const PREVIEW_ROWS = 100;

/**
 * Writes a previewed import and reports its progress meanwhile: `import:commit` answers when the
 * volume is written; until then its job (the import's own) is polled for the cases written.
 */
export async function runCommit(
  client: Pick<Client, 'import' | 'jobs'>,
  input: { jobId: string; title: string; scanOffset: number; replaceVolumeId: number | null },
  onStatus: (status: JobStatus) => void,
  pollMs = POLL_MS,
): Promise<Output<'import:commit'>> {
  let settled = false;
  const commit = client.import.commit(input).finally(() => {
    settled = true;
  });
  const poll = async (): Promise<void> => {
    while (!settled) {
      await new Promise((r) => setTimeout(r, pollMs));
      if (settled) return;
      const status = await client.jobs.get({ jobId: input.jobId }).catch(() => null);
      if (status && !settled) onStatus(status);
    }
  };
  void poll();
  return commit;
}

export function sameOptions(a: ImportOptions, b: ImportOptions): boolean {
  if (a.cjkDigitSpace !== b.cjkDigitSpace) return false;
  const sa = [...a.disabledRules].sort();
  const sb = [...b.disabledRules].sort();
  return sa.length === sb.length && sa.every((r, i) => r === sb[i]);
}
