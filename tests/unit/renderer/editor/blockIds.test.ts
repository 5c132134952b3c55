import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $parseSerializedNode,
  DELETE_CHARACTER_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { $blockIdAtCaret, $blockIndexById, registerBlockIds } from '../../../../renderer/editor/blockIds.ts';
import { $isSectionNode } from '../../../../shared/editor/nodes/SectionNode.ts';
import type { Block, CaseDoc } from '../../../../shared/model/caseDoc.ts';
import { $textPoint, makeEditor, readDoc, update } from './editorHarness.ts';

const block = (text: string, id?: string, page = 0): Block => ({
  ...(id ? { id } : {}),
  kind: 'body',
  text,
  page,
  breaks: [],
});

const DOC: CaseDoc = {
  version: 1,
  blocks: [
    { id: 'title0000001', kind: 'title', text: '开设民情论坛', page: 3, breaks: [] },
    { id: 'body00000002', kind: 'body', text: '社区共有居民一千多户。', page: 3, breaks: [{ at: 4, page: 4 }] },
    { id: 'body00000003', kind: 'body', text: '党员带头服务群众。', page: 4, breaks: [] },
  ],
};

function caretAt(blockIndex: number, offset: number): void {
  const p = $textPoint(blockIndex, offset);
  p.node.select(p.offset, p.offset);
}

function ids(editor: LexicalEditor): Array<string | undefined> {
  return readDoc(editor, 3).blocks.map((b) => b.id);
}

/** Lets an update queued by a listener (the id assignment) commit. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('block ids in the editor', () => {
  test('a document round-trips with its ids, and a legacy one without them stays without', () => {
    assert.deepEqual(readDoc(makeEditor(DOC), 3), DOC);
    const legacy: CaseDoc = { version: 1, blocks: [block('甲'), block('乙')] };
    assert.deepEqual(readDoc(makeEditor(legacy)), legacy);
  });

  test('the id travels in the node JSON (copy, paste, history) and back', () => {
    const editor = makeEditor(DOC);
    const json = editor.getEditorState().toJSON();
    const again = makeEditor();
    again.setEditorState(again.parseEditorState(json));
    assert.deepEqual(ids(again), ids(editor));
    const serialized = editor.read(() => $getRoot().getChildAtIndex(1)!.exportJSON());
    let copied: string | null = null;
    update(editor, () => {
      const copy = $parseSerializedNode(serialized);
      if ($isSectionNode(copy)) copied = copy.getBlockId();
    });
    assert.equal(copied, 'body00000002');
  });

  test('Enter in the middle: the first part keeps the id, the new part has none (without the plugin)', () => {
    const editor = makeEditor(DOC);
    update(editor, () => {
      caretAt(1, 6);
      editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined);
    });
    const doc = readDoc(editor, 3);
    assert.deepEqual(
      doc.blocks.map((b) => [b.id, b.text]),
      [
        ['title0000001', '开设民情论坛'],
        ['body00000002', '社区共有居民'],
        [undefined, '一千多户。'],
        ['body00000003', '党员带头服务群众。'],
      ],
    );
  });

  test('Enter at the very start opens an empty block above: the id stays with the text', () => {
    const editor = makeEditor(DOC);
    update(editor, () => {
      caretAt(2, 0);
      editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined);
    });
    const doc = readDoc(editor, 3);
    assert.deepEqual(
      doc.blocks.map((b) => [b.id, b.text]),
      [
        ['title0000001', '开设民情论坛'],
        ['body00000002', '社区共有居民一千多户。'],
        [undefined, ''],
        ['body00000003', '党员带头服务群众。'],
      ],
    );
  });

  test('Backspace at a block start merges it into the previous block, which keeps its id', () => {
    const editor = makeEditor(DOC);
    update(editor, () => {
      caretAt(2, 0);
      editor.dispatchCommand(DELETE_CHARACTER_COMMAND, true);
    });
    const doc = readDoc(editor, 3);
    assert.deepEqual(
      doc.blocks.map((b) => [b.id, b.text]),
      [
        ['title0000001', '开设民情论坛'],
        ['body00000002', '社区共有居民一千多户。党员带头服务群众。'],
      ],
    );
  });

  test('with the plugin, a split-off block gets a fresh id at once; undo brings back the ids before', async () => {
    const editor = makeEditor(DOC, { history: true });
    registerBlockIds(editor);
    update(editor, () => {
      caretAt(1, 6);
      editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined);
    });
    await settle();
    const after = ids(editor);
    assert.equal(after.length, 4);
    assert.deepEqual([after[0], after[1], after[3]], ['title0000001', 'body00000002', 'body00000003']);
    assert.match(after[2]!, /^[0-9a-z]{12}$/);
    // The caret sits in the new block: its id is what a note there would anchor to.
    assert.equal(
      editor.read(() => $blockIdAtCaret()),
      after[2],
    );
    assert.equal(
      editor.read(() => $blockIndexById('body00000003')),
      3,
    );
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    await settle();
    assert.deepEqual(ids(editor), ['title0000001', 'body00000002', 'body00000003']);
  });

  test('with the plugin, a pasted copy of a block gets its own id and the original keeps its', async () => {
    const editor = makeEditor(DOC);
    registerBlockIds(editor);
    const serialized = editor.read(() => $getRoot().getChildAtIndex(2)!.exportJSON());
    update(editor, () => {
      // The copy lands before the original: document order must not hand the original's id over.
      $getRoot().getChildAtIndex(0)!.insertAfter($parseSerializedNode(serialized));
    });
    await settle();
    const after = ids(editor);
    assert.equal(after.length, 4);
    assert.equal(after[3], 'body00000003');
    assert.notEqual(after[1], 'body00000003');
    assert.equal(new Set(after).size, 4);
  });

  test('with the plugin, typing in a legacy block gives that block an id; loading assigns none', async () => {
    const legacy: CaseDoc = { version: 1, blocks: [block('甲乙'), block('丙丁')] };
    const editor = makeEditor(legacy);
    registerBlockIds(editor);
    await settle();
    assert.deepEqual(ids(editor), [undefined, undefined]);
    update(editor, () => {
      caretAt(1, 2);
      const sel = $getSelection();
      assert.ok($isRangeSelection(sel));
      sel.insertText('戊');
    });
    await settle();
    const after = ids(editor);
    assert.equal(after[0], undefined);
    assert.match(after[1]!, /^[0-9a-z]{12}$/);
  });
});
