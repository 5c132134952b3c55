import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { routeHref } from '../../router.ts';
import { useAsync } from '../../ui/useAsync.ts';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { useNotices } from '../../ui/Notices.tsx';
import { StageBadge } from '../../ui/StageBadge.tsx';
import { formatCaseNumber, formatPrintedRange } from '../library/caseTable.ts';
import { CaseTextView } from './CaseTextView.tsx';
import { EventHistory } from './EventHistory.tsx';
import { StageControl } from './StageControl.tsx';

/** `#/case/<id>`: one case — its metadata, stage control, text (read-only for now) and history. */
export function CasePage({ id }: { id: number }) {
  const { t } = useI18n();
  const notices = useNotices();
  const kase = useAsync(`case:${id}`, () => api.cases.get({ id }));
  const events = useAsync(`events:${id}`, () => api.cases.events({ id }));
  const volumeId = kase.data?.volumeId ?? null;
  const volume = useAsync(volumeId === null ? null : `volume:${volumeId}`, () => api.volumes.get({ id: volumeId ?? 0 }));
  // Only for the printed numbers on page boundaries; the text still renders without them.
  const pages = useAsync(volumeId === null ? null : `pages:${volumeId}`, () => api.pages.list({ volumeId: volumeId ?? 0 }));

  const c = kase.data;
  if (c === undefined) {
    return (
      <div className="case-page" data-testid="case-page">
        {kase.error ? <ErrorNotice error={kase.error} onRetry={kase.reload} /> : <Loading />}
      </div>
    );
  }
  const printed = formatPrintedRange(c.printedStart, c.printedEnd);

  return (
    <div className="case-page" data-testid="case-page" data-case-id={c.id}>
      <nav className="breadcrumb">
        <a href={routeHref({ name: 'volume', id: c.volumeId })} data-testid="case-back">
          ← {t('casePage.back', { title: volume.data?.title ?? '…' })}
        </a>
      </nav>
      <header className="case-head">
        <h1 data-testid="case-title">
          {c.number !== null ? <span className="case-number">{formatCaseNumber(c.number)}</span> : null}
          {c.title}
        </h1>
        <dl className="case-meta">
          <div>
            <dt>{t('casePage.number')}</dt>
            <dd data-testid="case-number">{formatCaseNumber(c.number) || t('common.none')}</dd>
          </div>
          <div>
            <dt>{t('casePage.organization')}</dt>
            <dd data-testid="case-organization">{c.organization || t('common.none')}</dd>
          </div>
          <div>
            <dt>{t('casePage.printedPages')}</dt>
            <dd data-testid="case-pages">{printed || t('common.none')}</dd>
          </div>
          <div>
            <dt>{t('casePage.stage')}</dt>
            <dd>
              <StageBadge stage={c.stage} testId="case-stage" />
            </dd>
          </div>
        </dl>
      </header>
      <StageControl
        key={`${c.id}:${c.stage}`}
        caseId={c.id}
        current={c.stage}
        onChanged={(updated) => {
          notices.info(t('casePage.stageChanged', { stage: t(`stages.${updated.stage}`) }));
          kase.reload();
          events.reload();
        }}
      />
      <div className="case-columns">
        {/*
          SLOT(editor): the Lexical CaseEditor (renderer/editor/) and the scan pane (renderer/scan/)
          mount here; until then the text is shown read-only. Keep data-slot so the lead can find it.
        */}
        <section className="case-text-section" data-slot="editor" data-testid="case-editor-slot" aria-labelledby="case-text-title">
          <h2 id="case-text-title">
            {t('casePage.text')} <span className="muted small">{t('casePage.readOnlyHint')}</span>
          </h2>
          <CaseTextView doc={c.doc} pages={pages.data} />
        </section>
        <aside className="case-side">
          <section aria-labelledby="history-title">
            <h2 id="history-title">{t('casePage.history')}</h2>
            {events.data ? (
              <EventHistory events={events.data} />
            ) : events.error ? (
              <ErrorNotice error={events.error} onRetry={events.reload} />
            ) : (
              <Loading />
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}
