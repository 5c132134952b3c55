import { collapseSame, type DiffResult } from '../../../shared/proof/diff.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** An inline character diff: deletions struck through, insertions underlined, long equal runs shortened. */
export function DiffView({ diff }: { diff: DiffResult }) {
  const { t } = useI18n();
  const parts = collapseSame(diff.parts, 24);
  return (
    <div className="diff-view" data-testid="diff-view">
      <p className="diff-view__stats" data-testid="diff-stats">
        {t('proof.history.diffStats', { ins: diff.inserted, del: diff.deleted })}
        {diff.coarse && ` · ${t('proof.history.coarse')}`}
      </p>
      {diff.inserted + diff.deleted === 0 ? (
        <p className="side-panel__empty">{t('proof.history.noDiff')}</p>
      ) : (
        <div className="diff-view__text">
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
