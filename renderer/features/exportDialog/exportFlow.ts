import type { JobStatus } from '../../../shared/ipc/contract.ts';
import {
  DEFAULT_EXPORT_SETTINGS,
  ExportSettings,
  FORMAT_INFO,
  type ExportRequestInput,
  type ExportScope,
  type ExportSummary,
} from '../../../shared/model/export.ts';
import { presetPage, PRESETS } from '../../../shared/export/docxPresets.ts';
import type { Client } from '../../api/client.ts';
import { POLL_MS, waitForJob } from '../../api/jobs.ts';

/** The remembered settings, or the defaults when none (or a stored value from an older version does not parse). */
export function initialSettings(stored: unknown): ExportSettings {
  const parsed = ExportSettings.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_EXPORT_SETTINGS;
}

/** The scope the settings describe; `caseId` (the case page's case) stands for "chosen cases". */
export function scopeOf(settings: ExportSettings, caseId: number | null): ExportScope {
  if (settings.scopeKind === 'cases' && caseId !== null) return { kind: 'cases', caseIds: [caseId] };
  if (settings.scopeKind === 'volume') return { kind: 'volume' };
  return { kind: 'stage', stage: settings.stage };
}

export function requestOf(settings: ExportSettings, volumeId: number, caseId: number | null): ExportRequestInput {
  const preset = settings.preset;
  return {
    volumeId,
    scope: scopeOf(settings, caseId),
    format: settings.format,
    // A preset without the page size (公文 is A4 only) is laid out on its own; the request says so.
    pageSize: presetPage(PRESETS[preset], settings.pageSize).size,
    preset,
    fileNamePattern: settings.fileNamePattern.trim() || DEFAULT_EXPORT_SETTINGS.fileNamePattern,
    split: FORMAT_INFO[settings.format].splittable ? settings.split : 'volume',
  };
}

/** Formats laid out on pages (page size and style apply). */
export const PAGED_FORMATS = new Set(['docx', 'pdf', 'html', 'epub']);

export interface ExportHooks {
  onJob?(jobId: string, fileName: string): void;
  onStatus?(status: JobStatus): void;
}

/** Starts an export job, waits for it (`waitForJob`: failures, cancelling, aborting) and returns its summary. */
export async function runExport(
  client: Pick<Client, 'export' | 'jobs'>,
  req: ExportRequestInput,
  hooks: ExportHooks,
  signal: AbortSignal,
  pollMs = POLL_MS,
): Promise<ExportSummary> {
  const { jobId, fileName } = await client.export.start(req);
  hooks.onJob?.(jobId, fileName);
  await waitForJob(client, jobId, hooks.onStatus, signal, pollMs);
  return client.export.result({ jobId });
}
