// The editor's side of OCR suspects, headless: blocks read with the pages their markers give them,
// suspects following their characters through typing, and only edited blocks aligned again.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { $getSelection, $isRangeSelection } from 'lexical';
import { seedOcrCase, seedOcrPage } from '../../../fixtures/ocr-pages/seedPages.ts';
import { ocrPagesOf, type OcrSuspect } from '../../../../shared/proof/ocrSuspects.ts';
import { $ocrBlocks, memoOcrByBlock, type OcrSuspectSource } from '../../../../renderer/editor/ocrSuspects.ts';
import { $selectRange, makeEditor, update } from './editorHarness.ts';

const page5 = seedOcrPage(5);
const page6 = seedOcrPage(6);

// Case 001 as imported from OCR (see seedOcrCase): the body runs from page 6 onto page 7.
const doc = seedOcrCase();
const source: OcrSuspectSource = {
  pages: ocrPagesOf(
    new Map([
      [5, page5],
      [6, page6],
    ]),
  ),
  threshold: 85,
  startPage: 5,
};

const shown = (editorTexts: string[], perBlock: OcrSuspect[][]) =>
  perBlock.map((list, i) => list.map((s) => [editorTexts[i]!.slice(s.start, s.end), s.confidence]));

describe('OCR suspects in the editor', () => {
  test('each block is aligned on its own page; a page without OCR adds nothing', () => {
    const editor = makeEditor(doc);
    const blocks = editor.read(() => $ocrBlocks(5));
    assert.deepEqual(
      blocks.map((b) => [b.page, b.breaks]),
      doc.blocks.map((b) => [b.page, b.breaks]),
    );
    const suspects = memoOcrByBlock(source)(blocks);
    assert.deepEqual(
      shown(
        blocks.map((b) => b.text),
        suspects,
      ),
      [[['姥', 84]], [], [['沈', 83]]],
    );
  });

  test('typing before a suspect moves it; only the edited block is aligned again; correcting it removes it', () => {
    const editor = makeEditor(doc);
    const perBlock = memoOcrByBlock(source);
    const first = perBlock(editor.read(() => $ocrBlocks(5)));
    update(editor, () => {
      $selectRange(0, 0, 0, 0);
      const sel = $getSelection();
      assert.ok($isRangeSelection(sel));
      sel.insertText('编者按：');
    });
    let blocks = editor.read(() => $ocrBlocks(5));
    let again = perBlock(blocks);
    assert.deepEqual(
      shown(
        blocks.map((b) => b.text),
        again,
      ),
      [[['姥', 84]], [], [['沈', 83]]],
    );
    assert.equal(again[0]![0]!.start, first[0]![0]!.start + 4);
    assert.equal(again[2], first[2], 'the unedited block was not aligned again');

    const at = blocks[0]!.text.indexOf('落姥点') + 1;
    update(editor, () => {
      $selectRange(0, at, 0, at + 1);
      const sel = $getSelection();
      assert.ok($isRangeSelection(sel));
      sel.insertText('脚');
    });
    blocks = editor.read(() => $ocrBlocks(5));
    again = perBlock(blocks);
    assert.deepEqual(
      shown(
        blocks.map((b) => b.text),
        again,
      ),
      [[], [], [['沈', 83]]],
    );
  });

  test('an editor with only its blank placeholder has no blocks to check', () => {
    const editor = makeEditor({ version: 1, blocks: [] });
    assert.deepEqual(
      editor.read(() => $ocrBlocks(0)),
      [],
    );
  });
});
