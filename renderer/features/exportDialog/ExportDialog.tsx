import { useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../../shared/ipc/contract.ts';
import {
  EXPORT_FORMATS,
  FORMAT_INFO,
  type ExportCaseRef,
  type ExportSettings,
  type ExportSummary,
} from '../../../shared/model/export.ts';
import { PAGE_SIZES, PRESET_IDS } from '../../../shared/export/docxPresets.ts';
import { useWorkflow } from '../../shell/WorkflowContext.tsx';
import { toApiError, type ApiError } from '../../api/apiError.ts';
import type { Client } from '../../api/client.ts';
import { downloadExport } from '../../api/download.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { usePrefs } from '../../shell/PrefsContext.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { useNotices } from '../../ui/Notices.tsx';
import { StageBadge } from '../../ui/StageBadge.tsx';
import { useAsync } from '../../ui/useAsync.ts';
import { initialSettings, PAGED_FORMATS, requestOf, runExport } from './exportFlow.ts';
import './exportDialog.css';

export interface ExportDialogProps {
  volumeId: number;
  /** Opened from a case page: "this case only" is offered, and chosen. */
  caseId?: number | null;
  client: Pick<Client, 'export' | 'jobs'>;
  /** Browser mode hands the finished file to the browser; in Electron main has already saved it. */
  download?: (jobId: string, fileName: string) => Promise<void>;
  onClose(): void;
}

type Run =
  | { name: 'idle' }
  | { name: 'running'; jobId: string | null; fileName: string; status: JobStatus | null }
  | { name: 'done'; summary: ExportSummary }
  | { name: 'failed'; error: ApiError };

/** Format, scope (with the count that will go out), layout, file names → export with progress and cancel → summary. */
export function ExportDialog({ volumeId, caseId = null, client, download = downloadExport, onClose }: ExportDialogProps) {
  const { t, lookup } = useI18n();
  const { stageName, stageKeys } = useWorkflow();
  const { prefs, update } = usePrefs();
  const notices = useNotices();
  const [settings, setSettings] = useState<ExportSettings>(() => {
    const s = initialSettings(prefs.exportSettings);
    if (caseId !== null) return { ...s, scopeKind: 'cases' };
    return s.scopeKind === 'cases' ? { ...s, scopeKind: 'stage' } : s;
  });
  const [run, setRun] = useState<Run>({ name: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const req = requestOf(settings, volumeId, caseId);
  const preview = useAsync(JSON.stringify(req), () => client.export.preview(req));
  const set = (patch: Partial<ExportSettings>) => {
    setSettings((s) => ({ ...s, ...patch }));
    if (run.name !== 'running') setRun({ name: 'idle' });
  };

  async function start() {
    const controller = new AbortController();
    abort.current = controller;
    setRun({ name: 'running', jobId: null, fileName: preview.data?.fileName ?? '', status: null });
    update({ exportSettings: settings }).catch(() => undefined);
    try {
      const summary = await runExport(
        client,
        req,
        {
          onJob: (jobId, fileName) => !controller.signal.aborted && setRun({ name: 'running', jobId, fileName, status: null }),
          onStatus: (status) => !controller.signal.aborted && setRun((r) => (r.name === 'running' ? { ...r, status } : r)),
        },
        controller.signal,
      );
      if (summary.delivery === 'download') {
        await download(summary.jobId, summary.fileName);
        notices.info(t('exportDialog.downloaded', { name: summary.fileName }));
      } else {
        notices.info(t('exportDialog.saved', { path: summary.path ?? summary.fileName }));
      }
      if (!controller.signal.aborted) setRun({ name: 'done', summary });
    } catch (err) {
      if (controller.signal.aborted) return;
      const error = toApiError(err);
      if (error.code === 'CANCELLED') {
        notices.info(t('exportDialog.cancelled'));
        setRun({ name: 'idle' });
      } else {
        setRun({ name: 'failed', error });
      }
    }
  }

  async function cancel(jobId: string | null) {
    if (jobId === null) {
      abort.current?.abort();
      setRun({ name: 'idle' });
      return;
    }
    try {
      await client.jobs.cancel({ jobId });
    } catch (err) {
      notices.error(err);
    }
  }

  const running = run.name === 'running';
  const paged = PAGED_FORMATS.has(settings.format);
  const included = preview.data?.included.length ?? 0;
  const phase = (s: JobStatus | null) =>
    s ? (lookup(`exportDialog.phases.${s.phase}`) ?? s.phase) : t('exportDialog.phases.start');

  const footer =
    run.name === 'running' ? (
      <button type="button" onClick={() => void cancel(run.jobId)} data-testid="export-cancel">
        {t('exportDialog.cancel')}
      </button>
    ) : (
      <>
        <button type="button" onClick={onClose} data-testid="export-close-button">
          {t('common.close')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={preview.loading || included === 0}
          onClick={() => void start()}
          data-testid="export-start"
        >
          {t('exportDialog.start')}
        </button>
      </>
    );

  return (
    <Dialog title={t('exportDialog.title')} onClose={onClose} testId="export-dialog" footer={footer}>
      <fieldset className="export-form form-grid" disabled={running}>
        <label htmlFor="export-format">{t('exportDialog.format')}</label>
        <select
          id="export-format"
          data-testid="export-format"
          value={settings.format}
          onChange={(e) => set({ format: e.target.value as ExportSettings['format'] })}
        >
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`exportDialog.formats.${f}`)}
            </option>
          ))}
        </select>

        <span className="form-grid__label">{t('exportDialog.scope')}</span>
        <div className="export-form__scope" role="radiogroup" aria-label={t('exportDialog.scope')}>
          {caseId !== null ? (
            <label>
              <input
                type="radio"
                name="export-scope"
                checked={settings.scopeKind === 'cases'}
                onChange={() => set({ scopeKind: 'cases' })}
                data-testid="export-scope-case"
              />
              {t('exportDialog.scopeCase')}
            </label>
          ) : null}
          <label>
            <input
              type="radio"
              name="export-scope"
              checked={settings.scopeKind === 'stage'}
              onChange={() => set({ scopeKind: 'stage' })}
              data-testid="export-scope-stage"
            />
            {t('exportDialog.scopeStage')}
            <select
              aria-label={t('exportDialog.scopeStage')}
              data-testid="export-stage"
              value={settings.stage}
              onChange={(e) => set({ scopeKind: 'stage', stage: e.target.value as ExportSettings['stage'] })}
            >
              {stageKeys.map((s) => (
                <option key={s} value={s}>
                  {stageName(s)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input
              type="radio"
              name="export-scope"
              checked={settings.scopeKind === 'volume'}
              onChange={() => set({ scopeKind: 'volume' })}
              data-testid="export-scope-volume"
            />
            {t('exportDialog.scopeVolume')}
          </label>
          <ScopeCount
            loading={preview.loading}
            error={preview.error}
            included={included}
            excluded={preview.data?.excluded ?? []}
            onRetry={preview.reload}
          />
        </div>

        <span className="form-grid__label">{t('exportDialog.layout')}</span>
        {paged ? (
          <div className="row">
            <label>
              {t('exportDialog.preset')}{' '}
              <select
                data-testid="export-preset"
                value={settings.preset}
                onChange={(e) => set({ preset: e.target.value as ExportSettings['preset'] })}
              >
                {PRESET_IDS.map((p) => (
                  <option key={p} value={p}>
                    {t(`exportDialog.presets.${p}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('exportDialog.pageSize')}{' '}
              <select
                data-testid="export-page-size"
                value={settings.preset === 'gongwen' ? 'a4' : settings.pageSize}
                disabled={settings.preset === 'gongwen'}
                onChange={(e) => set({ pageSize: e.target.value as ExportSettings['pageSize'] })}
              >
                {PAGE_SIZES.map((p) => (
                  <option key={p} value={p}>
                    {t(`exportDialog.pageSizes.${p}`)}
                  </option>
                ))}
              </select>
            </label>
            {settings.preset === 'gongwen' ? <span className="hint">{t('exportDialog.gongwenA4')}</span> : null}
          </div>
        ) : (
          <span className="hint">{t('exportDialog.layoutUnused')}</span>
        )}

        <label htmlFor="export-pattern">{t('exportDialog.pattern')}</label>
        <div className="export-form__names">
          <input
            id="export-pattern"
            data-testid="export-pattern"
            value={settings.fileNamePattern}
            maxLength={200}
            onChange={(e) => set({ fileNamePattern: e.target.value })}
          />
          <span className="hint">{t('exportDialog.patternHint')}</span>
          {FORMAT_INFO[settings.format].splittable ? (
            <label>
              <input
                type="checkbox"
                checked={settings.split === 'case'}
                onChange={(e) => set({ split: e.target.checked ? 'case' : 'volume' })}
                data-testid="export-split"
              />
              {t('exportDialog.split')} <span className="hint">{t('exportDialog.splitHint')}</span>
            </label>
          ) : null}
          {preview.data && included > 0 ? (
            <span className="export-form__file-name" data-testid="export-file-name">
              {t('exportDialog.fileName', { name: preview.data.fileName })}
            </span>
          ) : null}
        </div>
      </fieldset>

      {run.name === 'running' ? (
        <div className="export-progress" data-testid="export-progress">
          <div className="export-progress__label">
            <span>
              {run.status
                ? t('exportDialog.progress', { phase: phase(run.status), done: run.status.done, total: run.status.total })
                : phase(null)}
            </span>
            <span className="muted">{run.fileName}</span>
          </div>
          <progress max={run.status?.total || 1} value={run.status?.total ? run.status.done : undefined} />
        </div>
      ) : null}
      {run.name === 'failed' ? <ErrorNotice error={run.error} title={t('exportDialog.failed')} testId="export-error" /> : null}
      {run.name === 'done' ? (
        <p className="export-done" role="status" data-testid="export-done">
          {t('exportDialog.done', { count: run.summary.included.length, name: run.summary.path ?? run.summary.fileName })}
        </p>
      ) : null}
    </Dialog>
  );
}

function ScopeCount(props: {
  loading: boolean;
  error: ApiError | undefined;
  included: number;
  excluded: readonly ExportCaseRef[];
  onRetry(): void;
}) {
  const { t } = useI18n();
  if (props.error) return <ErrorNotice error={props.error} onRetry={props.onRetry} testId="export-scope-error" />;
  if (props.loading && props.included === 0 && props.excluded.length === 0) return <Loading />;
  return (
    <div className="scope-count" data-testid="export-count" data-count={props.included}>
      {props.included === 0 ? (
        <p className="scope-count__empty" role="alert" data-testid="export-empty">
          {t('errors.EXPORT_EMPTY_SCOPE')}
        </p>
      ) : (
        <strong>{t('exportDialog.count', { count: props.included })}</strong>
      )}
      {props.excluded.length > 0 ? (
        <details data-testid="export-left-out">
          <summary>{t('exportDialog.leftOut', { count: props.excluded.length })}</summary>
          <table className="data-table">
            <thead>
              <tr>
                <th className="data-table__col--num">{t('exportDialog.colNumber')}</th>
                <th>{t('exportDialog.colTitle')}</th>
                <th className="data-table__col--stage">{t('exportDialog.colStage')}</th>
              </tr>
            </thead>
            <tbody>
              {props.excluded.map((c) => (
                <tr key={c.id}>
                  <td className="data-table__col--num">{c.number ?? '—'}</td>
                  <td>{c.title}</td>
                  <td className="data-table__col--stage">
                    <StageBadge stage={c.stage} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </div>
  );
}
