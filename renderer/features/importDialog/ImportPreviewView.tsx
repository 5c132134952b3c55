import type { ImportPreview, JobStatus } from '../../../shared/ipc/contract.ts';
import type { RuleSummary } from '../../../shared/model/importPreview.ts';
import type { ImportOptions } from '../../../shared/model/importResult.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { ChangeLog } from './ChangeLog.tsx';
import { defaultTitle } from './importFlow.ts';
import {
  PreviewCases,
  PreviewFrontMatter,
  PreviewToc,
  PreviewUnassigned,
  PreviewWarnings,
  StructureWarnings,
  type PreviewClient,
} from './PreviewTables.tsx';

export interface CommitChoices {
  title: string;
  scanOffset: number;
  replaceVolumeId: number | null;
}

export type PreviewTab = 'cases' | 'toc' | 'front' | 'unassigned' | 'changes' | 'warnings';

/** What the user set in the preview; kept by the dialog so it survives a re-run with other rules. */
export interface PreviewDraft {
  tab: PreviewTab;
  /** null until edited: the file name's stem. */
  title: string | null;
  /** null until edited: the suggested offset. */
  offset: number | null;
  mode: 'replace' | 'keep';
}

export const EMPTY_DRAFT: PreviewDraft = { tab: 'cases', title: null, offset: null, mode: 'keep' };

interface Props {
  client: PreviewClient;
  preview: ImportPreview;
  fileName: string;
  rules: ReadonlyMap<string, RuleSummary | null>;
  options: ImportOptions;
  /** Options differ from those the preview was made with: importing waits for a re-run. */
  dirty: boolean;
  onOptions(o: ImportOptions): void;
  draft: PreviewDraft;
  onDraft(d: PreviewDraft): void;
  onRerun(): void;
  committing: boolean;
  /** The commit's job while it writes (cases written so far). */
  commitStatus: JobStatus | null;
  commitError: unknown;
  onCommit(choices: CommitChoices): void;
}

export function ImportPreviewView(props: Props) {
  const {
    client,
    preview,
    fileName,
    rules,
    options,
    dirty,
    onOptions,
    onRerun,
    committing,
    commitStatus,
    commitError,
    onCommit,
    draft,
    onDraft,
  } = props;
  const { t } = useI18n();
  const { counts, jobId } = preview;
  const { tab, mode } = draft;
  const title = draft.title ?? defaultTitle(fileName);
  const scanOffset = draft.offset ?? preview.suggestedOffset;
  const set = (patch: Partial<PreviewDraft>) => onDraft({ ...draft, ...patch });
  const disabled = new Set(options.disabledRules);
  const changed = preview.changes.reduce((n, r) => n + r.count, 0);

  const unassigned = preview.unassigned ?? { total: 0, items: [] };
  const tabs: ReadonlyArray<{ id: PreviewTab; label: MessageKey; count: number }> = [
    { id: 'cases', label: 'import.tabCases', count: counts.cases },
    { id: 'toc', label: 'import.tabToc', count: counts.toc },
    { id: 'front', label: 'import.tabFront', count: counts.frontMatter },
    // Only when there is text no case holds: it is what the user must look at.
    ...(unassigned.total > 0
      ? [{ id: 'unassigned' as const, label: 'importReview.tabUnassigned' as const, count: unassigned.total }]
      : []),
    { id: 'changes', label: 'import.tabChanges', count: changed },
    { id: 'warnings', label: 'import.tabWarnings', count: preview.warnings.length },
  ];

  return (
    <div className="import-preview" data-testid="import-preview">
      <p className="import-preview__summary" data-testid="import-summary">
        <strong>
          {t('import.summary', {
            pages: counts.pages,
            toc: counts.toc,
            cases: counts.cases,
            front: counts.frontMatter,
          })}
        </strong>
        <span className="muted"> · {t('import.encoding', { encoding: preview.encoding })}</span>
        {dirty ? <span className="import-preview__stale"> · {t('import.rerunNeeded')}</span> : null}
      </p>
      <StructureWarnings warnings={preview.warnings} />

      <form
        id="import-commit-form"
        className="import-preview__form"
        onSubmit={(e) => {
          e.preventDefault();
          if (dirty || title.trim() === '') return;
          onCommit({
            title,
            scanOffset: preview.scanPageCount > 0 ? scanOffset : 0,
            replaceVolumeId: preview.existingVolume && mode === 'replace' ? preview.existingVolume.id : null,
          });
        }}
      >
        <label htmlFor="import-title">{t('import.volumeTitle')}</label>
        <input
          id="import-title"
          data-testid="import-title"
          value={title}
          required
          maxLength={200}
          onChange={(e) => set({ title: e.target.value })}
        />
        <label htmlFor="import-offset">{t('import.scanOffset')}</label>
        {preview.scanPageCount > 0 ? (
          <div className="import-preview__offset">
            <input
              id="import-offset"
              type="number"
              step={1}
              className="import-preview__offset-input"
              data-testid="import-offset"
              value={scanOffset}
              onChange={(e) => set({ offset: e.target.value === '' ? null : Math.trunc(Number(e.target.value)) })}
            />
            <span className="hint" data-testid="import-scan-pages">
              {t('import.scanOffsetHint', { scan: scanOffset + 1, count: preview.scanPageCount })}
            </span>
          </div>
        ) : (
          <span className="muted" id="import-offset">
            {t('import.noScanAttached')}
          </span>
        )}
        {preview.existingVolume ? (
          <fieldset className="import-preview__existing" data-testid="import-existing">
            <legend>{t('import.existing', { title: preview.existingVolume.title })}</legend>
            <label>
              <input
                type="radio"
                name="import-mode"
                checked={mode === 'keep'}
                onChange={() => set({ mode: 'keep' })}
                data-testid="import-keep-both"
              />
              {t('import.keepBoth')}
            </label>
            <label>
              <input
                type="radio"
                name="import-mode"
                checked={mode === 'replace'}
                onChange={() => set({ mode: 'replace' })}
                data-testid="import-replace"
              />
              {t('import.replace')}
            </label>
          </fieldset>
        ) : null}
      </form>
      {commitError ? <ErrorNotice error={commitError} testId="import-commit-error" /> : null}
      {committing ? (
        <p className="muted" data-testid="import-commit-progress">
          {commitStatus?.phase === 'write' && commitStatus.total > 0
            ? t('import.committingProgress', { done: commitStatus.done, total: commitStatus.total })
            : t('import.committing')}
        </p>
      ) : null}

      <div className="tabs" role="tablist">
        {tabs.map((x) => (
          <button
            key={x.id}
            type="button"
            role="tab"
            id={`import-tab-${x.id}`}
            aria-selected={tab === x.id}
            aria-controls="import-tabpanel"
            data-testid={`import-tab-${x.id}`}
            className={(x.id === 'warnings' || x.id === 'unassigned') && x.count > 0 ? 'tabs__tab tabs__tab--warn' : 'tabs__tab'}
            onClick={() => set({ tab: x.id })}
          >
            {t(x.label, { count: x.count })}
          </button>
        ))}
      </div>
      <div className="import-preview__panel" role="tabpanel" id="import-tabpanel" aria-labelledby={`import-tab-${tab}`}>
        {tab === 'cases' ? <PreviewCases client={client} jobId={jobId} total={counts.cases} /> : null}
        {tab === 'toc' ? <PreviewToc client={client} jobId={jobId} total={counts.toc} /> : null}
        {tab === 'front' ? <PreviewFrontMatter client={client} jobId={jobId} total={counts.frontMatter} /> : null}
        {tab === 'unassigned' && unassigned.total > 0 ? <PreviewUnassigned unassigned={unassigned} /> : null}
        {tab === 'warnings' ? <PreviewWarnings warnings={preview.warnings} /> : null}
        {tab === 'changes' ? (
          <>
            <div className="import-preview__options">
              <label>
                <input
                  type="checkbox"
                  checked={options.cjkDigitSpace}
                  data-testid="import-cjk-digit-space"
                  onChange={(e) => onOptions({ ...options, cjkDigitSpace: e.target.checked })}
                />
                {t('import.cjkDigitSpace')}
              </label>
              <button
                type="button"
                className={dirty ? 'primary' : undefined}
                disabled={!dirty}
                onClick={onRerun}
                data-testid="import-rerun"
              >
                {t('import.rerun')}
              </button>
              {dirty ? <span className="hint">{t('import.rerunNeeded')}</span> : null}
            </div>
            <ChangeLog
              client={client}
              jobId={jobId}
              rules={rules}
              disabled={disabled}
              onToggle={(rule, enabled) =>
                onOptions({
                  ...options,
                  disabledRules: enabled
                    ? options.disabledRules.filter((r) => r !== rule)
                    : [...options.disabledRules.filter((r) => r !== rule), rule],
                })
              }
            />
          </>
        ) : null}
      </div>
    </div>
  );
}
