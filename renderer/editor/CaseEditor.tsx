import { memo, useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { LexicalEditor } from 'lexical';
import type { BlockKind } from '../../shared/model/blockKind.ts';
import type { CaseDoc } from '../../shared/model/caseDoc.ts';
import type { CharCounts } from '../../shared/proof/counts.ts';
import type { WordMatcher } from '../../shared/proof/wordList.ts';
import type { AutosaveController, SaveState } from './autosave.ts';
import { loadDocIntoEditor } from './loadDoc.ts';
import { PROOF_NODES } from '../../shared/editor/nodes/index.ts';
import { PageLabelContext, setEditorPageLabeler, type PageLabeler } from './pageLabels.ts';
import { AutosavePlugin } from './plugins/AutosavePlugin.tsx';
import { BlockIdPlugin } from './plugins/BlockIdPlugin.tsx';
import { BlockKindPlugin } from './plugins/BlockKindPlugin.tsx';
import { CharCountPlugin } from './plugins/CharCountPlugin.tsx';
import { DocumentRulesPlugin } from './plugins/DocumentRulesPlugin.tsx';
import { EditablePlugin } from './plugins/EditablePlugin.tsx';
import { FindReplacePlugin } from './plugins/FindReplacePlugin.tsx';
import { PageMarkerPlugin } from './plugins/PageMarkerPlugin.tsx';
import { PageTrackingPlugin } from './plugins/PageTrackingPlugin.tsx';
import { PlainPastePlugin } from './plugins/PlainPastePlugin.tsx';
import { SuspectsPlugin, type BlockSuspect, type OcrSuspectSource } from './plugins/SuspectsPlugin.tsx';
import { TextRangePlugin } from './plugins/TextRangePlugin.tsx';
import { editorTheme } from './theme.ts';
import { CollabPlugin, type CollabConfig } from './collab/CollabPlugin.tsx';
import type { CollabStatus } from './collab/hubProvider.ts';
import './editor.css';
import './collab/collab.css';

/**
 * The editor's context: everything that dispatches editor commands (toolbar, side panels, scan
 * strip) must be rendered inside it.
 */
export function CaseEditorProvider({ labeler, children }: { labeler: PageLabeler; children: ReactNode }) {
  return (
    <PageLabelContext.Provider value={labeler}>
      <LexicalComposer
        initialConfig={{
          namespace: 'casebook-proofread',
          nodes: PROOF_NODES,
          theme: editorTheme,
          onError: (error) => {
            throw error;
          },
        }}
      >
        <PageLabelPlugin labeler={labeler} />
        {children}
      </LexicalComposer>
    </PageLabelContext.Provider>
  );
}

/** Gives the page markers (plain DOM, see PageMarkerNode) the labeler, before any document loads. */
function PageLabelPlugin({ labeler }: { labeler: PageLabeler }): null {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => setEditorPageLabeler(editor, labeler), [editor, labeler]);
  return null;
}

export interface CaseEditorProps {
  /** The document to show; it is (re)loaded whenever `loadKey` changes. */
  doc: CaseDoc;
  loadKey: string | number;
  /** Page of the first block when it has no leading marker (the case's first page). */
  startPage: number;
  onSave: (doc: CaseDoc) => Promise<void>;
  onSaveState: (state: SaveState, error?: unknown) => void;
  onAutosave?: (ctl: AutosaveController | null) => void;
  onPage: (page: number) => void;
  onKind?: (kind: BlockKind | null) => void;
  onCount: (counts: CharCounts) => void;
  suspectsEnabled: boolean;
  onSuspects: (list: BlockSuspect[]) => void;
  /** The library's word list, compiled (bad words flagged, good ones never). */
  words?: WordMatcher | undefined;
  /** What OCR read on the case's pages: its low-confidence characters become suspects too. */
  ocr?: OcrSuspectSource | undefined;
  onEditor?: (editor: LexicalEditor) => void;
  ariaLabel: string;
  /** False for a locked case: read-only, and nothing is saved (default true). */
  editable?: boolean;
  /**
   * Edit the case's shared document with the team, through main's local hub (the library is
   * connected to a server). The text then comes from the hub, not from `doc` (which is not loaded),
   * undo is the shared document's, and nothing is saved from here: main rebuilds the stored case
   * from the shared document. `onSaveState` reports the hub's receipt of edits (saving/saved).
   * Remounts the editor's plugins when `docName` changes.
   */
  collab?: CollabConfig | undefined;
}

function LoadDocPlugin({
  doc,
  loadKey,
  onEditor,
}: {
  doc: CaseDoc;
  loadKey: string | number;
  onEditor?: (e: LexicalEditor) => void;
}): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    loadDocIntoEditor(editor, doc);
    // Only a new loadKey reloads: `doc` changes identity on every save round-trip.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, loadKey]);
  useEffect(() => onEditor?.(editor), [editor, onEditor]);
  return null;
}

/**
 * The editing surface with all proofreading plugins. Render inside {@link CaseEditorProvider}.
 * Memoized: the view around it re-renders on save-state and page changes, the editor need not.
 */
export const CaseEditor = memo(function CaseEditor(props: CaseEditorProps) {
  if (props.collab) {
    // A binding cannot be repointed: another case (or hub) gets a fresh set of plugins.
    const { docName, url, token } = props.collab;
    return <CollabCaseEditor key={`${docName} ${url} ${token}`} {...props} collab={props.collab} />;
  }
  return (
    <div className="case-editor">
      <FindReplacePlugin />
      <div className="case-editor__scroll" data-testid="editor-scroll">
        <ProofText ariaLabel={props.ariaLabel} />
      </div>
      <LoadDocPlugin doc={props.doc} loadKey={props.loadKey} {...(props.onEditor ? { onEditor: props.onEditor } : {})} />
      <EditablePlugin editable={props.editable ?? true} />
      <HistoryPlugin />
      <ProofPlugins {...props} />
      <AutosavePlugin
        onSave={props.onSave}
        onState={props.onSaveState}
        startPage={props.startPage}
        {...(props.onAutosave ? { onController: props.onAutosave } : {})}
      />
    </div>
  );
});

function EditorRefPlugin({ onEditor }: { onEditor?: ((e: LexicalEditor) => void) | undefined }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => onEditor?.(editor), [editor, onEditor]);
  return null;
}

/** The plugins both modes share: block ids, page markers, document rules, paste, kinds, pages, suspects, counts. */
function ProofPlugins(props: CaseEditorProps) {
  return (
    <>
      <BlockIdPlugin />
      <PageMarkerPlugin />
      <DocumentRulesPlugin />
      <PlainPastePlugin />
      <TextRangePlugin />
      <BlockKindPlugin {...(props.onKind ? { onKind: props.onKind } : {})} />
      <PageTrackingPlugin startPage={props.startPage} onPage={props.onPage} />
      <SuspectsPlugin enabled={props.suspectsEnabled} onSuspects={props.onSuspects} words={props.words} ocr={props.ocr} />
      <CharCountPlugin onCount={props.onCount} />
    </>
  );
}

/** The editable text itself, the same in both modes. */
function ProofText({ ariaLabel }: { ariaLabel: string | undefined }) {
  return (
    <RichTextPlugin
      contentEditable={
        <ContentEditable className="case-editor__content" data-testid="proof-editor" aria-label={ariaLabel} spellCheck={false} />
      }
      ErrorBoundary={LexicalErrorBoundary}
    />
  );
}

/** What the save indicator shows in collab mode: the hub's receipt stands for the save. */
function collabSaveState(status: CollabStatus): SaveState {
  return status.state === 'synced' ? 'saved' : 'saving';
}

/**
 * The collaborative editor: the same plugins, but the text comes from the hub (CollabPlugin first,
 * see registerRemoteAsLoad), the shared undo replaces History, and there is no autosave.
 */
function CollabCaseEditor(props: CaseEditorProps & { collab: CollabConfig }) {
  const { collab, onSaveState } = props;
  const cursorsRef = useRef<HTMLDivElement>(null);
  const lastSaveState = useRef<SaveState | null>(null);
  const onStatus = (status: CollabStatus): void => {
    const state = collabSaveState(status);
    if (state === lastSaveState.current) return;
    lastSaveState.current = state;
    onSaveState(state);
  };
  return (
    <div className="case-editor">
      <CollabPlugin
        url={collab.url}
        token={collab.token}
        docName={collab.docName}
        user={collab.user}
        onStatus={onStatus}
        cursorsContainerRef={cursorsRef}
      />
      <FindReplacePlugin />
      <div className="case-editor__scroll" data-testid="editor-scroll">
        <div className="case-editor__surface">
          <ProofText ariaLabel={props.ariaLabel} />
          <div ref={cursorsRef} className="case-editor__cursors" />
        </div>
      </div>
      <EditorRefPlugin onEditor={props.onEditor} />
      <EditablePlugin editable={(props.editable ?? true) && !collab.readOnly} />
      <ProofPlugins {...props} />
    </div>
  );
}
