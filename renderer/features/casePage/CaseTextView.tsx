import type { CaseDoc } from '../../../shared/model/caseDoc.ts';
import type { Page } from '../../../shared/model/entities.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { segmentDoc } from './docSegments.ts';

/**
 * The case text, read-only: each block with its kind as a small coloured label, page boundaries as
 * `— 第 N 页 —` lines (N = the printed page number; unnumbered pages show their position instead).
 */
export function CaseTextView({ doc, pages }: { doc: CaseDoc; pages: readonly Page[] | undefined }) {
  const { t } = useI18n();
  const labels = new Map(pages?.map((p) => [p.index, p.printedLabel]));
  const boundary = (page: number) => {
    const printed = labels.get(page);
    return printed ? t('casePage.pageBoundary', { page: printed }) : t('casePage.pageBoundaryUnnumbered', { index: page + 1 });
  };

  if (doc.blocks.length === 0) return <p className="empty-hint">{t('casePage.emptyDoc')}</p>;
  return (
    <div className="case-text" data-testid="case-text" lang="zh-CN">
      {segmentDoc(doc).map((seg) =>
        seg.type === 'page' ? (
          <div key={`p${seg.page}-${seg.page}`} className="page-boundary" role="separator" data-testid="page-boundary" data-page={seg.page}>
            {boundary(seg.page)}
          </div>
        ) : (
          <div key={`b${seg.index}`} className={`case-block kind-${seg.kind}`} data-testid="case-block" data-kind={seg.kind}>
            <span className={`kind-label kind-${seg.kind}`} title={t(`blockKinds.${seg.kind}`)}>
              {t(`blockKinds.${seg.kind}`)}
            </span>
            <div className="block-text">
              {seg.pieces.map((piece, i) =>
                piece.type === 'text' ? (
                  <span key={i}>{piece.text}</span>
                ) : (
                  <span key={i} className="page-boundary inline" role="separator" data-testid="page-boundary" data-page={piece.page}>
                    {boundary(piece.page)}
                  </span>
                ),
              )}
            </div>
          </div>
        ),
      )}
    </div>
  );
}
