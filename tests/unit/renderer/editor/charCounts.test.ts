import { test } from 'node:test';
import assert from 'node:assert/strict';
import { $createTextNode, $getRoot, $isElementNode, $isTextNode } from 'lexical';
import { registerCharCounts } from '../../../../renderer/editor/charCounts.ts';
import { $createSectionNode, $isSectionNode } from '../../../../shared/editor/nodes/SectionNode.ts';
import { countChars, type CharCounts } from '../../../../shared/proof/counts.ts';
import { makeEditor, update } from './editorHarness.ts';
import { seedCaseDoc } from './seedDoc.ts';

/** What counting the whole text at once gives (blocks one a line, as the saved text is). */
function wholeCount(editor: ReturnType<typeof makeEditor>): CharCounts {
  const text = editor.read(() =>
    $getRoot()
      .getChildren()
      .map((b) => b.getTextContent())
      .join('\n'),
  );
  return countChars(text);
}

test('counts follow typing, block kinds, new, merged and removed blocks, always equal to a count of the whole text', () => {
  const editor = makeEditor(seedCaseDoc().doc);
  const reported: CharCounts[] = [];
  const stop = registerCharCounts(editor, (c) => reported.push(c));
  const latest = () => reported.at(-1)!;
  assert.deepEqual(latest(), wholeCount(editor));

  const edits: Array<() => void> = [
    // Typing inside a block: only that block changes.
    () => {
      const block = $getRoot().getChildAtIndex(3);
      const text = $isElementNode(block) ? block.getChildren().find($isTextNode) : undefined;
      text?.setTextContent(`${text.getTextContent()}增加十个汉字的一句话。`);
    },
    () => {
      const block = $getRoot().getChildAtIndex(4);
      const text = $isElementNode(block) ? block.getChildren().find($isTextNode) : undefined;
      text?.setTextContent('短');
    },
    // A new block, then a block removed, then two merged.
    () =>
      $getRoot()
        .getChildAtIndex(2)
        ?.insertAfter($createSectionNode('body').append($createTextNode('新的一段 text'))),
    () => $getRoot().getChildAtIndex(6)?.remove(),
    () => {
      const [a, b] = [$getRoot().getChildAtIndex(7), $getRoot().getChildAtIndex(8)];
      if ($isElementNode(a) && $isElementNode(b)) {
        a.append(...b.getChildren());
        b.remove();
      }
    },
  ];
  for (const edit of edits) {
    update(editor, edit);
    assert.deepEqual(latest(), wholeCount(editor));
  }
  // A change that leaves the counts as they were reports nothing.
  const before = reported.length;
  update(editor, () => {
    const block = $getRoot().getChildAtIndex(1);
    if ($isSectionNode(block)) block.setKind('caption');
  });
  assert.equal(reported.length, before);
  stop();
});

test('put off by a scheduler, one count covers every update since the last', () => {
  const editor = makeEditor(seedCaseDoc().doc);
  const reported: CharCounts[] = [];
  const queued: Array<() => void> = [];
  const stop = registerCharCounts(
    editor,
    (c) => reported.push(c),
    (count) => queued.push(count),
  );
  assert.equal(reported.length, 1);
  const append = (block: number, text: string) =>
    update(editor, () => {
      const b = $getRoot().getChildAtIndex(block);
      const t = $isElementNode(b) ? b.getChildren().find($isTextNode) : undefined;
      t?.setTextContent(`${t.getTextContent()}${text}`);
    });
  append(3, '甲乙');
  append(5, '丙');
  update(editor, () =>
    $getRoot()
      .getChildAtIndex(1)
      ?.insertAfter($createSectionNode('body').append($createTextNode('丁戊'))),
  );
  assert.equal(queued.length, 1, 'one count scheduled for the three updates');
  assert.equal(reported.length, 1, 'nothing counted before it runs');
  queued.shift()!();
  assert.deepEqual(reported.at(-1), wholeCount(editor));
  append(2, '己');
  queued.shift()!();
  assert.deepEqual(reported.at(-1), wholeCount(editor));
  stop();
});
