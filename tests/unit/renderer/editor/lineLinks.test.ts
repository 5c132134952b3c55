// The editor's side of line linking, headless: the caret's block outlined on its page (page markers
// respected), and a line of the scan turned into a block and offset that the caret can be put at.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { $getSelection, $isRangeSelection, type RangeSelection } from 'lexical';
import { seedOcrCase, seedOcrPage } from '../../../fixtures/ocr-pages/seedPages.ts';
import { indexPageLines, ocrPageLines } from '../../../../shared/proof/lineLinks.ts';
import { $caretBlockLines, $lineTarget } from '../../../../renderer/editor/lineLinks.ts';
import { $selectRange, makeEditor, readDoc, update } from './editorHarness.ts';

const page5 = seedOcrPage(5);
const page6 = seedOcrPage(6);
const index5 = indexPageLines(ocrPageLines(page5));
const index6 = indexPageLines(ocrPageLines(page6));

// Case 001 as imported from OCR (see seedOcrCase): the body runs from page 6 onto page 7.
const doc = seedOcrCase();

describe('line linking in the editor', () => {
  test('the caret block is outlined on its own page only', () => {
    const editor = makeEditor(doc);
    update(editor, () => $selectRange(0, 10, 0, 10));
    assert.deepEqual(
      editor.read(() => $caretBlockLines(5, 5, index5)),
      [1, 2, 3],
    );
    update(editor, () => $selectRange(2, 4, 2, 4));
    assert.deepEqual(
      editor.read(() => $caretBlockLines(5, 6, index6)),
      [0, 1, 2, 3, 4, 5, 6],
    );
    // The body is not on page 5.
    assert.deepEqual(
      editor.read(() => $caretBlockLines(5, 5, index5)),
      [],
    );
  });

  test('a line leads to its block and offset, and the caret put there reads the line', () => {
    const editor = makeEditor(doc);
    const target = editor.read(() => $lineTarget(5, 6, index6, 3));
    assert.ok(target);
    assert.equal(target.block, 2);
    const text = readDoc(editor, 5).blocks[2]!.text;
    assert.equal(text.slice(target.offset, target.offset + 4), page6.lines[3]!.text.replace(/"/g, '”').slice(0, 4));
    // After typing into the block before the line, the same line leads to the moved text.
    update(editor, () => $selectRange(2, 0, 2, 0));
    update(editor, () => {
      const sel = $getSelectionOrThrow();
      sel.insertText('补记：');
    });
    const moved = editor.read(() => $lineTarget(5, 6, index6, 3));
    assert.deepEqual(moved, { block: 2, offset: target.offset + 3 });
  });
});

function $getSelectionOrThrow(): RangeSelection {
  const sel = $getSelection();
  if (!$isRangeSelection(sel)) throw new Error('no range selection');
  return sel;
}
