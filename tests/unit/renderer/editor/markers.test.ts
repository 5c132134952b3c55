import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { $getRoot, $getSelection, $isRangeSelection, DELETE_CHARACTER_COMMAND, UNDO_COMMAND } from 'lexical';
import {
  $collectMarkers,
  $moveMarkerToSelection,
  $removeMarker,
  MARKER_EDIT_TAG,
} from '../../../../renderer/editor/markerGuard.ts';
import { $insertPlainText } from '../../../../renderer/editor/plainText.ts';
import { $isSectionNode } from '../../../../shared/editor/nodes/SectionNode.ts';
import type { CaseDoc } from '../../../../shared/model/caseDoc.ts';
import { $selectRange, $textPoint, makeEditor, readDoc, update } from './editorHarness.ts';
import { seedCaseDoc } from './seedDoc.ts';

/** Index of the seed block with a break inside (the body paragraph that runs onto page 7). */
function blockWithBreak(doc: CaseDoc): number {
  return doc.blocks.findIndex((b) => b.breaks.length > 0);
}

function markerPages(editor: ReturnType<typeof makeEditor>): number[] {
  return editor.read(() => $collectMarkers().map((m) => m.getPage()));
}

describe('page markers while editing', () => {
  test('typing inside a block before a marker shifts the break, keeps the marker', () => {
    const { doc } = seedCaseDoc();
    const i = blockWithBreak(doc);
    const at = doc.blocks[i]!.breaks[0]!.at;
    const editor = makeEditor(doc);
    const before = markerPages(editor);
    update(editor, () => {
      $selectRange(i, 10, i, 10);
      const sel = $getSelection();
      assert.ok($isRangeSelection(sel));
      sel.insertText('增补');
    });
    const back = readDoc(editor);
    assert.equal(back.blocks[i]!.text, doc.blocks[i]!.text.slice(0, 10) + '增补' + doc.blocks[i]!.text.slice(10));
    assert.deepEqual(back.blocks[i]!.breaks, [{ at: at + 2, page: doc.blocks[i]!.breaks[0]!.page }]);
    assert.deepEqual(markerPages(editor), before);
  });

  test('deleting a range across a marker removes the text and keeps the marker at the join', () => {
    const { doc } = seedCaseDoc();
    const i = blockWithBreak(doc);
    const { at, page } = doc.blocks[i]!.breaks[0]!;
    const editor = makeEditor(doc);
    update(editor, () => {
      $selectRange(i, at - 5, i, at + 5);
      editor.dispatchCommand(DELETE_CHARACTER_COMMAND, true);
    });
    const b = readDoc(editor).blocks[i]!;
    const t = doc.blocks[i]!.text;
    assert.equal(b.text, t.slice(0, at - 5) + t.slice(at + 5));
    assert.deepEqual(b.breaks, [{ at: at - 5, page }]);
    assert.deepEqual(markerPages(editor), markerPages(makeEditor(doc)));
  });

  test("typing over a selection spanning blocks keeps both blocks' markers", () => {
    const { doc } = seedCaseDoc();
    // Block 4 opens page 6 with a leading marker; select from block 3 into block 4.
    const j = doc.blocks.findIndex((b, k) => k > 0 && b.page !== doc.blocks[k - 1]!.page);
    const editor = makeEditor(doc);
    const pages = markerPages(editor);
    update(editor, () => {
      $selectRange(j - 1, 2, j, 3);
      const sel = $getSelection();
      assert.ok($isRangeSelection(sel));
      sel.insertText('某');
    });
    const back = readDoc(editor);
    assert.equal(back.blocks.length, doc.blocks.length - 1);
    const merged = back.blocks[j - 1]!;
    assert.equal(merged.text, doc.blocks[j - 1]!.text.slice(0, 2) + '某' + doc.blocks[j]!.text.slice(3));
    assert.deepEqual(merged.breaks, [{ at: 3, page: doc.blocks[j]!.page }]);
    assert.deepEqual(markerPages(editor), pages);
  });

  test('select all and delete keeps every marker, in order', () => {
    const { doc } = seedCaseDoc();
    const editor = makeEditor(doc);
    const pages = markerPages(editor);
    update(editor, () => {
      $getRoot().select(0, $getRoot().getChildrenSize());
      editor.dispatchCommand(DELETE_CHARACTER_COMMAND, true);
    });
    assert.deepEqual(markerPages(editor), pages);
    assert.equal(
      readDoc(editor)
        .blocks.map((b) => b.text)
        .join(''),
      '',
    );
  });

  test('Backspace right after a marker deletes the character before it', () => {
    const { doc } = seedCaseDoc();
    const i = blockWithBreak(doc);
    const { at, page } = doc.blocks[i]!.breaks[0]!;
    const editor = makeEditor(doc);
    update(editor, () => {
      const p = $textPoint(i, at + 1); // start of the text after the marker
      p.node.select(0, 0);
      editor.dispatchCommand(DELETE_CHARACTER_COMMAND, true);
    });
    const t = doc.blocks[i]!.text;
    const b = readDoc(editor).blocks[i]!;
    assert.equal(b.text, t.slice(0, at - 1) + t.slice(at));
    assert.deepEqual(b.breaks, [{ at: at - 1, page }]);
  });

  test('Delete right before a marker deletes the character after it', () => {
    const { doc } = seedCaseDoc();
    const i = blockWithBreak(doc);
    const { at, page } = doc.blocks[i]!.breaks[0]!;
    const editor = makeEditor(doc);
    update(editor, () => {
      $selectRange(i, at, i, at); // end of the text node before the marker
      editor.dispatchCommand(DELETE_CHARACTER_COMMAND, false);
    });
    const t = doc.blocks[i]!.text;
    const b = readDoc(editor).blocks[i]!;
    assert.equal(b.text, t.slice(0, at) + t.slice(at + 1));
    assert.deepEqual(b.breaks, [{ at, page }]);
  });

  test('Backspace at the start of a block that opens with a marker merges the blocks, marker at the join', () => {
    const { doc } = seedCaseDoc();
    const j = doc.blocks.findIndex((b, k) => k > 0 && b.page !== doc.blocks[k - 1]!.page);
    const editor = makeEditor(doc);
    update(editor, () => {
      const section = $getRoot().getChildAtIndex(j);
      assert.ok($isSectionNode(section));
      section.select(1, 1); // after the leading marker
      editor.dispatchCommand(DELETE_CHARACTER_COMMAND, true);
    });
    const back = readDoc(editor);
    assert.equal(back.blocks.length, doc.blocks.length - 1);
    const prev = doc.blocks[j - 1]!;
    assert.equal(back.blocks[j - 1]!.text, prev.text + doc.blocks[j]!.text);
    assert.deepEqual(back.blocks[j - 1]!.breaks, [{ at: prev.text.length, page: doc.blocks[j]!.page }]);
  });

  test('undo after a guarded deletion restores the document in one step', () => {
    const { doc } = seedCaseDoc();
    const i = blockWithBreak(doc);
    const { at } = doc.blocks[i]!.breaks[0]!;
    const editor = makeEditor(doc, { history: true });
    update(editor, () => {
      $selectRange(i, at - 3, i, at + 3);
      editor.dispatchCommand(DELETE_CHARACTER_COMMAND, true);
    });
    assert.notDeepEqual(readDoc(editor), doc);
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    assert.deepEqual(readDoc(editor), doc);
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    assert.deepEqual(readDoc(editor), doc, 'nothing before the load to undo to');
  });

  test('copying a range with a marker copies only text; pasting it adds no marker', () => {
    const { doc } = seedCaseDoc();
    const i = blockWithBreak(doc);
    const { at } = doc.blocks[i]!.breaks[0]!;
    const editor = makeEditor(doc);
    let copied = '';
    update(editor, () => {
      $selectRange(i, at - 4, i, at + 4);
      copied = $getSelection()!.getTextContent(); // what Lexical puts on the clipboard as text/plain
    });
    assert.equal(copied, doc.blocks[i]!.text.slice(at - 4, at + 4));
    const pages = markerPages(editor);
    update(editor, () => {
      $selectRange(0, 2, 0, 2);
      $insertPlainText(copied);
    });
    const back = readDoc(editor);
    assert.equal(back.blocks[0]!.text, doc.blocks[0]!.text.slice(0, 2) + copied + doc.blocks[0]!.text.slice(2));
    assert.deepEqual(markerPages(editor), pages);
    assert.deepEqual(back.blocks[i], doc.blocks[i]);
  });

  test('pasting over a selection that spans a marker keeps the marker after the pasted text', () => {
    const { doc } = seedCaseDoc();
    const i = blockWithBreak(doc);
    const { at, page } = doc.blocks[i]!.breaks[0]!;
    const editor = makeEditor(doc);
    update(editor, () => {
      $selectRange(i, at - 2, i, at + 2);
      $insertPlainText('甲乙丙');
    });
    const b = readDoc(editor).blocks[i]!;
    assert.equal(b.text, doc.blocks[i]!.text.slice(0, at - 2) + '甲乙丙' + doc.blocks[i]!.text.slice(at + 2));
    assert.deepEqual(b.breaks, [{ at: at + 1, page }]);
  });

  test('multi-line paste makes new blocks; Enter after a title continues as body', () => {
    const { doc } = seedCaseDoc();
    const editor = makeEditor(doc);
    update(editor, () => {
      $selectRange(0, doc.blocks[0]!.text.length, 0, doc.blocks[0]!.text.length);
      $insertPlainText('一\r\n二');
    });
    const back = readDoc(editor);
    assert.equal(back.blocks[0]!.text, doc.blocks[0]!.text + '一');
    assert.deepEqual(back.blocks[1], { kind: 'body', text: '二', page: doc.blocks[0]!.page, breaks: [] });
  });

  test('explicit marker edits: move to the caret, remove', () => {
    const { doc } = seedCaseDoc();
    const i = blockWithBreak(doc);
    const { at, page } = doc.blocks[i]!.breaks[0]!;
    const editor = makeEditor(doc);
    const key = editor.read(() =>
      $collectMarkers()
        .find((m) => m.getPage() === page)!
        .getKey(),
    );
    editor.update(
      () => {
        $selectRange(i, at - 7, i, at - 7);
        assert.ok($moveMarkerToSelection(key));
      },
      { discrete: true, tag: MARKER_EDIT_TAG },
    );
    assert.deepEqual(readDoc(editor).blocks[i]!.breaks, [{ at: at - 7, page }]);
    const moved = editor.read(() =>
      $collectMarkers()
        .find((m) => m.getPage() === page)!
        .getKey(),
    );
    editor.update(() => assert.ok($removeMarker(moved)), { discrete: true, tag: MARKER_EDIT_TAG });
    assert.deepEqual(readDoc(editor).blocks[i]!.breaks, []);
    assert.equal(readDoc(editor).blocks[i]!.text, doc.blocks[i]!.text);
  });
});
