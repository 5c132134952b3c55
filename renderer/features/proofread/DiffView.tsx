import { collapseSame, type DiffResult } from '../../../shared/proof/diff.ts';
import { useProofT } from './strings.ts';

/** An inline character diff: deletions struck through, insertions underlined, long equal runs shortened. */
export function DiffView({ diff }: { diff: DiffResult }) {
  const t = useProofT();
  const parts = collapseSame(diff.parts, 24);
  return (
    <div className="cb-diff" data-testid="diff-view">
      <p className="cb-diff__stats" data-testid="diff-stats">
        {t('proof.history.diffStats', { ins: diff.inserted, del: diff.deleted })}
        {diff.coarse && ` · ${t('proof.history.coarse')}`}
      </p>
      {diff.inserted + diff.deleted === 0 ? (
        <p className="cb-panel__empty">{t('proof.history.noDiff')}</p>
      ) : (
        <div className="cb-diff__text">
          {parts.map((p, i) =>
            p.kind === 'ins' ? (
              <ins key={i}>{p.text}</ins>
            ) : p.kind === 'del' ? (
              <del key={i}>{p.text}</del>
            ) : (
              <span key={i}>{p.text}</span>
            ),
          )}
        </div>
      )}
    </div>
  );
}
