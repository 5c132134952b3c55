import { createHeadlessEditor } from '@lexical/headless';
import { createYjsBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Binding, type Provider } from '@lexical/yjs';
import {
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  SKIP_COLLAB_TAG,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import * as Y from 'yjs';
import { $docToEditor, $editorToDoc } from '../editor/docConvert.ts';
import { $createPageMarkerNode, $isPageMarkerNode } from '../editor/nodes/PageMarkerNode.ts';
import { PROOF_NODES } from '../editor/nodes/index.ts';
import { $createSectionNode, $isSectionNode, type SectionNode } from '../editor/nodes/SectionNode.ts';
import type { Block, CaseDoc } from '../model/caseDoc.ts';
import { newSharedDoc } from './yDoc.ts';
import { caseDocAtSnapshot } from './volumeDoc.ts';

/**
 * A case's shared document seen through a headless Lexical editor with the proofreading nodes:
 * the same binding (@lexical/yjs) the renderer's CollaborationPlugin uses, so main (the office
 * server seeding a case, an app rebuilding its SQLite rows, the tests' peers) reads and writes
 * exactly the Yjs layout the editor does.
 */
export interface CaseReplica {
  readonly ydoc: Y.Doc;
  readonly editor: LexicalEditor;
  /** The case as a stored document (after any pending remote change is applied). */
  read(): CaseDoc;
  /** Whether the shared document holds nothing yet (never seeded). */
  isEmpty(): boolean;
  /** Writes `doc` into an empty shared document. Only the server seeds, once per case. */
  seed(doc: CaseDoc): void;
  /**
   * Makes the shared document equal `doc` with the smallest edits: blocks are matched by id, a
   * block's text is changed in place (the binding diffs it to the characters that changed), so a
   * save from the classic editor merges with concurrent edits like typing does.
   */
  apply(doc: CaseDoc): void;
  /** A raw edit (inside Lexical's update), for callers that edit like a user would. */
  update(fn: () => void): void;
  destroy(): void;
}

/** A provider stand-in for the binding: a headless peer has no cursor to share. */
function silentProvider(): Provider {
  const awareness = {
    getLocalState: () => null,
    getStates: () => new Map(),
    on: () => {},
    off: () => {},
    setLocalState: () => {},
    setLocalStateField: () => {},
  };
  return { awareness, connect: () => {}, disconnect: () => {}, on: () => {}, off: () => {} } as unknown as Provider;
}

/**
 * Binds a headless editor to `ydoc`, which must still be empty: the binding hears content only as
 * Yjs events, so load stored state into the document after this (Y.applyUpdate), never before.
 */
export function openCaseReplica(ydoc: Y.Doc = newSharedDoc()): CaseReplica {
  if (ydoc.share.size > 0 && ydoc.get('root', Y.XmlText).length > 0) {
    throw new Error('openCaseReplica needs an empty document: apply stored state after binding');
  }
  const editor = createHeadlessEditor({
    namespace: 'case-replica',
    nodes: [...PROOF_NODES],
    onError: (e) => {
      throw e;
    },
  });
  const provider = silentProvider();
  const binding: Binding = createYjsBinding({ editor, id: 'case', doc: ydoc, docMap: new Map([['case', ydoc]]) });
  const shared = binding.root.getSharedType();
  const onYjs = (events: Y.YEvent<Y.XmlText>[], tr: Y.Transaction): void => {
    if (tr.origin !== binding) syncYjsChangesToLexical(binding, provider, events, false, () => {});
  };
  shared.observeDeep(onYjs as unknown as (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => void);
  const removeListener = editor.registerUpdateListener(
    ({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
      if (!tags.has(SKIP_COLLAB_TAG)) {
        syncLexicalUpdateToYjs(
          binding,
          provider,
          prevEditorState,
          editorState,
          dirtyElements,
          dirtyLeaves,
          normalizedNodes,
          tags,
        );
      }
    },
  );

  const flush = (): void => {
    // Remote changes reach the editor in a queued update; commit it before reading or editing on top.
    editor.read(() => {});
  };
  const update = (fn: () => void): void => {
    flush();
    editor.update(fn, { discrete: true });
  };
  return {
    ydoc,
    editor,
    read: () => {
      flush();
      return editor.read(() => $editorToDoc(0));
    },
    isEmpty: () => shared.length === 0,
    seed: (doc) => update(() => $docToEditor(doc)),
    apply: (doc) => update(() => $applyDoc(doc)),
    update,
    destroy: () => {
      shared.unobserveDeep(onYjs as unknown as (events: Y.YEvent<Y.AbstractType<unknown>>[]) => void);
      removeListener();
    },
  };
}

/** The state of a case document seeded from a stored case (the server's one-time seed). */
export function seedCaseState(doc: CaseDoc): Uint8Array {
  const replica = openCaseReplica();
  try {
    replica.seed(doc);
    return Y.encodeStateAsUpdate(replica.ydoc);
  } finally {
    replica.destroy();
    replica.ydoc.destroy();
  }
}

/** A block's inline content as the editor lays it out: markers and the text between them. */
type Item = { marker: number } | { text: string };

function targetItems(block: Block, leadingMarker: boolean): Item[] {
  const items: Item[] = [];
  if (leadingMarker) items.push({ marker: block.page });
  let from = 0;
  for (const br of block.breaks) {
    if (br.at > from) items.push({ text: block.text.slice(from, br.at) });
    items.push({ marker: br.page });
    from = Math.max(from, br.at);
  }
  if (from < block.text.length) items.push({ text: block.text.slice(from) });
  return items;
}

/** The section's inline content, adjacent text nodes taken together, with the nodes of each item. */
function $currentItems(section: SectionNode): { item: Item; nodes: LexicalNode[] }[] {
  const out: { item: Item; nodes: LexicalNode[] }[] = [];
  for (const child of section.getChildren()) {
    if ($isPageMarkerNode(child)) out.push({ item: { marker: child.getPage() }, nodes: [child] });
    else {
      const last = out.at(-1);
      const text = child.getTextContent();
      if (last && 'text' in last.item) {
        last.item = { text: last.item.text + text };
        last.nodes.push(child);
      } else out.push({ item: { text }, nodes: [child] });
    }
  }
  return out;
}

function sameShape(a: readonly Item[], b: readonly Item[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i]!;
    if ('marker' in x) return 'marker' in y && y.marker === x.marker;
    return 'text' in y;
  });
}

function $fillSection(section: SectionNode, items: readonly Item[]): void {
  section.clear();
  for (const it of items) {
    section.append('marker' in it ? $createPageMarkerNode(it.marker) : $createTextNode(it.text));
  }
}

function $syncSection(section: SectionNode, block: Block, leadingMarker: boolean): void {
  if (section.getKind() !== block.kind) section.setKind(block.kind);
  if (block.id !== undefined && section.getBlockId() !== block.id) section.setBlockId(block.id);
  const source = block.source ?? null;
  if (JSON.stringify(section.getSource()) !== JSON.stringify(source)) section.setSource(source);
  const want = targetItems(block, leadingMarker);
  const have = $currentItems(section);
  if (
    !sameShape(
      want,
      have.map((h) => h.item),
    )
  ) {
    $fillSection(section, want);
    return;
  }
  have.forEach((h, i) => {
    const target = want[i]!;
    if (!('text' in target) || !('text' in h.item) || h.item.text === target.text) return;
    const [first, ...rest] = h.nodes;
    for (const n of rest) n.remove();
    // Setting the whole text lets the binding send only the changed characters.
    if ($isTextNode(first)) first.setTextContent(target.text);
  });
}

/** Makes the editor's content equal `doc` with edits as small as the block structure allows. */
function $applyDoc(doc: CaseDoc): void {
  const root = $getRoot();
  const existing = root.getChildren().filter($isElementNode);
  const byId = new Map<string, SectionNode>();
  for (const node of existing) {
    if (!$isSectionNode(node)) continue;
    const id = node.getBlockId();
    if (id !== null && !byId.has(id)) byId.set(id, node);
  }
  // Blocks without an id are matched by position among the id-less sections.
  const idless = existing.filter((n) => !$isSectionNode(n) || n.getBlockId() === null);
  const used = new Set<LexicalNode>();
  const targets: SectionNode[] = [];
  let running: number | null = null;
  for (const block of doc.blocks) {
    let section: SectionNode | undefined = block.id === undefined ? undefined : byId.get(block.id);
    if (section === undefined && block.id === undefined) {
      const candidate = idless.find((n) => !used.has(n));
      if (candidate && $isSectionNode(candidate)) section = candidate;
    }
    if (section === undefined || used.has(section)) section = $createSectionNode(block.kind, null, block.id ?? null);
    used.add(section);
    const leading = running === null || block.page !== running || block.breaks[0]?.at === 0;
    $syncSection(section, block, leading);
    targets.push(section);
    running = block.breaks.at(-1)?.page ?? block.page;
  }
  for (const node of existing) if (!used.has(node)) node.remove();
  // Put the sections in order, moving only those out of place.
  let prev: SectionNode | null = null;
  for (const section of targets) {
    const attached = section.getParent() !== null;
    if (prev === null) {
      const first = root.getFirstChild();
      if (!attached || !section.is(first)) {
        if (first) first.insertBefore(section);
        else root.append(section);
      }
    } else if (!attached || !section.is(prev.getNextSibling())) prev.insertAfter(section);
    prev = section;
  }
  if (targets.length === 0) root.clear();
}

/** The case as it read when `snapshot` was taken (a sign-off's pinned text). */
export function readCaseAt(caseDoc: Y.Doc, snapshot: string): CaseDoc {
  const past = caseDocAtSnapshot(caseDoc, snapshot);
  const replica = openCaseReplica();
  try {
    Y.applyUpdate(replica.ydoc, Y.encodeStateAsUpdate(past));
    return replica.read();
  } finally {
    replica.destroy();
    replica.ydoc.destroy();
    past.destroy();
  }
}
