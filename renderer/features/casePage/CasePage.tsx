import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { routeHref } from '../../router.ts';
import { useAsync } from '../../ui/useAsync.ts';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { useNotices } from '../../ui/Notices.tsx';
import { StageBadge } from '../../ui/StageBadge.tsx';
import { formatCaseNumber, formatPrintedRange } from '../library/caseTable.ts';
import { EventHistory } from './EventHistory.tsx';
import { ProofreadView } from '../proofread/ProofreadView.tsx';
import { scanSource } from '../../api/transport.ts';
import { StageControl } from './StageControl.tsx';

/** `#/case/<id>`: one case — its metadata, stage control, the proofreading workspace and the stage history. */
export function CasePage({ id }: { id: number }) {
  const { t, language } = useI18n();
  const notices = useNotices();
  const kase = useAsync(`case:${id}`, () => api.cases.get({ id }));
  const events = useAsync(`events:${id}`, () => api.cases.events({ id }));
  const volumeId = kase.data?.volumeId ?? null;
  const volume = useAsync(volumeId === null ? null : `volume:${volumeId}`, () => api.volumes.get({ id: volumeId ?? 0 }));

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
      <section className="case-workspace" data-slot="editor" data-testid="case-editor-slot">
        <ProofreadView
          caseId={c.id}
          client={api}
          scanSource={scanSource()}
          lang={language}
          onSaveStateChange={(state) => {
            // The window title tells whether what is on screen is stored (as desktop editors do).
            document.title = `${state === 'saved' ? '' : '● '}${c.title} — ${t('app.name')}`;
          }}
        />
      </section>
      <details className="case-events" data-testid="event-history-section">
        <summary>
          <h2 id="history-title">{t('casePage.history')}</h2>
        </summary>
        {events.data ? (
          <EventHistory events={events.data} />
        ) : events.error ? (
          <ErrorNotice error={events.error} onRetry={events.reload} />
        ) : (
          <Loading />
        )}
      </details>
    </div>
  );
}
