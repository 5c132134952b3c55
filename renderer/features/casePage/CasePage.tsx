import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { routeHref } from '../../router.ts';
import { useAsync } from '../../ui/useAsync.ts';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { useNotices } from '../../ui/Notices.tsx';
import { StageBadge } from '../../ui/StageBadge.tsx';
import { formatCaseNumber, formatPrintedRange } from '../library/caseTable.ts';
import { EventHistory } from './EventHistory.tsx';
import type { ProofreadClient } from '../proofread/client.ts';
import { ProofreadView } from '../proofread/ProofreadView.tsx';
import { scanSource } from '../../api/transport.ts';
import type { SaveState } from '../../editor/autosave.ts';
import { StageControl } from './StageControl.tsx';
import { joinInFlight } from './inFlight.ts';
import { openCase, rememberVolume, takeCase } from './prefetch.ts';

const getVolume = (id: number) => joinInFlight(`volumes:get:${id}`, () => api.volumes.get({ id }));

/** The app's client, with the volume request shared between this page and the proofreading view. */
const proofClient: ProofreadClient = { ...api, volumes: { ...api.volumes, get: ({ id }) => getVolume(id) } };

/** `#/case/<id>`: one case — its metadata, stage control, the proofreading workspace and the stage history. */
export function CasePage({ id }: { id: number }) {
  const { t, language } = useI18n();
  const notices = useNotices();
  // The case and what its proofreading view will need, asked for at once (see openCase).
  const [opening] = useState(() => openCase(id));
  const { prefetched } = opening;
  const kase = useAsync(`case:${id}`, () => takeCase(opening, id));
  const events = useAsync(`events:${id}`, () => api.cases.events({ id }));
  const volumeId = kase.data?.volumeId ?? null;
  const volume = useAsync(volumeId === null ? null : `volume:${volumeId}`, () =>
    prefetched.volumeId === volumeId && prefetched.volume ? prefetched.volume.catch(() => getVolume(volumeId)) : getVolume(volumeId ?? 0),
  );
  useEffect(() => {
    if (volumeId !== null) rememberVolume(volumeId);
  }, [volumeId]);
  const title = kase.data?.title ?? '';
  const appName = t('app.name');
  const onSaveStateChange = useCallback(
    (state: SaveState) => {
      // The window title tells whether what is on screen is stored (as desktop editors do).
      // Set only when it changes: saving ↔ unsaved read the same, and each set reaches the window.
      const next = `${state === 'saved' ? '' : '● '}${title} — ${appName}`;
      if (document.title !== next) document.title = next;
    },
    [title, appName],
  );

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
          initialCase={c}
          prefetched={prefetched}
          client={proofClient}
          scanSource={scanSource()}
          lang={language}
          onSaveStateChange={onSaveStateChange}
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
