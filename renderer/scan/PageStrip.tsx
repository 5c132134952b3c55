import type { Page } from '../../shared/model/entities.ts';
import { padPrinted } from '../editor/pageLabels.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** The case's pages as chips coloured by status; the current one is marked; a click goes there. */
export function PageStrip({
  pages,
  casePages,
  currentPage,
  onGotoPage,
}: {
  pages: readonly Page[];
  casePages: readonly number[];
  currentPage: number | null;
  onGotoPage: (page: number) => void;
}) {
  const { t } = useI18n();
  const byIndex = new Map(pages.map((p) => [p.index, p]));
  return (
    <nav className="page-strip" aria-label={t('proof.strip.title')} data-testid="page-strip">
      {casePages.map((index) => {
        const page = byIndex.get(index);
        const status = page?.status ?? 'unproofed';
        const label = page?.printedLabel ? padPrinted(page.printedLabel) : `#${index + 1}`;
        return (
          <button
            key={index}
            type="button"
            className="page-strip__chip"
            data-testid={`page-chip-${index}`}
            data-status={status}
            aria-current={index === currentPage ? 'page' : undefined}
            title={`${t('proof.strip.page', { label })} · ${t(`pageStatus.${status}`)}`}
            onClick={() => onGotoPage(index)}
          >
            {label}
          </button>
        );
      })}
    </nav>
  );
}
