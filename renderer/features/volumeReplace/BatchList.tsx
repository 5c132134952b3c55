import { useState } from 'react';
import type { ReplaceBatch } from '../../../shared/model/replace.ts';
import { toApiError, type ApiError } from '../../api/apiError.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { useNotices } from '../../ui/Notices.tsx';
import { useAsync } from '../../ui/useAsync.ts';
import { useViewerWhy } from '../sync/useSyncStatus.ts';
import { CaseRefList } from './CaseRefList.tsx';
import { casesOfError, type ReplaceClient } from './replaceFlow.ts';

/** Refusals an undo answers with a list of the cases in its way. */
const REFUSALS = new Set(['BATCH_UNDO_REFUSED', 'CASE_LOCKED']);

/** The volume's replace batches, newest first, with an undo each (any batch, not only the last). */
export function BatchList({ volumeId, client, onChanged }: { volumeId: number; client: ReplaceClient; onChanged(): void }) {
  const { t, formatDateTime } = useI18n();
  const notices = useNotices();
  const batches = useAsync(`replace-batches:${volumeId}`, () => client.replace.batches({ volumeId }));
  const [undoing, setUndoing] = useState<ReplaceBatch | null>(null);
  // A viewer of a shared library undoes nothing (main refuses it).
  const why = useViewerWhy();
  const [refusal, setRefusal] = useState<ApiError | null>(null);

  async function undo(batch: ReplaceBatch) {
    setRefusal(null);
    try {
      const done = await client.replace.undo({ id: batch.id });
      notices.info(t('volumeReplace.undoDone', { cases: done.cases }));
      onChanged();
    } catch (err) {
      const e = toApiError(err);
      // A refusal names cases: shown under the list, where it stays while the user looks at them.
      if (!REFUSALS.has(e.code)) throw err;
      setRefusal(e);
    }
    setUndoing(null);
    batches.reload();
  }

  if (batches.data === undefined) {
    return batches.error ? <ErrorNotice error={batches.error} onRetry={batches.reload} /> : <Loading />;
  }
  return (
    <section className="batch-list">
      {refusal ? (
        <div className="batch-list__refusal" data-testid="replace-undo-refused" data-code={refusal.code}>
          <ErrorNotice error={refusal} />
          <CaseRefList cases={casesOfError(refusal.details)} testId="replace-undo-refused-cases" />
        </div>
      ) : null}
      {batches.data.length === 0 ? (
        <p className="empty-hint" data-testid="replace-no-batches">
          {t('volumeReplace.noBatches')}
        </p>
      ) : (
        <table className="data-table" data-testid="replace-batches">
          <thead>
            <tr>
              <th className="data-table__col--date">{t('volumeReplace.colAt')}</th>
              <th>{t('volumeReplace.colWho')}</th>
              <th>{t('volumeReplace.colChange')}</th>
              <th>{t('volumeReplace.colReason')}</th>
              <th>{t('volumeReplace.colCount')}</th>
              <th>{t('volumeReplace.colState')}</th>
            </tr>
          </thead>
          <tbody>
            {batches.data.map((b) => (
              <tr key={b.id} data-testid="replace-batch" data-batch-id={b.id} data-undone={b.undoneAt !== null}>
                <td className="data-table__col--date">{formatDateTime(b.at)}</td>
                <td>{b.who}</td>
                <td>
                  <span className="batch-list__find">{b.find}</span>
                  {' → '}
                  <span className="batch-list__replacement">{b.replacement === '' ? '∅' : b.replacement}</span>
                  {b.regex ? <span className="batch-list__flag">{t('volumeReplace.regex')}</span> : null}
                  {b.caseSensitive ? <span className="batch-list__flag">{t('volumeReplace.caseSensitive')}</span> : null}
                </td>
                <td className="batch-list__reason">{b.reason}</td>
                <td className="batch-list__counts">{t('volumeReplace.counts', { hits: b.hits, cases: b.cases })}</td>
                <td>
                  {b.undoneAt !== null ? (
                    <span className="muted" data-testid="replace-batch-undone">
                      {t('volumeReplace.undone', { who: b.undoneBy ?? '', at: formatDateTime(b.undoneAt) })}
                    </span>
                  ) : (
                    <button
                      type="button"
                      data-testid="replace-batch-undo"
                      disabled={why !== undefined}
                      title={why}
                      onClick={() => setUndoing(b)}
                    >
                      {t('volumeReplace.undo')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {undoing ? (
        <ConfirmDialog
          title={t('volumeReplace.undoTitle')}
          confirmLabel={t('volumeReplace.undoConfirm')}
          testPrefix="replace-undo"
          onClose={() => setUndoing(null)}
          onConfirm={() => undo(undoing)}
        >
          <p>{t('volumeReplace.undoBody', { find: undoing.find, replacement: undoing.replacement, cases: undoing.cases })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
