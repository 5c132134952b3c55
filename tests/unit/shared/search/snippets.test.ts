import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { foldAscii } from '../../../../shared/search/query.ts';
import { excerpts, SNIPPET_CONTEXT } from '../../../../shared/search/snippets.ts';

const marks = (e: { text: string; highlights: { start: number; end: number }[] }) =>
  e.highlights.map((h) => e.text.slice(h.start, h.end));

describe('search excerpts', () => {
  test('one excerpt per hit line, in text order, each within its line', () => {
    const text = '标题党建\n第二行没有\n党员和党委都在这一行';
    const out = excerpts(text, text, ['党'], 3);
    assert.deepEqual(
      out.map((e) => e.text),
      ['标题党建', '党员和党委都在这一行'],
    );
    assert.deepEqual(out.map(marks), [['党'], ['党', '党']]);
    assert.deepEqual(
      out.map((e) => [e.offset, e.length]),
      [
        [2, 1],
        [11, 1],
      ],
    );
  });

  test('long lines are cut around the hit with an ellipsis; highlights stay on the hit', () => {
    const before = '甲'.repeat(100);
    const after = '乙'.repeat(100);
    const text = `${before}民情论坛${after}`;
    const [e] = excerpts(text, text, ['民情论坛'], 3);
    assert.equal(e!.text, `…${'甲'.repeat(SNIPPET_CONTEXT.before)}民情论坛${'乙'.repeat(SNIPPET_CONTEXT.after)}…`);
    assert.deepEqual(marks(e!), ['民情论坛']);
    assert.equal(e!.offset, 100);
  });

  test('at most `max` excerpts; later hits beyond the window start the next one', () => {
    const line = `党${'字'.repeat(200)}`;
    const text = [line, line, line, line].join('');
    const out = excerpts(text, text, ['党'], 3);
    assert.equal(out.length, 3);
    assert.deepEqual(
      out.map((e) => e.offset),
      [0, 201, 402],
    );
  });

  test('folded matching highlights the text as written, several needles at once', () => {
    const text = 'Model Village 村委会';
    const out = excerpts(text, foldAscii(text), ['model', '村委'], 3);
    assert.deepEqual(out.map(marks), [['Model', '村委']]);
  });

  test('a cut never splits a surrogate pair', () => {
    const text = `甲${'𠮷'.repeat(40)}党`; // the cut falls inside a pair
    const [e] = excerpts(text, text, ['党'], 1);
    assert.ok(e!.text.isWellFormed(), 'no lone surrogate');
    assert.ok(e!.text.startsWith('…𠮷'));
  });
});
