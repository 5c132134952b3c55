import path from 'node:path';
import { AppError, zodIssues } from '../../../shared/ipc/errors.ts';
import { formatBytes } from '../../../shared/text/bytes.ts';
import { EXPORT_FORMATS, ExportRequest, type ExportScope, type ExportSummary } from '../../../shared/model/export.ts';
import type { Stage } from '../../../shared/model/stage.ts';
import { lockedStage, type WorkflowSettings } from '../../../shared/workflow/settings.ts';
import type { Volume } from '../../../shared/model/entities.ts';
import { exportToPath } from '../../services/exportService.ts';
import { stageDisplayName } from '../../services/workflowService.ts';
import { getVolume, getWorkflow, listCases, listVolumes } from '../../store/index.ts';
import type { Booted } from '../../services/boot.ts';
import { withLibrary, type GlobalOptions } from '../context.ts';
import { usageError } from '../usage.ts';

export const EXPORT_USAGE = `usage: export --volume ID|TITLE --format ${EXPORT_FORMATS.join('|')} --out PATH
         [--stage 定稿|final|… | --all | --cases 1,3,7] [--page-size a5|a4] [--preset book|gongwen]
         [--per-case] [--pattern '{number}-{title}']`;

export interface ExportOptions extends GlobalOptions {
  volume?: string | undefined;
  stage?: string | undefined;
  all?: boolean | undefined;
  cases?: string | undefined;
  format?: string | undefined;
  out?: string | undefined;
  pageSize?: string | undefined;
  preset?: string | undefined;
  perCase?: boolean | undefined;
  pattern?: string | undefined;
}

/** A stage of the library's list by its key (`final`) or its name in either language (定稿, Final…). */
export function parseStage(settings: WorkflowSettings, raw: string): Stage {
  const key = raw.trim().toLowerCase();
  const names = (stage: Stage) => [stage, stageDisplayName(settings, stage, 'zh-CN'), stageDisplayName(settings, stage, 'en')];
  for (const { key: stage } of settings.stages) {
    if (names(stage).some((n) => n.toLowerCase() === key)) return stage;
  }
  const known = settings.stages.map((s) => `${stageDisplayName(settings, s.key, 'zh-CN')}/${s.key}`).join(', ');
  throw usageError(`unknown stage: ${raw} (one of ${known})`);
}

/** A volume by id, else by exact title; an unknown one names the volumes there are. */
function findVolume(app: Booted, raw: string): Volume {
  const db = app.ctx.lib.db;
  if (/^\d+$/.test(raw)) {
    try {
      return getVolume(db, Number(raw));
    } catch {
      // Not an id: maybe a title made of digits.
    }
  }
  const volumes = listVolumes(db);
  const byTitle = volumes.filter((v) => v.title === raw.trim());
  if (byTitle.length === 1) return byTitle[0]!;
  const known = volumes.map((v) => `${v.id} ${v.title}`).join('; ') || 'none';
  if (byTitle.length > 1) {
    throw new AppError(
      'VALIDATION',
      `Several volumes are titled “${raw}”: give its id (${byTitle.map((v) => v.id).join(', ')})`,
      { volume: raw },
    );
  }
  throw new AppError('NOT_FOUND', `No volume “${raw}” in this library (volumes: ${known})`, { volume: raw });
}

/** `--cases 1,3,7`: case numbers as in the contents. */
function scopeFor(app: Booted, volume: Volume, opts: ExportOptions): ExportScope {
  const given = [opts.stage !== undefined, !!opts.all, opts.cases !== undefined].filter(Boolean).length;
  if (given > 1) throw usageError(`give one of --stage, --all, --cases\n${EXPORT_USAGE}`);
  if (opts.all) return { kind: 'volume' };
  if (opts.cases !== undefined) {
    const numbers = opts.cases.split(/[,，\s]+/).filter(Boolean);
    if (numbers.length === 0 || numbers.some((n) => !/^\d+$/.test(n)))
      throw usageError(`--cases takes case numbers: 1,3,7\n${EXPORT_USAGE}`);
    const byNumber = new Map(
      listCases(app.ctx.lib.db, volume.id)
        .filter((c) => c.number !== null)
        .map((c) => [c.number!, c.id]),
    );
    const missing = numbers.filter((n) => !byNumber.has(Number(n)));
    if (missing.length > 0)
      throw new AppError('NOT_FOUND', `No case number ${missing.join(', ')} in volume ${volume.id} “${volume.title}”`, {
        volume: volume.title,
      });
    return { kind: 'cases', caseIds: numbers.map((n) => byNumber.get(Number(n))!) };
  }
  const settings = getWorkflow(app.ctx.lib.db);
  return { kind: 'stage', stage: opts.stage === undefined ? lockedStage(settings) : parseStage(settings, opts.stage) };
}

function report(summary: ExportSummary, settings: WorkflowSettings): void {
  const stageName = (s: Stage) => stageDisplayName(settings, s, 'zh-CN');
  const unit = summary.files === 1 ? '' : ` (${summary.files} files)`;
  console.log(`wrote ${summary.path}${unit}: ${summary.included.length} case(s), ${formatBytes(summary.bytes)}`);
  for (const c of summary.included) console.log(`  ${c.number ?? '—'}\t${c.title}\t${stageName(c.stage)}`);
  if (summary.excluded.length > 0) {
    console.log(`left out ${summary.excluded.length} case(s):`);
    for (const c of summary.excluded) console.log(`  ${c.number ?? '—'}\t${c.title}\t${stageName(c.stage)}`);
  }
}

export async function exportCommand(args: string[], opts: ExportOptions): Promise<void> {
  if (args.length > 0) throw usageError(`export takes no arguments: ${args.join(' ')}\n${EXPORT_USAGE}`);
  if (!opts.volume || !opts.format || !opts.out) throw usageError(EXPORT_USAGE);
  const out = path.resolve(opts.out);
  const { summary, settings } = await withLibrary(opts, async (app) => {
    const volume = findVolume(app, opts.volume!);
    const parsed = ExportRequest.safeParse({
      volumeId: volume.id,
      scope: scopeFor(app, volume, opts),
      format: opts.format,
      ...(opts.pageSize ? { pageSize: opts.pageSize.toLowerCase() } : {}),
      ...(opts.preset ? { preset: opts.preset } : {}),
      ...(opts.pattern ? { fileNamePattern: opts.pattern } : {}),
      split: opts.perCase ? 'case' : 'volume',
    });
    if (!parsed.success) {
      throw usageError(
        `${zodIssues(parsed.error)
          .map((i) => `--${i.path === 'pageSize' ? 'page-size' : i.path}: ${i.message}`)
          .join('; ')}\n${EXPORT_USAGE}`,
      );
    }
    const written = await exportToPath(app.ctx, parsed.data, out, {
      progress: (phase, done) => {
        if (phase === 'print' && done === 0) process.stderr.write('printing the PDF with Chromium…\n');
      },
    });
    return { summary: written, settings: getWorkflow(app.ctx.lib.db) };
  });
  if (opts.json) console.log(JSON.stringify(summary, null, 2));
  else report(summary, settings);
}
