import { useState } from 'react';
import {
  REPLACE_LIMITS,
  type ReplaceApplyResult,
  type ReplacePreview,
  type ReplacePreviewInput,
} from '../../../shared/model/replace.ts';
import { REASON_MAX } from '../../../shared/workflow/schemas.ts';
import { toApiError } from '../../api/apiError.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useSubmit } from '../../ui/useSubmit.ts';
import { useViewerWhy } from '../sync/useSyncStatus.ts';
import { BatchList } from './BatchList.tsx';
import { CaseRefList } from './CaseRefList.tsx';
import { ReplaceHits } from './ReplaceHits.tsx';
import {
  allHitIds,
  applyInput,
  casesOfError,
  EMPTY_FORM,
  previewInput,
  type ReplaceClient,
  type ReplaceForm,
} from './replaceFlow.ts';
import './volumeReplace.css';

export interface VolumeReplaceDialogProps {
  volumeId: number;
  /** The cases the case table shows under its filter, when it filters: offered as the scope. */
  filteredCaseIds?: readonly number[] | null;
  client: ReplaceClient;
  /** A batch was applied or undone: the volume's cases changed. */
  onChanged(): void;
  onClose(): void;
}

type Tab = 'replace' | 'batches';

/**
 * Find and replace across a volume: query → preview of every hit (a checkbox each) → apply the
 * chosen ones with a reason, as one batch; the batches tab lists them with an undo each.
 */
export function VolumeReplaceDialog({ volumeId, filteredCaseIds = null, client, onChanged, onClose }: VolumeReplaceDialogProps) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('replace');
  const [form, setForm] = useState<ReplaceForm>(EMPTY_FORM);
  const [shown, setShown] = useState<{ query: ReplacePreviewInput; preview: ReplacePreview } | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [reason, setReason] = useState('');
  const [applied, setApplied] = useState<ReplaceApplyResult | null>(null);
  const [batchesKey, setBatchesKey] = useState(0);
  // A viewer of a shared library may preview the hits but replaces nothing (main refuses it).
  const why = useViewerWhy();

  const query = previewInput(form, volumeId, filteredCaseIds);
  const stale = shown !== null && JSON.stringify(shown.query) !== JSON.stringify(query);
  const set = (patch: Partial<ReplaceForm>) => setForm((f) => ({ ...f, ...patch }));

  const preview = useSubmit(async () => {
    setApplied(null);
    const result = await client.replace.preview(query);
    setShown({ query, preview: result });
    setSelected(allHitIds(result));
  });
  const apply = useSubmit(async () => {
    if (!shown) return;
    const result = await client.replace.apply(applyInput(shown.query, shown.preview, selected, reason));
    setApplied(result);
    setShown(null);
    setSelected(new Set());
    setReason('');
    setBatchesKey((k) => k + 1);
    onChanged();
  });
  const applyError = apply.error ? toApiError(apply.error) : null;

  const footer = (
    <button type="button" onClick={onClose} data-testid="replace-close-button">
      {t('common.close')}
    </button>
  );

  return (
    <Dialog title={t('volumeReplace.title')} onClose={onClose} testId="replace-dialog" footer={footer} wide>
      <div className="tabs" role="tablist">
        {(['replace', 'batches'] as const).map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`replace-tab-${id}`}
            aria-selected={tab === id}
            aria-controls="replace-tabpanel"
            className="tabs__tab"
            data-testid={`replace-tab-${id}`}
            onClick={() => setTab(id)}
          >
            {t(id === 'replace' ? 'volumeReplace.tabReplace' : 'volumeReplace.tabBatches')}
          </button>
        ))}
      </div>
      <div className="volume-replace" role="tabpanel" id="replace-tabpanel" aria-labelledby={`replace-tab-${tab}`}>
        {tab === 'batches' ? (
          <BatchList key={batchesKey} volumeId={volumeId} client={client} onChanged={onChanged} />
        ) : (
          <>
            <form className="volume-replace__query form-grid" onSubmit={preview.onSubmit}>
              <label htmlFor="replace-find">{t('volumeReplace.find')}</label>
              <input
                id="replace-find"
                data-testid="replace-find"
                value={form.pattern}
                maxLength={REPLACE_LIMITS.patternChars}
                autoFocus
                onChange={(e) => set({ pattern: e.target.value })}
              />
              <label htmlFor="replace-with">{t('volumeReplace.replaceWith')}</label>
              <input
                id="replace-with"
                data-testid="replace-with"
                value={form.replacement}
                maxLength={REPLACE_LIMITS.replacementChars}
                onChange={(e) => set({ replacement: e.target.value })}
              />
              <span className="form-grid__label">{t('volumeReplace.options')}</span>
              <div className="volume-replace__options">
                <label>
                  <input
                    type="checkbox"
                    checked={form.regex}
                    data-testid="replace-regex"
                    onChange={(e) => set({ regex: e.target.checked })}
                  />
                  {t('volumeReplace.regex')}
                </label>
                <label>
                  <input
                    type="checkbox"
                    checked={form.caseSensitive}
                    data-testid="replace-case"
                    onChange={(e) => set({ caseSensitive: e.target.checked })}
                  />
                  {t('volumeReplace.caseSensitive')}
                </label>
                {form.regex ? <span className="hint">{t('volumeReplace.regexHint')}</span> : null}
              </div>
              <span className="form-grid__label">{t('volumeReplace.scope')}</span>
              <div className="volume-replace__options" role="radiogroup" aria-label={t('volumeReplace.scope')}>
                <label>
                  <input
                    type="radio"
                    name="replace-scope"
                    checked={form.scope === 'volume' || !filteredCaseIds}
                    data-testid="replace-scope-volume"
                    onChange={() => set({ scope: 'volume' })}
                  />
                  {t('volumeReplace.scopeVolume')}
                </label>
                {filteredCaseIds ? (
                  <label>
                    <input
                      type="radio"
                      name="replace-scope"
                      checked={form.scope === 'filtered'}
                      data-testid="replace-scope-filtered"
                      onChange={() => set({ scope: 'filtered' })}
                    />
                    {t('volumeReplace.scopeFiltered', { count: filteredCaseIds.length })}
                  </label>
                ) : null}
              </div>
              <span />
              <div className="row">
                <button
                  type="submit"
                  className="primary"
                  disabled={preview.busy || form.pattern === ''}
                  data-testid="replace-preview"
                >
                  {t('volumeReplace.preview')}
                </button>
              </div>
            </form>
            {preview.error ? <ErrorNotice error={preview.error} testId="replace-preview-error" /> : null}

            {applied ? <AppliedSummary result={applied} /> : null}

            {shown ? (
              <>
                {stale ? (
                  <p className="volume-replace__stale" role="status" data-testid="replace-stale">
                    {t('volumeReplace.stale')}
                  </p>
                ) : null}
                <ReplaceHits preview={shown.preview} selected={selected} onSelect={setSelected} />
                {shown.preview.cases.length > 0 ? (
                  <form className="volume-replace__apply" onSubmit={apply.onSubmit}>
                    <label htmlFor="replace-reason">{t('volumeReplace.reason')}</label>
                    <input
                      id="replace-reason"
                      data-testid="replace-reason"
                      value={reason}
                      maxLength={REASON_MAX}
                      placeholder={t('volumeReplace.reasonPlaceholder')}
                      onChange={(e) => setReason(e.target.value)}
                    />
                    <button
                      type="submit"
                      className="primary"
                      disabled={apply.busy || why !== undefined || stale || selected.size === 0 || reason.trim() === ''}
                      title={why}
                      data-testid="replace-apply"
                    >
                      {t('volumeReplace.apply', { count: selected.size })}
                    </button>
                  </form>
                ) : null}
                {applyError ? (
                  <div data-testid="replace-apply-error">
                    <ErrorNotice error={applyError} />
                    <CaseRefList cases={casesOfError(applyError.details)} testId="replace-apply-error-cases" />
                  </div>
                ) : null}
              </>
            ) : null}
          </>
        )}
      </div>
    </Dialog>
  );
}

function AppliedSummary({ result }: { result: ReplaceApplyResult }) {
  const { t } = useI18n();
  return (
    <div className="volume-replace__done" role="status" data-testid="replace-done">
      <p>{t('volumeReplace.applied', { hits: result.batch.hits, cases: result.batch.cases })}</p>
      {result.locked.length > 0 ? (
        <>
          <p>{t('volumeReplace.appliedLocked', { count: result.locked.length })}</p>
          <CaseRefList cases={result.locked} testId="replace-done-locked" />
        </>
      ) : null}
    </div>
  );
}
