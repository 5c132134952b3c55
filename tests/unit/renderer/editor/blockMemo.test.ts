import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { $getRoot, $isElementNode, $isTextNode } from 'lexical';
import { $blockTexts } from '../../../../renderer/editor/blocks.ts';
import { memoByBlock } from '../../../../renderer/editor/blockMemo.ts';
import { addCounts, countChars, ZERO_COUNTS } from '../../../../shared/proof/counts.ts';
import { makeEditor, update } from './editorHarness.ts';
import { seedCaseDoc } from './seedDoc.ts';

describe('memoByBlock', () => {
  test('after an edit only the edited block is computed again, and values follow block order', () => {
    const editor = makeEditor(seedCaseDoc().doc);
    const computed: string[] = [];
    const lengths = memoByBlock((b) => {
      computed.push(b.key);
      return b.text.length;
    });
    const first = editor.read(() => lengths($blockTexts()));
    const blocks = editor.read(() => $blockTexts());
    assert.equal(computed.length, blocks.length);
    assert.deepEqual(
      first,
      blocks.map((b) => b.text.length),
    );

    computed.length = 0;
    update(editor, () => {
      const third = $getRoot().getChildAtIndex(3);
      const text = $isElementNode(third) ? third.getChildren().find($isTextNode) : undefined;
      text?.setTextContent(text.getTextContent() + '（校）');
    });
    const second = editor.read(() => lengths($blockTexts()));
    assert.deepEqual(computed, [blocks[3]!.key]);
    assert.equal(second[3], first[3]! + 3);
    assert.deepEqual([...second.slice(0, 3), ...second.slice(4)], [...first.slice(0, 3), ...first.slice(4)]);
  });

  test('a changed kind counts as a change; a removed block is forgotten', () => {
    let calls = 0;
    const kinds = memoByBlock((b) => (calls++, b.kind));
    assert.deepEqual(kinds([{ key: 'a', kind: 'body', text: 'x' }]), ['body']);
    assert.deepEqual(kinds([{ key: 'a', kind: 'heading', text: 'x' }]), ['heading']);
    kinds([]);
    kinds([{ key: 'a', kind: 'heading', text: 'x' }]);
    assert.equal(calls, 3);
  });
});

describe('counting per block', () => {
  test('the sum over blocks equals counting the whole editor text', () => {
    const editor = makeEditor(seedCaseDoc().doc);
    const { perBlock, whole } = editor.read(() => ({
      perBlock: $blockTexts()
        .map((b) => countChars(b.text))
        .reduce(addCounts, ZERO_COUNTS),
      whole: countChars($getRoot().getTextContent()),
    }));
    assert.ok(whole.chars > 1000);
    assert.deepEqual(perBlock, whole);
  });
});
