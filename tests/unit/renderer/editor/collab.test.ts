import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { $addUpdateTag, $getRoot, INSERT_PARAGRAPH_COMMAND, type LexicalEditor } from 'lexical';
import { registerRichText } from '@lexical/rich-text';
import * as Y from 'yjs';
import { clearForCollab, registerRemoteAsLoad } from '../../../../renderer/editor/collab/remoteTags.ts';
import { cursorColorFor, hubUrlFromPage } from '../../../../renderer/editor/collab/hubProvider.ts';
import { registerBlockIds } from '../../../../renderer/editor/blockIds.ts';
import {
  $collectMarkers,
  $removeMarker,
  LOAD_TAG,
  MARKER_EDIT_TAG,
  registerPageMarkers,
} from '../../../../renderer/editor/markerGuard.ts';
import { openCaseReplica, seedCaseState, type CaseReplica } from '../../../../shared/sync/caseReplica.ts';
import { newSharedDoc } from '../../../../shared/sync/yDoc.ts';
import type { CaseDoc } from '../../../../shared/model/caseDoc.ts';
import { $textPoint } from './editorHarness.ts';

/**
 * The collaborative editor's plugins, headless: two editors bound to two Yjs documents the way
 * CollaborationPlugin binds them (shared/sync/caseReplica.ts uses the same @lexical/yjs calls),
 * each with the proofreading listeners that react to edits, exchanging updates by hand.
 */

const DOC: CaseDoc = {
  version: 1,
  blocks: [
    { id: 'title0000001', kind: 'title', text: '开设民情论坛', page: 3, breaks: [] },
    { id: 'body00000002', kind: 'body', text: '社区共有居民一千多户。', page: 3, breaks: [{ at: 4, page: 4 }] },
    { id: 'body00000003', kind: 'body', text: '党员带头服务群众。', page: 4, breaks: [] },
  ],
};

const REMOTE = Symbol('remote');
/** One seed for every peer, as the server seeds a case once. */
const SEED = seedCaseState(DOC);

interface Peer {
  replica: CaseReplica;
  editor: LexicalEditor;
  /** Updates this peer made, not yet delivered to the other. */
  outbox: Uint8Array[];
  /** How many updates this peer's own editor wrote (not received ones). */
  written: () => number;
}

function peer(opts: { remoteAsLoad: boolean }): Peer {
  const replica = openCaseReplica(newSharedDoc());
  Y.applyUpdate(replica.ydoc, SEED, REMOTE);
  replica.read();
  registerRichText(replica.editor);
  // As in the collab editor: the remote-as-load listener first, then the plugins' own.
  if (opts.remoteAsLoad) registerRemoteAsLoad(replica.editor);
  registerPageMarkers(replica.editor);
  registerBlockIds(replica.editor);
  const outbox: Uint8Array[] = [];
  let written = 0;
  replica.ydoc.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin === REMOTE) return;
    written++;
    outbox.push(u);
  });
  return { replica, editor: replica.editor, outbox, written: () => written };
}

/** Delivers `from`'s pending updates to `to`, one transaction at a time (as a socket would). */
function deliver(from: Peer, to: Peer): void {
  for (const u of from.outbox.splice(0)) {
    Y.applyUpdate(to.replica.ydoc, u, REMOTE);
    to.replica.read();
  }
}

const markerPages = (p: Peer): number[] => p.editor.read(() => $collectMarkers().map((m) => m.getPage()));

describe('collab editor plugins', () => {
  test('a marker another user removed stays removed', () => {
    const a = peer({ remoteAsLoad: true });
    const b = peer({ remoteAsLoad: true });
    assert.deepEqual(markerPages(b), [3, 4]);
    a.editor.update(
      () => {
        $addUpdateTag(MARKER_EDIT_TAG);
        const second = $collectMarkers()[1]!;
        $removeMarker(second.getKey());
      },
      { discrete: true },
    );
    deliver(a, b);
    assert.deepEqual(markerPages(b), [3]);
    assert.equal(b.written(), 0, 'b wrote nothing back');
    assert.deepEqual(b.replica.read(), a.replica.read());
  });

  test('without it, the marker guard would fight the other user (why registerRemoteAsLoad exists)', () => {
    const a = peer({ remoteAsLoad: true });
    const b = peer({ remoteAsLoad: false });
    a.editor.update(
      () => {
        $addUpdateTag(MARKER_EDIT_TAG);
        $removeMarker($collectMarkers()[1]!.getKey());
      },
      { discrete: true },
    );
    deliver(a, b);
    assert.deepEqual(markerPages(b), [3, 4], 'the guard put the marker back');
    assert.ok(b.written() > 0, 'and wrote it into the shared document');
  });

  for (const remoteAsLoad of [true, false]) {
    test(`a block another user splits gets its id from them only (${remoteAsLoad ? 'collab editor' : 'control: without registerRemoteAsLoad'})`, () => {
      const a = peer({ remoteAsLoad: true });
      const b = peer({ remoteAsLoad });
      a.editor.update(
        () => {
          const p = $textPoint(2, 4);
          p.node.select(p.offset, p.offset);
        },
        { discrete: true },
      );
      a.editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined);
      a.replica.read();
      const ids = (p: Peer) => p.replica.read().blocks.map((x) => x.id);
      assert.equal(ids(a).length, 4);
      assert.ok(ids(a).every((id) => typeof id === 'string'));
      // b hears the split (a block without an id) before a's id for it, in separate transactions.
      assert.ok(a.outbox.length >= 2, `the split and the id are separate updates (${a.outbox.length})`);
      deliver(a, b);
      if (!remoteAsLoad) {
        assert.ok(b.written() > 0, 'b gave the block an id of its own');
        return;
      }
      assert.equal(b.written(), 0, 'b gave the new block no id of its own');
      assert.deepEqual(ids(b), ids(a));
      assert.deepEqual(b.replica.read(), a.replica.read());
    });
  }

  test('remote changes carry LOAD_TAG, local ones do not', () => {
    const a = peer({ remoteAsLoad: true });
    const b = peer({ remoteAsLoad: true });
    const seen: boolean[] = [];
    b.editor.registerUpdateListener(({ tags, dirtyElements }) => {
      if (dirtyElements.size > 0) seen.push(tags.has(LOAD_TAG));
    });
    a.replica.apply({ ...DOC, blocks: DOC.blocks.map((x, i) => (i === 0 ? { ...x, text: '开设民情论坛（改）' } : x)) });
    deliver(a, b);
    b.replica.apply({ ...DOC, blocks: DOC.blocks.map((x, i) => (i === 2 ? { ...x, text: '党员带头。' } : x)) });
    assert.deepEqual(seen, [true, false]);
  });

  test('clearForCollab empties the editor without writing to the shared document', () => {
    const a = peer({ remoteAsLoad: true });
    let updates = 0;
    a.replica.ydoc.on('update', () => updates++);
    clearForCollab(a.editor);
    assert.equal(
      a.editor.read(() => $getRoot().getChildrenSize()),
      0,
    );
    assert.equal(updates, 0);
    assert.equal(a.replica.ydoc.get('root', Y.XmlText).length > 0, true, 'the shared document keeps the case');
  });

  test('the hub of a browser-mode page is on its own host', () => {
    assert.equal(hubUrlFromPage({ protocol: 'http:', host: 'localhost:5123' }), 'ws://localhost:5123/sync');
    assert.equal(hubUrlFromPage({ protocol: 'http:', host: '127.0.0.1:80' }), 'ws://127.0.0.1:80/sync');
  });

  test('cursor colours are stable per name', () => {
    assert.equal(cursorColorFor('张三'), cursorColorFor('张三'));
    // The colour is a function of the name alone (the same on every screen), and names differ by it.
    assert.equal(cursorColorFor('张三'), 'hsl(169, 65%, 42%)');
    assert.equal(cursorColorFor('李四'), 'hsl(21, 65%, 42%)');
    assert.notEqual(cursorColorFor('张三'), cursorColorFor('李四'));
    assert.match(cursorColorFor('李四'), /^hsl\(\d+, 65%, 42%\)$/);
  });
});
