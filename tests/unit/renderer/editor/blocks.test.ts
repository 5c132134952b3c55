import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { $getRoot, $getSelection, $isRangeSelection } from 'lexical';
import {
  $blockTexts,
  $caretInBlock,
  $markerForPage,
  $pageAtCaret,
  $selectInBlock,
  $setKindOfSelection,
} from '../../../../renderer/editor/blocks.ts';
import { $collectMarkers } from '../../../../renderer/editor/markerGuard.ts';
import { $replaceIfUnchanged, $replaceMatches } from '../../../../renderer/editor/textEdits.ts';
import { $isSectionNode } from '../../../../shared/editor/nodes/SectionNode.ts';
import { compileQuery, findMatches, replacementFor } from '../../../../shared/proof/find.ts';
import { findSuspects } from '../../../../shared/proof/suspects.ts';
import type { CaseDoc } from '../../../../shared/model/caseDoc.ts';
import { makeEditor, readDoc, update } from './editorHarness.ts';
import { seedCaseDoc } from './seedDoc.ts';

const small: CaseDoc = {
  version: 1,
  blocks: [
    { kind: 'title', text: '标题', page: 5, breaks: [] },
    { kind: 'body', text: '甲乙丙丁', page: 5, breaks: [{ at: 2, page: 6 }] },
    { kind: 'body', text: '戊己', page: 6, breaks: [] },
    { kind: 'body', text: '庚', page: 7, breaks: [] },
  ],
};

describe('block coordinates', () => {
  test('block texts exclude marker labels', () => {
    const editor = makeEditor(small);
    assert.deepEqual(
      editor.read(() => $blockTexts().map((b) => [b.kind, b.text])),
      small.blocks.map((b) => [b.kind, b.text]),
    );
  });

  test('selecting a range that ends or starts at a marker leaves the marker outside', () => {
    const editor = makeEditor(small);
    update(editor, () => {
      $selectInBlock(1, 0, 2);
      assert.equal($getSelection()!.getTextContent(), '甲乙');
      assert.ok(
        !$getSelection()!
          .getNodes()
          .some((n) => n.getType() === 'page-marker'),
      );
      $selectInBlock(1, 2, 4);
      assert.equal($getSelection()!.getTextContent(), '丙丁');
      assert.ok(
        !$getSelection()!
          .getNodes()
          .some((n) => n.getType() === 'page-marker'),
      );
    });
  });

  test('caret offset and page follow the markers', () => {
    const editor = makeEditor(small);
    const at = (block: number, offset: number) => {
      let r: [unknown, unknown] = [null, null];
      update(editor, () => {
        $selectInBlock(block, offset, offset);
        r = [$caretInBlock(), $pageAtCaret(0)];
      });
      return r;
    };
    assert.deepEqual(at(0, 1), [{ block: 0, offset: 1 }, 5]);
    assert.deepEqual(at(1, 1), [{ block: 1, offset: 1 }, 5]);
    assert.deepEqual(at(1, 3), [{ block: 1, offset: 3 }, 6]);
    assert.deepEqual(at(2, 0), [{ block: 2, offset: 0 }, 6]);
    assert.deepEqual(at(3, 1), [{ block: 3, offset: 1 }, 7]);
  });

  test('page at the caret across the seed case matches the document pages', () => {
    const { doc } = seedCaseDoc();
    const editor = makeEditor(doc);
    doc.blocks.forEach((b, i) => {
      update(editor, () => {
        $selectInBlock(i, b.text.length, b.text.length);
        assert.equal($pageAtCaret(0), b.breaks.at(-1)?.page ?? b.page);
        $selectInBlock(i, 0, 0);
        assert.equal($pageAtCaret(0), b.page);
      });
    });
  });

  test('markerForPage finds the page marker or the last one before it', () => {
    const editor = makeEditor(small);
    editor.read(() => {
      const markers = $collectMarkers();
      assert.equal($markerForPage(6, markers)?.getPage(), 6);
      assert.equal($markerForPage(9, markers)?.getPage(), 7);
      assert.equal($markerForPage(1, markers), null);
    });
  });

  test('setting the kind of a selection spanning blocks', () => {
    const editor = makeEditor(small);
    update(editor, () => {
      $selectInBlock(1, 1, 1);
      const sel = $getSelection();
      assert.ok($isRangeSelection(sel));
      const last = $getRoot().getChildAtIndex(2);
      assert.ok($isSectionNode(last));
      sel.focus.set(last.getFirstChildOrThrow().getKey(), 1, 'text');
      assert.equal($setKindOfSelection('awards'), true);
    });
    assert.deepEqual(
      readDoc(editor).blocks.map((b) => b.kind),
      ['title', 'awards', 'awards', 'body'],
    );
  });
});

describe('text edits', () => {
  test('a suspect fix across a marker keeps the marker', () => {
    const doc: CaseDoc = { version: 1, blocks: [{ kind: 'body', text: '社区 共有', page: 1, breaks: [{ at: 3, page: 2 }] }] };
    const editor = makeEditor(doc);
    const [s] = findSuspects(doc.blocks[0]!.text);
    assert.ok(s && s.fix === '');
    update(editor, () => assert.ok($replaceIfUnchanged(0, s.start, s.end, ' ', s.fix!)));
    assert.deepEqual(readDoc(editor).blocks[0], { kind: 'body', text: '社区共有', page: 1, breaks: [{ at: 2, page: 2 }] });
  });

  test('a stale fix is refused', () => {
    const editor = makeEditor(small);
    update(editor, () => assert.equal($replaceIfUnchanged(1, 0, 1, '乙', 'X'), false));
    assert.deepEqual(readDoc(editor), small);
  });

  test('replace all across the seed case, with regex groups', () => {
    const { doc } = seedCaseDoc();
    const editor = makeEditor(doc);
    const c = compileQuery('(\\d+)年', { regex: true, caseSensitive: false });
    assert.ok(c.ok);
    const texts = editor.read(() => $blockTexts().map((b) => b.text));
    const matches = findMatches(texts, c.re);
    assert.ok(matches.length > 0);
    update(editor, () => {
      const n = $replaceMatches(
        matches.map((m) => ({
          ...m,
          expected: texts[m.block]!.slice(m.start, m.end),
          replacement: replacementFor(texts[m.block]!, m, c.re, '$1 年', true),
        })),
      );
      assert.equal(n, matches.length);
    });
    const back = readDoc(editor);
    assert.deepEqual(
      back.blocks.map((b) => b.text),
      doc.blocks.map((b) => b.text.replace(/(\d+)年/g, '$1 年')),
    );
    assert.equal(back.blocks.flatMap((b) => b.breaks).length, doc.blocks.flatMap((b) => b.breaks).length);
  });
});

describe('stepIndex', async () => {
  const { stepIndex } = await import('../../../../renderer/editor/navigate.ts');
  const items = [
    { block: 0, start: 3 },
    { block: 2, start: 0 },
    { block: 2, start: 5 },
  ];
  test('next and previous from a position, wrapping', () => {
    assert.equal(stepIndex(items, { block: 0, offset: 3 }, 'next'), 1);
    assert.equal(stepIndex(items, { block: 2, offset: 1 }, 'next'), 2);
    assert.equal(stepIndex(items, { block: 2, offset: 5 }, 'next'), 0);
    assert.equal(stepIndex(items, { block: 2, offset: 5 }, 'previous'), 1);
    assert.equal(stepIndex(items, { block: 0, offset: 0 }, 'previous'), 2);
    assert.equal(stepIndex([], null, 'next'), -1);
    assert.equal(stepIndex(items, null, 'previous'), 2);
  });
});

describe('adjacent markers', async () => {
  const { $adjacentMarkers } = await import('../../../../renderer/editor/blocks.ts');
  test('finds the markers around the caret across blocks', () => {
    const editor = makeEditor(small);
    update(editor, () => {
      $selectInBlock(2, 1, 1);
      const sel = $getSelection();
      assert.ok($isRangeSelection(sel));
      const { before, after } = $adjacentMarkers(sel.anchor);
      assert.equal(before?.getPage(), 6);
      assert.equal(after?.getPage(), 7);
      $selectInBlock(0, 0, 0);
      const s2 = $getSelection();
      assert.ok($isRangeSelection(s2));
      assert.equal($adjacentMarkers(s2.anchor).before?.getPage(), 5);
    });
  });
});
