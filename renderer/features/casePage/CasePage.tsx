import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { routeHref } from '../../router.ts';
import { useAsync } from '../../ui/useAsync.ts';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { formatCaseNumber, formatPrintedRange } from '../library/caseTable.ts';
import { ProofreadView } from '../proofread/ProofreadView.tsx';
import { scanSource } from '../../api/transport.ts';
import type { SaveState } from '../../editor/autosave.ts';
import { StageControl } from './StageControl.tsx';
import { ExportDialog } from '../exportDialog/ExportDialog.tsx';
import { useMenuCommand } from '../../shell/ShellContext.tsx';
import type { CaseSummary } from '../../../shared/model/entities.ts';
import { useWorkflow } from '../../shell/WorkflowContext.tsx';
import { FlagBadge } from '../../ui/FlagBadge.tsx';
import { LockBanner } from './LockBanner.tsx';
import type { ActResult } from './useCaseAct.ts';
import { preopenCase, rememberVolume, takeLoaded, takeOpening } from './prefetch.ts';
import { CaseTags } from '../tags/CaseTags.tsx';

/** For the case links elsewhere (through LazyCasePage): opens a case as its link is pressed. */
export function preopen(id: number): void {
  preopenCase(api, id);
}

/** `#/case/<id>`: one case — its metadata, stage control, the proofreading workspace and the stage history. */
export function CasePage({ id, page }: { id: number; /** Open at this page of the volume. */ page?: number | undefined }) {
  const { t } = useI18n();
  const { locked } = useWorkflow();
  // The case and everything its proofreading view needs, asked for at once (see openCase): the
  // header and the workspace then show in one render.
  const [opening] = useState(() => takeOpening(api, id));
  const load = useAsync(`case:${id}`, () => takeLoaded(opening, api, id));
  const loaded = load.data;
  // A workflow action answers with the case's new stage and flag: no need to load the whole case again.
  const [acted, setActed] = useState<{ summary: CaseSummary; revision: number } | null>(null);
  const onActed = useCallback(
    (result: ActResult) => setActed((a) => ({ summary: result.case, revision: (a?.revision ?? 0) + 1 })),
    [],
  );
  const volumeId = loaded?.volume.id ?? null;
  useEffect(() => {
    if (volumeId !== null) rememberVolume(volumeId);
  }, [volumeId]);
  const [exporting, setExporting] = useState(false);
  useMenuCommand('export', () => setExporting(true));
  const title = loaded?.caseData.title ?? '';
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

  if (loaded === undefined) {
    return (
      <div className="case-page" data-testid="case-page">
        {load.error ? <ErrorNotice error={load.error} onRetry={load.reload} /> : <Loading />}
      </div>
    );
  }
  const c = loaded.caseData;
  const printed = formatPrintedRange(c.printedStart, c.printedEnd);
  const volumeTitle = loaded.volume.title;
  const stage = acted?.summary.stage ?? c.stage;
  const flag = acted ? acted.summary.flag : c.flag;
  // 定稿 locks the text (main refuses saves too); unlocking makes it editable again in place.
  const readOnly = stage === locked;

  // One compact bar above the workspace: the text below gets the height.
  return (
    <div className="case-page" data-testid="case-page" data-case-id={c.id}>
      <header className="case-bar">
        <a
          className="case-bar__back"
          href={routeHref({ name: 'volume', id: c.volumeId })}
          title={t('casePage.back', { title: volumeTitle })}
          data-testid="case-back"
        >
          ← {volumeTitle}
        </a>
        <h1 className="case-bar__title" data-testid="case-title" title={c.title}>
          {c.number !== null ? (
            <span className="case-bar__number" data-testid="case-number">
              {formatCaseNumber(c.number)}
            </span>
          ) : null}
          {c.title}
        </h1>
        <dl className="case-bar__meta">
          <div>
            <dt>{t('casePage.organization')}</dt>
            <dd data-testid="case-organization" title={c.organization || undefined}>
              {c.organization || t('common.none')}
            </dd>
          </div>
          <div>
            <dt>{t('casePage.printedPages')}</dt>
            <dd data-testid="case-pages">{printed || t('common.none')}</dd>
          </div>
        </dl>
        <CaseTags caseId={c.id} assignee={c.assignee} client={api} />
        <FlagBadge reason={flag} />
        <StageControl caseId={c.id} current={stage} flag={flag} revision={acted?.revision ?? 0} onActed={onActed} />
        <button type="button" className="case-bar__export" onClick={() => setExporting(true)} data-testid="export-case">
          {t('exportDialog.openCase')}
        </button>
      </header>
      {exporting ? <ExportDialog volumeId={c.volumeId} caseId={c.id} client={api} onClose={() => setExporting(false)} /> : null}
      {readOnly ? <LockBanner caseId={c.id} onActed={onActed} /> : null}
      <section className="case-page__workspace" data-slot="editor" data-testid="case-editor-slot">
        <ProofreadView
          caseId={c.id}
          readOnly={readOnly}
          initialPage={page}
          preloaded={loaded}
          client={api}
          scanSource={scanSource()}
          onSaveStateChange={onSaveStateChange}
        />
      </section>
    </div>
  );
}
