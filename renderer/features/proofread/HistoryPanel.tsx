import { useEffect, useState } from 'react';
import type { Case, Revision, RevisionSummary } from '../../../shared/model/entities.ts';
import { docToPlainText } from '../../../shared/model/caseDoc.ts';
import { diffText, type DiffResult } from '../../../shared/proof/diff.ts';
import { errorMessage, type ProofreadClient } from './client.ts';
import { DiffView } from './DiffView.tsx';
import { useProofT } from './strings.ts';

export interface HistoryPanelProps {
  client: ProofreadClient;
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
  lang: string;
}

type Compare = { revisionId: number; against: 'current' | 'import'; diff: DiffResult };

function revisionText(r: Revision): string {
  return r.text || docToPlainText(r.doc);
}

/** Revisions of the case: compare with the current text or the import as a character diff; restore. */
export function HistoryPanel({ client, caseId, version, getCurrentText, beforeRestore, getVersion, onRestored, lang }: HistoryPanelProps) {
  const t = useProofT();
  const [list, setList] = useState<RevisionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [compare, setCompare] = useState<Compare | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    client.cases.revisions({ id: caseId }).then(
      (revs) => live && setList([...revs].sort((a, b) => b.version - a.version)),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [client, caseId, version]);

  const importRev = list?.find((r) => r.kind === 'import') ?? list?.at(-1);

  const runCompare = async (rev: RevisionSummary, against: 'current' | 'import') => {
    setBusy(true);
    setError(null);
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
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const restore = async (rev: RevisionSummary) => {
    setBusy(true);
    setError(null);
    try {
      await beforeRestore();
      const restored = await client.cases.restore({ id: caseId, revisionId: rev.id, version: getVersion() });
      setCompare(null);
      onRestored(restored);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const when = (at: string) => {
    const d = new Date(at);
    return Number.isNaN(d.getTime()) ? at : d.toLocaleString(lang);
  };

  return (
    <aside className="cb-panel cb-history" data-testid="history-panel" aria-label={t('proof.history.title')} aria-busy={busy}>
      <header className="cb-panel__head">
        <h2>{t('proof.history.title')}</h2>
      </header>
      {error && (
        <p className="cb-panel__error" role="alert">
          {error}
        </p>
      )}
      {list && list.length === 0 && <p className="cb-panel__empty">{t('proof.history.empty')}</p>}
      <ol className="cb-history__list">
        {list?.map((rev) => (
          <li key={rev.id} className="cb-history__item" data-testid="revision-item" data-kind={rev.kind} data-version={rev.version}>
            <div className="cb-history__meta">
              <strong>{t(`proof.history.kind.${rev.kind}`)}</strong> v{rev.version} · {rev.who || '—'} · {when(rev.at)} ·{' '}
              {t('proof.history.chars', { chars: rev.chars })}
            </div>
            <div className="cb-history__actions">
              <button type="button" disabled={busy} data-testid="revision-compare-current" onClick={() => void runCompare(rev, 'current')}>
                {t('proof.history.compareCurrent')}
              </button>
              {importRev && rev.id !== importRev.id && (
                <button type="button" disabled={busy} data-testid="revision-compare-import" onClick={() => void runCompare(rev, 'import')}>
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
