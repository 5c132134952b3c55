import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { BlockKind } from '../../../shared/model/blockKind.ts';
import { docPages, docToPlainText, type CaseDoc } from '../../../shared/model/caseDoc.ts';
import type { Case, CaseSummary, Page, Volume } from '../../../shared/model/entities.ts';
import type { Prefs } from '../../../shared/model/prefs.ts';
import type { PageStatus } from '../../../shared/model/stage.ts';
import { ZERO_COUNTS, type CharCounts } from '../../../shared/proof/counts.ts';
import { casePageRange } from '../../../shared/proof/pageMap.ts';
import type { AutosaveController, SaveState } from '../../editor/autosave.ts';
import { CaseEditor, CaseEditorProvider } from '../../editor/CaseEditor.tsx';
import { GOTO_SUSPECT_COMMAND, OPEN_FIND_COMMAND, SAVE_NOW_COMMAND, SCROLL_TO_PAGE_COMMAND } from '../../editor/commands.ts';
import { $editorToDoc } from '../../editor/docConvert.ts';
import { makePageLabeler } from '../../editor/pageLabels.ts';
import type { BlockSuspect } from '../../editor/plugins/SuspectsPlugin.tsx';
import { KindSelect } from '../../editor/ui/KindSelect.tsx';
import { warmPdfWorker } from '../../scan/pdfPages.ts';
import { ScanPane } from '../../scan/ScanPane.tsx';
import type { ScanSource } from '../../scan/scanSource.ts';
import { errorMessage, type ProofreadClient } from './client.ts';
import { ConflictBanner } from './ConflictBanner.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { statusForKey, viewActionForKey } from './keymap.ts';
import { SaveIndicator } from './SaveIndicator.tsx';
import { Splitter } from './Splitter.tsx';
import { makeProofT, ProofTContext, useProofT } from './strings.ts';
import { SuspectList } from './SuspectList.tsx';
import { UndoRedo } from './UndoRedo.tsx';
import { createValueStore, type ValueStore } from './valueStore.ts';
import './proofread.css';

export interface ProofreadViewProps {
  caseId: number;
  /** The typed client (`api` from renderer/api/client.ts fits). */
  client: ProofreadClient;
  /** How scan files are fetched (scan:// in Electron, /scans/ with a bearer token in browser mode). */
  scanSource: ScanSource;
  lang?: 'zh-CN' | 'en';
  /** For the window title: saved / unsaved / saving / conflict / error. */
  onSaveStateChange?: (state: SaveState) => void;
  /** After each successful save or restore (lets lists refresh). */
  onCaseSaved?: (summary: CaseSummary) => void;
  /**
   * The case as the caller has just loaded it (the case page does), so the view need not fetch it
   * again before it can ask for the volume and its pages. Used only when it is the case `caseId`.
   */
  initialCase?: Case;
  /** Answers the caller asked for early, alongside the case (see {@link ProofreadPrefetch}). */
  prefetched?: ProofreadPrefetch;
}

/**
 * Requests a caller started before the case was known, so they travel with the case instead of a
 * round trip after it. `volumeId` is a guess (the volume shown last): its answers are used only
 * when the case turns out to be in that volume, and asked again if they failed.
 */
export interface ProofreadPrefetch {
  prefs?: Promise<Prefs | null>;
  volumeId?: number;
  volume?: Promise<Volume>;
  pages?: Promise<Page[]>;
}

interface Loaded {
  caseData: Case;
  volume: Volume;
  pages: Page[];
  prefs: Prefs | null;
}

/** A prefetched answer when there is one, else (or when it failed) a fresh request. */
function orFetch<T>(early: Promise<T> | undefined, fetch: () => Promise<T>): Promise<T> {
  return early ? early.catch(fetch) : fetch();
}

/**
 * The proofreading workspace for one case: tagged-text editor beside the scan, with suspects,
 * find/replace, history, page status and autosave. Switching `caseId` remounts it (after the
 * previous case's pending edits are flushed).
 */
export function ProofreadView(props: ProofreadViewProps) {
  const lang = props.lang ?? 'zh-CN';
  const t = useMemo(() => makeProofT(lang), [lang]);
  return (
    <ProofTContext.Provider value={t}>
      <ProofreadCase key={props.caseId} {...props} lang={lang} />
    </ProofTContext.Provider>
  );
}

function ProofreadCase(props: ProofreadViewProps & { lang: 'zh-CN' | 'en' }) {
  const { caseId, client } = props;
  const t = useProofT();
  const [state, setState] = useState<{ loaded: Loaded | null; error: string | null }>({ loaded: null, error: null });

  // Read once at mount: a newer copy from the caller later on must not reload the editor.
  const initialCase = useRef(props.initialCase?.id === caseId ? props.initialCase : undefined);
  const prefetched = useRef(props.prefetched);
  useEffect(() => {
    let live = true;
    // The scan pane will need pdf.js and its worker: start them while the data is on its way.
    warmPdfWorker();
    const pre = prefetched.current;
    const prefsP = pre?.prefs ?? (client.prefs ? client.prefs.get({}).catch(() => null) : Promise.resolve(null));
    (async () => {
      // Everything that does not depend on another answer is asked for at once.
      const caseData = initialCase.current ?? (await client.cases.get({ id: caseId }));
      const volumeId = caseData.volumeId;
      const guessed = pre?.volumeId === volumeId;
      const [volume, pages, prefs] = await Promise.all([
        orFetch(guessed ? pre.volume : undefined, () => client.volumes.get({ id: volumeId })),
        orFetch(guessed ? pre.pages : undefined, () => client.pages.list({ volumeId })),
        prefsP,
      ]);
      if (live) setState({ loaded: { caseData, volume, pages, prefs }, error: null });
    })().catch((e: unknown) => live && setState({ loaded: null, error: errorMessage(e) }));
    return () => {
      live = false;
    };
  }, [client, caseId]);

  const pages = state.loaded?.pages;
  const labeler = useMemo(
    () =>
      makePageLabeler(new Map((pages ?? []).map((p) => [p.index, p.printedLabel])), {
        printed: t('proof.marker.printed'),
        unnumbered: t('proof.marker.unnumbered'),
      }),
    [pages, t],
  );

  if (state.error) {
    return (
      <div className="cb-proof cb-proof--message" role="alert" data-testid="proofread-error">
        {t('proof.loadFailed', { message: state.error })}
      </div>
    );
  }
  if (!state.loaded) {
    return (
      <div className="cb-proof cb-proof--message" data-testid="proofread-loading">
        {t('proof.loading')}
      </div>
    );
  }
  return (
    <CaseEditorProvider labeler={labeler}>
      <Workspace {...props} loaded={state.loaded} />
    </CaseEditorProvider>
  );
}

/** The toolbar's character count; it alone re-renders as the count changes while typing. */
function CharCountLabel({ counts }: { counts: ValueStore<CharCounts> }) {
  const t = useProofT();
  const { chars } = useSyncExternalStore(counts.subscribe, counts.get);
  return (
    <span className="cb-toolbar__count" data-testid="char-count">
      {t('proof.toolbar.chars', { chars })}
    </span>
  );
}

/** The title and organisation blocks travel with a save so lists show the edited names. */
function namesOf(doc: CaseDoc): { title?: string; organization?: string } {
  const title = doc.blocks.find((b) => b.kind === 'title')?.text;
  const organization = doc.blocks.find((b) => b.kind === 'organization')?.text;
  return { ...(title !== undefined ? { title } : {}), ...(organization !== undefined ? { organization } : {}) };
}

function Workspace({
  caseId,
  client,
  scanSource,
  lang,
  onSaveStateChange,
  onCaseSaved,
  loaded,
}: ProofreadViewProps & { lang: 'zh-CN' | 'en'; loaded: Loaded }) {
  const [editor] = useLexicalComposerContext();
  const t = useProofT();
  const { caseData, volume } = loaded;

  const [load, setLoad] = useState({ doc: caseData.doc, key: 0 });
  const versionRef = useRef(caseData.version);
  const [version, setVersion] = useState(caseData.version);
  const [pages, setPages] = useState(loaded.pages);
  const startPage = load.doc.blocks[0]?.page ?? caseData.pageStart ?? 0;
  const casePages = useMemo(() => casePageRange(docPages(load.doc), caseData.pageStart, caseData.pageEnd), [load.doc, caseData]);
  const [currentPage, setCurrentPage] = useState<number | null>(startPage);
  const [kind, setKind] = useState<BlockKind | null>(null);
  const [counts] = useState(() => createValueStore<CharCounts>(ZERO_COUNTS));
  const [suspects, setSuspects] = useState<BlockSuspect[]>([]);
  const [showSuspects, setShowSuspects] = useState(true);
  const [showHistory, setShowHistory] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ stored: Case | null } | null>(null);
  const [layout, setLayout] = useState<'side' | 'stacked'>(loaded.prefs?.layout ?? 'side');
  const [ratio, setRatio] = useState(loaded.prefs?.splitRatio ?? 0.5);
  const autosave = useRef<AutosaveController | null>(null);
  const onAutosave = useCallback((c: AutosaveController | null) => {
    autosave.current = c;
  }, []);

  const onSave = useCallback(
    async (doc: CaseDoc) => {
      const summary = await client.cases.save({ id: caseId, version: versionRef.current, doc, ...namesOf(doc) });
      versionRef.current = summary.version;
      setVersion(summary.version);
      onCaseSaved?.(summary);
    },
    [client, caseId, onCaseSaved],
  );

  const onSaveState = useCallback(
    (s: SaveState, err?: unknown) => {
      setSaveState(s);
      onSaveStateChange?.(s);
      setSaveError(s === 'error' ? errorMessage(err) : null);
      if (s === 'conflict') {
        setConflict({ stored: null });
        client.cases.get({ id: caseId }).then(
          (stored) => setConflict({ stored }),
          () => undefined,
        );
      }
    },
    [client, caseId, onSaveStateChange],
  );

  const showDoc = useCallback((c: Case) => {
    versionRef.current = c.version;
    setVersion(c.version);
    setLoad((l) => ({ doc: c.doc, key: l.key + 1 }));
  }, []);

  const reloadStored = async () => {
    const stored = conflict?.stored ?? (await client.cases.get({ id: caseId }));
    showDoc(stored);
    autosave.current?.resolved('reloaded');
    setConflict(null);
  };

  const overwrite = async () => {
    // Overwrite = save again on top of the version now stored, by the user's explicit choice.
    const stored = await client.cases.get({ id: caseId });
    versionRef.current = stored.version;
    setConflict(null);
    autosave.current?.resolved('retry');
    await autosave.current?.flush();
  };

  const gotoPage = useCallback(
    (page: number) => {
      setCurrentPage(page);
      editor.dispatchCommand(SCROLL_TO_PAGE_COMMAND, page);
    },
    [editor],
  );

  const setStatus = useCallback(
    async (pageIndex: number, status: PageStatus) => {
      const page = pages.find((p) => p.index === pageIndex);
      if (!page) return;
      setPages((ps) => ps.map((p) => (p.id === page.id ? { ...p, status } : p)));
      try {
        const updated = await client.pages.setStatus({ id: page.id, status });
        setPages((ps) => ps.map((p) => (p.id === updated.id ? updated : p)));
      } catch (e) {
        setPages((ps) => ps.map((p) => (p.id === page.id ? page : p)));
        setSaveError(errorMessage(e));
      }
    },
    [client, pages],
  );

  const onSetStatus = useCallback((p: number, s: PageStatus) => void setStatus(p, s), [setStatus]);

  const persistLayout = (patch: { layout?: 'side' | 'stacked'; splitRatio?: number }) => {
    client.prefs?.set(patch).catch(() => undefined);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.defaultPrevented) return;
    const status = statusForKey(e);
    if (status) {
      e.preventDefault();
      if (currentPage !== null) void setStatus(currentPage, status);
      return;
    }
    const action = viewActionForKey(e);
    if (!action) return;
    e.preventDefault();
    switch (action) {
      case 'save':
        editor.dispatchCommand(SAVE_NOW_COMMAND, undefined);
        break;
      case 'find':
      case 'replace':
        editor.dispatchCommand(OPEN_FIND_COMMAND, { replace: action === 'replace' });
        break;
      case 'next-suspect':
      case 'previous-suspect':
        editor.dispatchCommand(GOTO_SUSPECT_COMMAND, action === 'next-suspect' ? 'next' : 'previous');
        break;
      case 'previous-page':
      case 'next-page': {
        const i = currentPage === null ? -1 : casePages.indexOf(currentPage);
        const next = casePages[action === 'next-page' ? i + 1 : Math.max(0, i - 1)];
        if (next !== undefined) gotoPage(next);
        break;
      }
    }
  };

  const getCurrentText = () => editor.getEditorState().read(() => docToPlainText($editorToDoc(startPage)));

  return (
    <div className={`cb-proof cb-proof--${layout}`} lang={lang} data-testid="proofread-view" onKeyDown={onKeyDown}>
      <div className="cb-toolbar" role="toolbar">
        <KindSelect value={kind} />
        <UndoRedo />
        <button type="button" data-testid="find-open" title={t('proof.toolbar.find')} onClick={() => editor.dispatchCommand(OPEN_FIND_COMMAND, { replace: true })}>
          {t('proof.find.placeholder')}
        </button>
        <button type="button" data-testid="suspects-toggle" aria-pressed={showSuspects} onClick={() => setShowSuspects((v) => !v)}>
          {t('proof.toolbar.suspects', { count: suspects.length })}
        </button>
        <button type="button" data-testid="history-toggle" aria-pressed={showHistory} onClick={() => setShowHistory((v) => !v)}>
          {t('proof.toolbar.history')}
        </button>
        <button
          type="button"
          data-testid="layout-toggle"
          title={layout === 'side' ? t('proof.toolbar.layoutStacked') : t('proof.toolbar.layoutSide')}
          onClick={() => {
            const next = layout === 'side' ? 'stacked' : 'side';
            setLayout(next);
            persistLayout({ layout: next });
          }}
        >
          {layout === 'side' ? '⬒' : '◫'}
        </button>
        <span className="cb-toolbar__spacer" />
        <CharCountLabel counts={counts} />
        <SaveIndicator state={saveState} onSaveNow={() => editor.dispatchCommand(SAVE_NOW_COMMAND, undefined)} />
      </div>
      {conflict && (
        <ConflictBanner storedVersion={conflict.stored?.version ?? null} onReload={() => void reloadStored()} onOverwrite={() => void overwrite()} />
      )}
      {saveError && !conflict && (
        <div className="cb-banner cb-banner--error" role="alert" data-testid="save-error">
          <span>{t('proof.error.message', { message: saveError })}</span>
          <button type="button" onClick={() => void autosave.current?.flush()}>
            {t('proof.error.retry')}
          </button>
        </div>
      )}
      <div className="cb-proof__main">
        <div className="cb-proof__text" style={{ flexBasis: `${ratio * 100}%` }}>
          <CaseEditor
            doc={load.doc}
            loadKey={load.key}
            startPage={startPage}
            onSave={onSave}
            onSaveState={onSaveState}
            onAutosave={onAutosave}
            onPage={setCurrentPage}
            onKind={setKind}
            onCount={counts.set}
            suspectsEnabled={showSuspects}
            onSuspects={setSuspects}
            ariaLabel={caseData.title}
          />
          {(showSuspects || showHistory) && (
            <div className="cb-proof__side">
              {showSuspects && <SuspectList suspects={suspects} />}
              {showHistory && (
                <HistoryPanel
                  client={client}
                  caseId={caseId}
                  version={version}
                  lang={lang}
                  getCurrentText={getCurrentText}
                  beforeRestore={async () => {
                    await autosave.current?.flush();
                  }}
                  getVersion={() => versionRef.current}
                  onRestored={(c) => {
                    showDoc(c);
                    autosave.current?.resolved('reloaded');
                    onCaseSaved?.(c);
                  }}
                />
              )}
            </div>
          )}
        </div>
        <Splitter
          orientation={layout === 'side' ? 'vertical' : 'horizontal'}
          ratio={ratio}
          onChange={setRatio}
          onCommit={(r) => persistLayout({ splitRatio: r })}
        />
        <div className="cb-proof__scan">
          <ScanPane
            scan={volume.scan}
            scanSource={scanSource}
            pages={pages}
            casePages={casePages}
            currentPage={currentPage}
            onGotoPage={gotoPage}
            onSetStatus={onSetStatus}
          />
        </div>
      </div>
    </div>
  );
}
