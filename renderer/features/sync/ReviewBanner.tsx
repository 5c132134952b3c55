import { useEffect, useMemo } from 'react';
import { diffText } from '../../../shared/proof/diff.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useAsync } from '../../ui/useAsync.ts';
import { useSubmit } from '../../ui/useSubmit.ts';
import { DiffView } from '../proofread/DiffView.tsx';

const POLL_MS = 3000;

/**
 * A signed case that a team merge changed since: what changed since the signature (the signed
 * text is the sign-off's pinned snapshot), until someone marks it reviewed. Nothing for other cases.
 */
export function ReviewBanner({ caseId }: { caseId: number }) {
  const { t } = useI18n();
  const review = useAsync(`review:${caseId}`, () => api.sync.review({ caseId }));
  const { reload } = review;
  useEffect(() => {
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const clear = useSubmit(async () => {
    await api.sync.clearReview({ caseId });
    review.reload();
  });
  const data = review.data ?? null;
  const diff = useMemo(() => (data?.signedText == null ? null : diffText(data.signedText, data.currentText)), [data]);
  if (!data) return null;
  return (
    <div className="conflict-banner review-banner" role="status" data-testid="review-banner">
      <strong>{t('sync.review.title')}</strong>
      <p className="hint">{t('sync.review.hint', { who: data.signer })}</p>
      {diff ? <DiffView diff={diff} /> : null}
      <button type="button" disabled={clear.busy} onClick={() => clear.run()} data-testid="review-clear">
        {t('sync.review.clear')}
      </button>
    </div>
  );
}
