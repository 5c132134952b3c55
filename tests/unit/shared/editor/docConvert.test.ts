import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { $createTextNode, $getRoot, $isTextNode } from 'lexical';
import { $docToEditor, $editorToDoc } from '../../../../shared/editor/docConvert.ts';
import { $collectMarkers, LOAD_TAG } from '../../../../renderer/editor/markerGuard.ts';
import { $isSectionNode, $createSectionNode } from '../../../../shared/editor/nodes/SectionNode.ts';
import { $createPageMarkerNode } from '../../../../shared/editor/nodes/PageMarkerNode.ts';
import type { CaseDoc } from '../../../../shared/model/caseDoc.ts';
import { CaseDoc as CaseDocSchema } from '../../../../shared/model/caseDoc.ts';
import { makeEditor, readDoc, update } from '../../renderer/editor/editorHarness.ts';
import { seedCaseDoc } from '../../renderer/editor/seedDoc.ts';

describe('docConvert', () => {
  test('seed case 001 round-trips exactly, breaks becoming inline markers', () => {
    const { doc } = seedCaseDoc();
    const editor = makeEditor(doc);
    assert.deepEqual(readDoc(editor), doc);
    const breakCount = doc.blocks.reduce((n, b) => n + b.breaks.length, 0);
    const pageChanges = doc.blocks.filter(
      (b, i) => i === 0 || b.page !== (doc.blocks[i - 1]!.breaks.at(-1)?.page ?? doc.blocks[i - 1]!.page),
    ).length;
    const markers = editor.read(() => $collectMarkers().map((m) => m.getPage()));
    assert.equal(markers.length, breakCount + pageChanges);
    assert.deepEqual(
      markers,
      [...markers].sort((a, b) => a - b),
    );
    // Marker text never reaches the text content.
    const text = editor.read(() => $getRoot().getTextContent());
    assert.equal(text.replace(/\n/g, ''), doc.blocks.map((b) => b.text).join(''));
  });

  test('the saved form passes the CaseDoc schema and keeps source spans', () => {
    const doc: CaseDoc = {
      version: 1,
      blocks: [
        { kind: 'title', text: '标题', page: 3, breaks: [], source: { page: 3, lineStart: 1, lineEnd: 1, raw: ' 标题' } },
        { kind: 'body', text: '正文', page: 3, breaks: [] },
      ],
    };
    const back = readDoc(makeEditor(doc));
    assert.deepEqual(CaseDocSchema.parse(back), doc);
    assert.deepEqual(back, doc);
  });

  test('edge cases: break at block start and end, empty blocks, repeated pages, page jump between blocks', () => {
    const doc: CaseDoc = {
      version: 1,
      blocks: [
        {
          kind: 'body',
          text: 'abc',
          page: 2,
          breaks: [
            { at: 0, page: 3 },
            { at: 3, page: 4 },
          ],
        },
        { kind: 'body', text: '', page: 4, breaks: [] },
        { kind: 'heading', text: '', page: 6, breaks: [] },
        {
          kind: 'body',
          text: 'de',
          page: 6,
          breaks: [
            { at: 1, page: 7 },
            { at: 1, page: 8 },
          ],
        },
        { kind: 'other', text: 'f', page: 8, breaks: [] },
      ],
    };
    assert.deepEqual(readDoc(makeEditor(doc)), doc);
  });

  test('an empty document stays empty', () => {
    const doc: CaseDoc = { version: 1, blocks: [] };
    assert.deepEqual(readDoc(makeEditor(doc)), doc);
  });

  test('a block without a leading marker continues the previous page; the first uses startPage', () => {
    const editor = makeEditor();
    update(editor, () => {
      $getRoot()
        .clear()
        .append($createSectionNode('body').append($createTextNode('甲')));
    });
    assert.deepEqual(readDoc(editor, 9).blocks, [{ kind: 'body', text: '甲', page: 9, breaks: [] }]);
  });

  test('changing a kind changes only that block', () => {
    const { doc } = seedCaseDoc();
    const editor = makeEditor(doc);
    update(editor, () => {
      const block = $getRoot().getChildAtIndex(5);
      assert.ok($isSectionNode(block));
      block.setKind('caption');
    });
    const back = readDoc(editor);
    assert.equal(back.blocks[5]!.kind, 'caption');
    assert.deepEqual({ ...back, blocks: back.blocks.map((b, i) => (i === 5 ? { ...b, kind: doc.blocks[5]!.kind } : b)) }, doc);
  });

  test('re-loading replaces the content', () => {
    const { doc } = seedCaseDoc();
    const editor = makeEditor(doc);
    const other: CaseDoc = { version: 1, blocks: [{ kind: 'body', text: '新', page: 1, breaks: [] }] };
    editor.update(() => $docToEditor(other), { discrete: true, tag: LOAD_TAG });
    assert.deepEqual(readDoc(editor), other);
    assert.equal(
      editor.read(() => $collectMarkers().length),
      1,
    );
  });

  test('reading again after edits sees every edit (blocks read before are reused only while unchanged)', () => {
    const { doc } = seedCaseDoc();
    const editor = makeEditor(doc);
    assert.deepEqual(readDoc(editor), doc);
    update(editor, () => {
      const root = $getRoot();
      const [first, second, last] = [root.getChildAtIndex(1), root.getChildAtIndex(2), root.getLastChild()];
      assert.ok($isSectionNode(first) && $isSectionNode(second) && $isSectionNode(last));
      // A text node edited in place: the block object stays, its child is a new copy.
      const text = first.getLastChild();
      assert.ok($isTextNode(text));
      text.setTextContent(`${text.getTextContent()}（改）`);
      second.setKind('caption');
      last.append($createPageMarkerNode(99));
    });
    const back = readDoc(editor);
    const expected = structuredClone(doc);
    expected.blocks[1]!.text += '（改）';
    expected.blocks[2]!.kind = 'caption';
    const lastBlock = expected.blocks.at(-1)!;
    lastBlock.breaks.push({ at: lastBlock.text.length, page: 99 });
    assert.deepEqual(back, expected);
    // Unchanged once more: the same answer.
    assert.deepEqual(readDoc(editor), back);
  });

  test('$editorToDoc reads foreign blocks as body', () => {
    const editor = makeEditor();
    update(editor, () => {
      $getRoot()
        .clear()
        .append($createSectionNode('title').append($createTextNode('x')));
    });
    assert.deepEqual(editor.read(() => $editorToDoc(0)).blocks[0]!.kind, 'title');
  });
});
