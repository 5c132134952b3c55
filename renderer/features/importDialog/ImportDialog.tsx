import { useEffect, useRef, useState } from 'react';
import type { ImportPreview, JobStatus } from '../../../shared/ipc/contract.ts';
import type { Volume } from '../../../shared/model/entities.ts';
import type { RuleSummary } from '../../../shared/model/importPreview.ts';
import type { ImportOptions } from '../../../shared/model/importResult.ts';
import { api } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/apiError.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { usePrefs } from '../../shell/PrefsContext.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useNotices } from '../../ui/Notices.tsx';
import { FileDrop } from './FileDrop.tsx';
import { EMPTY_DRAFT, ImportPreviewView, type CommitChoices, type PreviewDraft } from './ImportPreviewView.tsx';
import { isPageImage, mergeRuleReports, runCommit, runParse, sameOptions, sortScanFiles, stageSource } from './importFlow.ts';

type Step =
  | { name: 'choose' }
  | { name: 'staging' }
  | { name: 'parsing'; jobId: string | null; status: JobStatus | null }
  | { name: 'preview'; preview: ImportPreview; usedOptions: ImportOptions }
  | { name: 'failed'; error: ApiError };

interface Staged {
  /** The selection these ids belong to; a new selection is staged again. */
  files: readonly File[];
  fileId: string;
  scanFileIds: string[];
}

/** The source: a text layer, a PDF (pages without text are read by OCR), an export, or a scan alone (page images, OCR). */
const TEXT_ACCEPT =
  '.txt,.text,.pdf,.json,.jpg,.jpeg,.png,.tif,.tiff,text/plain,application/pdf,application/json,image/jpeg,image/png,image/tiff';

/** A `.json` file is taken as a JSON export of this app (main refuses anything else in it, by name). */
const isExportJson = (file: File | null): boolean => file !== null && /\.json$/i.test(file.name);
const SCAN_ACCEPT = '.pdf,.jpg,.jpeg,.png,.tif,.tiff,application/pdf,image/jpeg,image/png,image/tiff';

/** Choose → stage → parse (with progress, cancellable) → preview (rules can be turned off) → commit. */
export function ImportDialog({ onClose, onImported }: { onClose(): void; onImported(v: Volume): void }) {
  const { t, lookup } = useI18n();
  const { prefs } = usePrefs();
  const notices = useNotices();
  // The source: one file, or several page images read as one scan (sorted as main orders them).
  const [sourceFiles, setSourceFiles] = useState<File[]>([]);
  const [sourceRefused, setSourceRefused] = useState(false);
  const textFile = sourceFiles[0] ?? null;
  const pageImages = sourceFiles.length > 1;
  const [scanFiles, setScanFiles] = useState<File[]>([]);
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [options, setOptions] = useState<ImportOptions>({ disabledRules: [], cjkDigitSpace: prefs.cjkDigitSpace });
  const [rules, setRules] = useState<ReadonlyMap<string, RuleSummary | null>>(new Map());
  const [draft, setDraft] = useState<PreviewDraft>(EMPTY_DRAFT);
  const [committing, setCommitting] = useState(false);
  const [commitStatus, setCommitStatus] = useState<JobStatus | null>(null);
  const [commitError, setCommitError] = useState<unknown>(null);
  const staged = useRef<Staged | null>(null);
  const abort = useRef<AbortController | null>(null);

  // The import being previewed holds a worker and the uploaded files in main until it is committed or cancelled.
  const previewJob = useRef<string | null>(null);

  // Closing the dialog cancels the job in main: mid-parse, or a preview left without importing.
  useEffect(
    () => () => {
      abort.current?.abort();
      if (previewJob.current) void api.jobs.cancel({ jobId: previewJob.current }).catch(() => undefined);
    },
    [],
  );

  async function stage(): Promise<Staged> {
    const files = [...sourceFiles, ...scanFiles];
    const prev = staged.current;
    if (prev && prev.files.length === files.length && prev.files.every((f, i) => f === files[i])) return prev;
    if (!textFile) throw new Error('no file');
    setStep({ name: 'staging' });
    const main = await stageSource(api, sourceFiles);
    const scans = [];
    for (const f of scanFiles) scans.push(await api.stageFile(f));
    const next = { files, fileId: main.fileId, scanFileIds: scans.map((s) => s.fileId) };
    staged.current = next;
    return next;
  }

  async function parse(opts: ImportOptions) {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setCommitError(null);
    try {
      const { fileId, scanFileIds } = await stage();
      setStep({ name: 'parsing', jobId: null, status: null });
      if (!pageImages && isExportJson(textFile)) {
        // A JSON export of this app holds the cases already: they come back as they were, with no preview.
        staged.current = null;
        const volume = await api.import.json({ fileId });
        notices.info(t('import.committed', { title: volume.title }));
        onImported(volume);
        return;
      }
      const preview = await runParse(
        api,
        { fileId, scanFileIds, options: opts },
        {
          onJob: (jobId) => !controller.signal.aborted && setStep({ name: 'parsing', jobId, status: null }),
          onStatus: (status) => !controller.signal.aborted && setStep({ name: 'parsing', jobId: status.id, status }),
        },
        controller.signal,
      );
      if (controller.signal.aborted) return;
      previewJob.current = preview.jobId;
      setRules((prev) => mergeRuleReports(prev, preview.changes, opts.disabledRules));
      setStep({ name: 'preview', preview, usedOptions: opts });
    } catch (err) {
      if (controller.signal.aborted) return;
      // The job is over, and with it the files it held in main: a new start uploads them again.
      staged.current = null;
      const error = toApiError(err);
      if (error.code === 'CANCELLED') {
        notices.info(t('import.cancelled'));
        setStep({ name: 'choose' });
      } else {
        setStep({ name: 'failed', error });
      }
    }
  }

  async function cancelJob(jobId: string | null) {
    if (jobId === null) {
      abort.current?.abort();
      setStep({ name: 'choose' });
      return;
    }
    try {
      await api.jobs.cancel({ jobId });
    } catch (err) {
      notices.error(err);
    }
  }

  async function commit(preview: ImportPreview, choices: CommitChoices) {
    setCommitting(true);
    setCommitStatus(null);
    setCommitError(null);
    try {
      const volume = await runCommit(
        api,
        {
          jobId: preview.jobId,
          title: choices.title.trim(),
          scanOffset: choices.scanOffset,
          replaceVolumeId: choices.replaceVolumeId,
        },
        setCommitStatus,
      );
      notices.info(t('import.committed', { title: volume.title }));
      onImported(volume);
    } catch (err) {
      setCommitting(false);
      // A commit that ran and failed (or was cancelled) ended the import; one refused before it ran did not.
      const status = await api.jobs.get({ jobId: preview.jobId }).catch(() => null);
      if (status?.state === 'failed' || status?.state === 'cancelled') {
        staged.current = null;
        const error = toApiError(err);
        if (error.code === 'CANCELLED') {
          notices.info(t('import.commitCancelled'));
          setStep({ name: 'choose' });
        } else {
          setStep({ name: 'failed', error });
        }
      } else {
        setCommitError(err);
      }
    }
  }

  const jobPhase = (status: JobStatus | null) => (status ? (lookup(`phases.${status.phase}`) ?? status.phase) : t('app.loading'));

  let body;
  let footer;
  switch (step.name) {
    case 'choose':
    case 'failed':
      body = (
        <div className="import-choose">
          <FileDrop
            label={t('import.textFile')}
            hint={t('import.textFileHint')}
            prompt={t('import.dropHere')}
            accept={TEXT_ACCEPT}
            multiple
            testId="import-text"
            onFiles={(files) => {
              const refused = files.length > 1 && !files.every(isPageImage);
              setSourceRefused(refused);
              setSourceFiles(refused ? [] : sortScanFiles(files));
              setDraft(EMPTY_DRAFT);
              setRules(new Map());
              setOptions((o) => ({ ...o, disabledRules: [] }));
              setStep({ name: 'choose' });
            }}
          >
            <span className="file-drop__chosen" data-testid="import-text-name">
              {pageImages ? t('import.pageImages', { count: sourceFiles.length }) : textFile ? textFile.name : t('import.noFile')}
            </span>
          </FileDrop>
          <FileDrop
            label={t('import.scanFiles')}
            hint={t('import.scanFilesHint')}
            prompt={t('import.dropScanHere')}
            accept={SCAN_ACCEPT}
            multiple
            testId="import-scan"
            onFiles={(files) => {
              setScanFiles(sortScanFiles(files));
              setStep({ name: 'choose' });
            }}
          >
            <span className="file-drop__chosen" data-testid="import-scan-names">
              {scanFiles.length === 0
                ? t('import.noFile')
                : scanFiles.length === 1
                  ? scanFiles[0]?.name
                  : t('import.scanCount', { count: scanFiles.length })}
            </span>
          </FileDrop>
          {sourceRefused ? (
            <p className="import-choose__refused" role="alert" data-testid="import-text-refused">
              {t('import.severalNotImages')}
            </p>
          ) : null}
          {scanFiles.length > 0 ? (
            <button type="button" className="link-button" onClick={() => setScanFiles([])} data-testid="import-scan-clear">
              {t('import.clearScans')}
            </button>
          ) : null}
          {step.name === 'failed' ? (
            <div data-testid="import-error">
              <h3>{t('import.failed')}</h3>
              <ErrorNotice error={step.error} />
            </div>
          ) : null}
        </div>
      );
      footer = (
        <>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!textFile}
            onClick={() => void parse(options)}
            data-testid="import-start"
          >
            {t('import.start')}
          </button>
        </>
      );
      break;
    case 'staging':
    case 'parsing': {
      const status = step.name === 'parsing' ? step.status : null;
      const label = step.name === 'staging' ? t('import.staging') : jobPhase(status);
      const known = status !== null && status.total > 0;
      body = (
        <div className="import-progress" data-testid="import-progress">
          <div className="import-progress__label">
            <span data-testid="import-phase" data-phase={status?.phase ?? step.name}>
              {label}
            </span>
            {known ? <span className="muted">{t('import.progress', { done: status.done, total: status.total })}</span> : null}
          </div>
          <progress max={known ? status.total : undefined} value={known ? status.done : undefined} aria-label={label} />
        </div>
      );
      footer = (
        <button
          type="button"
          onClick={() => void cancelJob(step.name === 'parsing' ? step.jobId : null)}
          data-testid="import-cancel-job"
        >
          {t('import.cancel')}
        </button>
      );
      break;
    }
    case 'preview': {
      const dirty = !sameOptions(options, step.usedOptions);
      body = (
        <ImportPreviewView
          client={api}
          preview={step.preview}
          fileName={pageImages ? step.preview.sourceName : (textFile?.name ?? step.preview.sourceName)}
          rules={rules}
          options={options}
          dirty={dirty}
          onOptions={setOptions}
          draft={draft}
          onDraft={setDraft}
          onRerun={() => void parse(options)}
          committing={committing}
          commitStatus={commitStatus}
          commitError={commitError}
          onCommit={(choices) => void commit(step.preview, choices)}
        />
      );
      footer = (
        <>
          <button type="button" onClick={() => setStep({ name: 'choose' })} disabled={committing} data-testid="import-back">
            {t('import.backToChoose')}
          </button>
          {committing ? (
            <button type="button" onClick={() => void cancelJob(step.preview.jobId)} data-testid="import-cancel-commit">
              {t('import.cancelCommit')}
            </button>
          ) : (
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
          )}
          <button
            type="submit"
            form="import-commit-form"
            className="primary"
            disabled={committing || dirty}
            data-testid="import-commit"
          >
            {committing ? t('import.committing') : t('import.commit')}
          </button>
        </>
      );
      break;
    }
  }

  return (
    <Dialog title={t('import.title')} onClose={onClose} testId="import-dialog" wide footer={footer}>
      <ol className="import-steps" aria-label={t('import.title')}>
        <li className="import-steps__step" aria-current={step.name === 'choose' || step.name === 'failed' ? 'step' : undefined}>
          {t('import.stepChoose')}
        </li>
        <li className="import-steps__step" aria-current={step.name === 'staging' || step.name === 'parsing' ? 'step' : undefined}>
          {t('import.stepParse')}
        </li>
        <li className="import-steps__step" aria-current={step.name === 'preview' ? 'step' : undefined}>
          {t('import.stepPreview')}
        </li>
      </ol>
      {body}
    </Dialog>
  );
}
