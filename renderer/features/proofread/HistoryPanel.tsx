import { useEffect, useState } from 'react';
import type { Case, Revision, RevisionSummary } from '../../../shared/model/entities.ts';
import { docToPlainText } from '../../../shared/model/caseDoc.ts';
import { diffText, type DiffResult } from '../../../shared/proof/diff.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import type { ProofreadClient } from './client.ts';
import { DiffView } from './DiffView.tsx';

export interface HistoryPanelProps {
  client: Pick<ProofreadClient, 'cases' | 'revisions'>;
  caseId: number;
  /** Current version (the restore is based on it); a change also refreshes the list. */
  version: number;
  /** The editor's current text, one block a line. */
  getCurrentText: () => string;
  /** Saves pending edits first, so a restore never silently drops them. */
  beforeRestore: () => Promise<void>;
  /** Returns the version after `beforeRestore` (a save may have advanced it). */
  getVersion: () => number;
  onRestored: (c: Case) => void;
}

type Compare = { revisionId: number; against: 'current' | 'import'; diff: DiffResult };

/** What failed, for the notice's title. */
type Failure = { during: 'list' | 'compare' | 'restore'; error: unknown };

const FAILURE_TITLES = {
  list: 'proof.history.failed',
  compare: 'proof.history.compareFailed',
  restore: 'proof.history.restoreFailed',
} as const;

function revisionText(r: Revision): string {
  return r.text || docToPlainText(r.doc);
}

/** Revisions of the case: compare with the current text or the import as a character diff; restore. */
export function HistoryPanel({
  client,
  caseId,
  version,
  getCurrentText,
  beforeRestore,
  getVersion,
  onRestored,
}: HistoryPanelProps) {
  const { t, formatDateTime } = useI18n();
  const [list, setList] = useState<RevisionSummary[] | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [compare, setCompare] = useState<Compare | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    client.cases.revisions({ id: caseId }).then(
      (revs) => live && setList([...revs].sort((a, b) => b.version - a.version)),
      (error: unknown) => live && setFailure({ during: 'list', error }),
    );
    return () => {
      live = false;
    };
  }, [client, caseId, version]);

  const importRev = list?.find((r) => r.kind === 'import') ?? list?.at(-1);

  const runCompare = async (rev: RevisionSummary, against: 'current' | 'import') => {
    setBusy(true);
    setFailure(null);
    try {
      const full = await client.revisions.get({ id: rev.id });
      let before: string;
      let after: string;
      if (against === 'current') {
        before = revisionText(full);
        after = getCurrentText();
      } else {
        before = importRev ? revisionText(await client.revisions.get({ id: importRev.id })) : '';
        after = revisionText(full);
      }
      setCompare({ revisionId: rev.id, against, diff: diffText(before, after) });
    } catch (error) {
      setFailure({ during: 'compare', error });
    } finally {
      setBusy(false);
    }
  };

  const restore = async (rev: RevisionSummary) => {
    setBusy(true);
    setFailure(null);
    try {
      await beforeRestore();
      const restored = await client.cases.restore({ id: caseId, revisionId: rev.id, version: getVersion() });
      setCompare(null);
      onRestored(restored);
    } catch (error) {
      setFailure({ during: 'restore', error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <aside
      className="side-panel history-panel"
      data-testid="history-panel"
      aria-label={t('proof.history.title')}
      aria-busy={busy}
    >
      <header className="side-panel__head">
        <h2>{t('proof.history.title')}</h2>
      </header>
      {failure && <ErrorNotice error={failure.error} title={t(FAILURE_TITLES[failure.during])} testId="history-error" />}
      {list && list.length === 0 && <p className="side-panel__empty">{t('proof.history.empty')}</p>}
      <ol className="history-panel__list">
        {list?.map((rev) => (
          <li
            key={rev.id}
            className="history-panel__item"
            data-testid="revision-item"
            data-kind={rev.kind}
            data-version={rev.version}
          >
            <div className="history-panel__meta">
              <strong>{t(`proof.history.kind.${rev.kind}`)}</strong> {t('proof.history.version', { version: rev.version })} ·{' '}
              {rev.who || t('common.none')} · {formatDateTime(rev.at)} · {t('proof.history.chars', { chars: rev.chars })}
            </div>
            <div className="history-panel__actions">
              <button
                type="button"
                disabled={busy}
                data-testid="revision-compare-current"
                onClick={() => void runCompare(rev, 'current')}
              >
                {t('proof.history.compareCurrent')}
              </button>
              {importRev && rev.id !== importRev.id && (
                <button
                  type="button"
                  disabled={busy}
                  data-testid="revision-compare-import"
                  onClick={() => void runCompare(rev, 'import')}
                >
                  {t('proof.history.compareImport')}
                </button>
              )}
              {rev.version !== version && (
                <button type="button" disabled={busy} data-testid="revision-restore" onClick={() => void restore(rev)}>
                  {t('proof.history.restore')}
                </button>
              )}
            </div>
            {compare?.revisionId === rev.id && <DiffView diff={compare.diff} />}
          </li>
        ))}
      </ol>
    </aside>
  );
}
