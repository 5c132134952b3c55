import { useCallback, useEffect, useMemo, useState, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import type { BlockKind } from '../../../shared/model/blockKind.ts';
import { docPages, docToPlainText } from '../../../shared/model/caseDoc.ts';
import type { CaseSummary } from '../../../shared/model/entities.ts';
import type { PageStatus } from '../../../shared/model/stage.ts';
import { ZERO_COUNTS, type CharCounts } from '../../../shared/proof/counts.ts';
import { casePageRange, scanPageFor } from '../../../shared/proof/pageMap.ts';
import type { SaveState } from '../../editor/autosave.ts';
import { CaseEditor } from '../../editor/CaseEditor.tsx';
import { SCROLL_TO_PAGE_COMMAND } from '../../editor/commands.ts';
import { actWhenReady } from '../../editor/whenText.ts';
import { $editorToDoc } from '../../../shared/editor/docConvert.ts';
import type { BlockSuspect } from '../../editor/plugins/SuspectsPlugin.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { LineLinkContext } from '../../scan/lineLinkContext.ts';
import { ScanPane } from '../../scan/ScanPane.tsx';
import type { ScanSource } from '../../scan/scanSource.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useNotesTools } from '../notes/useNotesTools.tsx';
import { useWordListTools } from '../wordList/useWordListTools.tsx';
import { SelectSearchHit } from '../search/SelectSearchHit.tsx';
import { ReOcrTool } from '../reocr/ReOcrTool.tsx';
import { ReviewBanner } from '../sync/ReviewBanner.tsx';
import { useCollab } from '../sync/useCollab.ts';
import { useViewerReadOnly } from '../sync/useSyncStatus.ts';
import type { ProofreadClient } from './client.ts';
import { ConflictBanner } from './ConflictBanner.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { ProofToolbar } from './ProofToolbar.tsx';
import { Splitter } from './Splitter.tsx';
import { SuspectList } from './SuspectList.tsx';
import type { LoadedCase } from './useCaseLoad.ts';
import { useCaseSave } from './useCaseSave.ts';
import { useLayoutPrefs } from './useLayoutPrefs.ts';
import { useCaseOcr } from './useCaseOcr.ts';
import { useLineLinks } from './useLineLinks.ts';
import { useOcrSuspects } from './useOcrSuspects.ts';
import { usePageStatus } from './usePageStatus.ts';
import { useViewShortcuts } from './useViewShortcuts.ts';
import { createValueStore } from './valueStore.ts';

export interface WorkspaceProps {
  client: ProofreadClient;
  scanSource: ScanSource;
  loaded: LoadedCase;
  onSaveStateChange?: ((state: SaveState) => void) | undefined;
  onCaseSaved?: ((summary: CaseSummary) => void) | undefined;
  /** The case is locked (定稿): the editor is read-only (so it is for a viewer of a shared library). */
  readOnly?: boolean;
  /** Open at this page of the volume (0-based) when the case has it. */
  initialPage?: number | undefined;
}

/** The loaded case: toolbar, editor with its side panels, splitter and scan pane. Render inside CaseEditorProvider. */
export function Workspace({
  client,
  scanSource,
  loaded,
  onSaveStateChange,
  onCaseSaved,
  readOnly: locked = false,
  initialPage,
}: WorkspaceProps) {
  const [editor] = useLexicalComposerContext();
  const { t, language } = useI18n();
  // A viewer of a shared library edits nothing: main would refuse the save.
  const viewer = useViewerReadOnly();
  const readOnly = locked || viewer;
  const { caseData, volume } = loaded;
  const save = useCaseSave(client, caseData, { onSaveStateChange, onCaseSaved });
  const collab = useCollab(caseData.id);
  const wordList = useWordListTools(client);
  const notes = useNotesTools({ client, caseId: caseData.id, version: save.version, flush: save.flush });
  const status = usePageStatus(client, loaded.pages);
  const { layout, ratio, setRatio, toggleLayout, commitRatio } = useLayoutPrefs(client, loaded.prefs);

  const { doc } = save.load;
  const startPage = doc.blocks[0]?.page ?? caseData.pageStart ?? 0;
  const casePages = useMemo(() => casePageRange(docPages(doc), caseData.pageStart, caseData.pageEnd), [doc, caseData]);
  const openAt = initialPage !== undefined && casePages.includes(initialPage) ? initialPage : null;
  const [currentPage, setCurrentPage] = useState<number | null>(openAt ?? startPage);
  const [kind, setKind] = useState<BlockKind | null>(null);
  const caseOcr = useCaseOcr(client, volume.id, casePages);
  const ocr = useOcrSuspects(caseOcr.pages, startPage, loaded.prefs?.ocrConfidenceThreshold);
  const scanPage = currentPage === null ? null : scanPageFor(currentPage, status.pages, volume.scan);
  const lineLinks = useLineLinks({ editor, startPage, currentPage, scanPage, ocrPages: caseOcr.pages });
  const [counts] = useState(() => createValueStore<CharCounts>(ZERO_COUNTS));
  const [suspects, setSuspects] = useState<BlockSuspect[]>([]);
  const [showSuspects, setShowSuspects] = useState(true);
  const [showHistory, setShowHistory] = useState(false);

  const gotoPage = useCallback(
    (page: number) => {
      setCurrentPage(page);
      editor.dispatchCommand(SCROLL_TO_PAGE_COMMAND, page);
    },
    [editor],
  );
  // Opened at a page (the dashboard's page grid links so): once the editor is mounted (its plugins'
  // effects ran before this one) and has the text, put the caret there. The classic editor loaded
  // the document on mounting; a shared case's text arrives from the hub later, so that is waited for.
  const openedAtPage = useRef(false);
  useEffect(() => {
    if (!collab.ready || openedAtPage.current) return;
    if (openAt === null || openAt === startPage) {
      openedAtPage.current = true;
      return;
    }
    const shared = collab.config !== undefined;
    return actWhenReady(editor, () => {
      if (shared && editor.getEditorState().read(() => $getRoot().getTextContent()) === '') return false;
      // Only on opening: later the user moves about freely.
      openedAtPage.current = true;
      editor.dispatchCommand(SCROLL_TO_PAGE_COMMAND, openAt);
      return true;
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, collab.ready]);
  const { setStatus } = status;
  const onSetStatus = useCallback((p: number, s: PageStatus) => void setStatus(p, s), [setStatus]);

  const onKeyDown = useViewShortcuts({ currentPage, casePages, gotoPage, setStatus });

  const getCurrentText = () => editor.getEditorState().read(() => docToPlainText($editorToDoc(startPage)));

  const hasScan = volume.scan !== null;
  // Made once per change of what it shows, so that the (memoized) scan pane is not redrawn on every keystroke.
  const { setPage: onOcrKept } = caseOcr;
  const pageTools = useMemo(
    () => (
      <ReOcrTool
        client={client}
        volumeId={volume.id}
        page={currentPage}
        pages={status.pages}
        startPage={startPage}
        editable={!readOnly}
        onKept={onOcrKept}
      />
    ),
    [client, volume.id, currentPage, status.pages, startPage, readOnly, onOcrKept],
  );
  // Side panels open only with something in them: an empty suspect list takes no room.
  const suspectsShown = showSuspects && suspects.length > 0;
  const side =
    suspectsShown || showHistory || notes.shown ? (
      <div className="proof__side" data-testid="side-panels">
        {suspectsShown && <SuspectList suspects={suspects} onAddGood={wordList.addGood} />}
        {notes.panel}
        {showHistory && (
          <HistoryPanel
            client={client}
            caseId={caseData.id}
            version={save.version}
            getCurrentText={getCurrentText}
            beforeRestore={save.flush}
            getVersion={save.getVersion}
            onRestored={save.onRestored}
          />
        )}
      </div>
    ) : null;
  // Beside the scan, the panels take their width from the scan, never from the text; above it
  // (or with no scan) they sit at the text's right.
  const sideWithScan = hasScan && layout === 'side';
  const scanPane = (
    <ScanPane
      scan={volume.scan}
      scanSource={scanSource}
      pages={status.pages}
      casePages={casePages}
      currentPage={currentPage}
      onGotoPage={gotoPage}
      onSetStatus={onSetStatus}
      pageTools={pageTools}
    />
  );

  const view = (
    <div
      className={`proof proof--${hasScan ? layout : 'noscan'}`}
      lang={language}
      data-testid="proofread-view"
      data-layout={hasScan ? layout : 'noscan'}
      onKeyDown={onKeyDown}
    >
      <ProofToolbar
        kind={kind}
        counts={counts}
        saveState={save.saveState}
        suspectCount={suspects.length}
        showSuspects={showSuspects}
        onToggleSuspects={() => setShowSuspects((v) => !v)}
        showHistory={showHistory}
        onToggleHistory={() => setShowHistory((v) => !v)}
        openNotes={notes.openCount}
        showNotes={notes.shown}
        onToggleNotes={notes.toggle}
        onOpenWordList={wordList.open}
        layout={hasScan ? layout : null}
        onToggleLayout={toggleLayout}
      />
      {save.conflict && (
        <ConflictBanner
          storedVersion={save.conflict.stored?.version ?? null}
          onReload={() => void save.reloadStored()}
          onOverwrite={() => void save.overwrite()}
        />
      )}
      {save.saveError !== null && (
        <ErrorNotice
          error={save.saveError}
          title={t('proof.save.failed')}
          onRetry={() => void save.flush()}
          testId="save-error"
        />
      )}
      {status.error !== null && <ErrorNotice error={status.error} title={t('proof.status.failed')} testId="page-status-error" />}
      {collab.config && <ReviewBanner caseId={caseData.id} />}
      {viewer && (
        <p className="viewer-banner" role="status" data-testid="viewer-banner">
          {t('sync.viewer.banner')}
        </p>
      )}
      {!hasScan && scanPane}
      <div className="proof__main">
        <div className="proof__text" style={hasScan ? { flexBasis: `${ratio * 100}%` } : undefined}>
          {/* Mounted once main has said whether the case is shared: the editor starts in its own mode
              (collaborative or classic), never typed into in one and then swapped for the other. */}
          {collab.ready ? (
            <CaseEditor
              collab={collab.config}
              doc={doc}
              loadKey={save.load.key}
              startPage={startPage}
              onSave={save.onSave}
              onSaveState={save.onSaveState}
              onAutosave={save.onAutosave}
              onPage={setCurrentPage}
              onKind={setKind}
              onCount={counts.set}
              suspectsEnabled={showSuspects}
              words={wordList.matcher}
              ocr={ocr}
              onSuspects={setSuspects}
              ariaLabel={caseData.title}
              editable={!readOnly}
            />
          ) : (
            <div className="case-editor case-editor--waiting" aria-busy="true" data-testid="editor-waiting" />
          )}
          {/* After the editor: its effect runs once the document is loaded. */}
          {collab.ready && <SelectSearchHit caseId={caseData.id} />}
          {!sideWithScan && side}
        </div>
        {hasScan && (
          <>
            <Splitter
              orientation={layout === 'side' ? 'vertical' : 'horizontal'}
              ratio={ratio}
              onChange={setRatio}
              onCommit={commitRatio}
            />
            <div className="proof__scan">
              {sideWithScan && side}
              {scanPane}
            </div>
          </>
        )}
      </div>
    </div>
  );
  // The dialog sits outside the view: its keys are not the view's shortcuts.
  return (
    <>
      <LineLinkContext.Provider value={lineLinks}>{view}</LineLinkContext.Provider>
      {wordList.dialog}
      {notes.marks}
    </>
  );
}
