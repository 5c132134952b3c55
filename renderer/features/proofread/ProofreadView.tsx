import { useMemo } from 'react';
import type { CaseSummary } from '../../../shared/model/entities.ts';
import type { SaveState } from '../../editor/autosave.ts';
import { CaseEditorProvider } from '../../editor/CaseEditor.tsx';
import { makePageLabeler } from '../../editor/pageLabels.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { ScanSource } from '../../scan/scanSource.ts';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import type { ProofreadClient } from './client.ts';
import { useCaseLoad, type LoadedCase } from './useCaseLoad.ts';
import { Workspace } from './Workspace.tsx';
import './proofread.css';

export { loadCase, type LoadedCase, type ProofreadPrefetch } from './useCaseLoad.ts';

export interface ProofreadViewProps {
  caseId: number;
  /** The typed client (`api` from renderer/api/client.ts fits). */
  client: ProofreadClient;
  /** How scan files are fetched (scan:// in Electron, /scans/ with a bearer token in browser mode). */
  scanSource: ScanSource;
  /** For the window title: saved / unsaved / saving / conflict / error. */
  onSaveStateChange?: (state: SaveState) => void;
  /** After each successful save or restore (lets lists refresh). */
  onCaseSaved?: (summary: CaseSummary) => void;
  /**
   * Everything the view needs, as the caller has loaded it already with {@link loadCase} (the case
   * page does, for its own header): the view then shows in the same render instead of asking again.
   * Used only when it is the case `caseId`, and read once.
   */
  preloaded?: LoadedCase;
  /** A locked (定稿) case: the text cannot be edited and nothing is saved; it may change back in place. */
  readOnly?: boolean;
  /** Opens the case at this page of the volume (0-based) instead of its first. */
  initialPage?: number | undefined;
}

/**
 * The proofreading workspace for one case: tagged-text editor beside the scan, with suspects,
 * find/replace, history, page status and autosave. Switching `caseId` remounts it (after the
 * previous case's pending edits are flushed).
 */
export function ProofreadView(props: ProofreadViewProps) {
  return <ProofreadCase key={props.caseId} {...props} />;
}

function ProofreadCase({
  caseId,
  client,
  scanSource,
  onSaveStateChange,
  onCaseSaved,
  preloaded,
  readOnly = false,
  initialPage,
}: ProofreadViewProps) {
  const { t } = useI18n();
  const { data: loaded, error, reload } = useCaseLoad(client, caseId, preloaded);

  const pages = loaded?.pages;
  const labeler = useMemo(
    () =>
      makePageLabeler(new Map((pages ?? []).map((p) => [p.index, p.printedLabel])), {
        printed: (label) => t('proof.marker.printed', { label }),
        unnumbered: (n) => t('proof.marker.unnumbered', { n }),
      }),
    [pages, t],
  );

  if (error) {
    return (
      <div className="proof proof--message">
        <ErrorNotice error={error} title={t('proof.loadFailed')} onRetry={reload} testId="proofread-error" />
      </div>
    );
  }
  if (!loaded) {
    return (
      <div className="proof proof--message" data-testid="proofread-loading">
        <Loading label={t('proof.loading')} />
      </div>
    );
  }
  return (
    <CaseEditorProvider labeler={labeler}>
      <Workspace
        client={client}
        scanSource={scanSource}
        loaded={loaded}
        onSaveStateChange={onSaveStateChange}
        onCaseSaved={onCaseSaved}
        readOnly={readOnly}
        initialPage={initialPage}
      />
    </CaseEditorProvider>
  );
}
