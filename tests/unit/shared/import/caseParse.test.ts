import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCase } from '../../../../shared/import/caseParse.ts';
import type { Opener } from '../../../../shared/import/openers.ts';
import { DEFAULT_VOCABULARY } from '../../../../shared/import/vocabulary.ts';
import { context, linesOf } from './helpers.ts';

/** A case opened by a box (label, lines) over its title and `———org`, with one body paragraph. */
function parse(box: string[]): ReturnType<typeof parseCase> {
  const lines = linesOf(['〔组织点评〕', ...box, '开设“民情论坛” 打造和谐家园', '———康乐路社区党总支', '社区现有居民一千多户。']);
  const n = box.length;
  const opener: Opener = {
    start: 0,
    bodyStart: n + 3,
    titleLines: [lines[n + 1]!],
    org: lines[n + 2]!,
    orgFromToc: null,
    label: lines[0]!,
    commentary: lines.slice(1, n + 1),
    signature: null,
  };
  const reading = { widths: { body: 30, commentary: 30 }, vocab: DEFAULT_VOCABULARY };
  return parseCase({ opener, body: lines.slice(n + 3) }, reading, context());
}

const BOX = ['康乐路社区党总支始终把为民服务作为一切工作的出发点和落脚点，坚持为', '民、惠民，现已成为社区建设的样板。'];

describe('case parsing', () => {
  test('a box signed with a plain name (no dashes) after its last paragraph: the name is the signature', () => {
    const c = parse([...BOX, '兰州市西固区临洮街街道党工委']);
    assert.deepEqual(c.commentary, {
      paragraphs: ['康乐路社区党总支始终把为民服务作为一切工作的出发点和落脚点，坚持为民、惠民，现已成为社区建设的样板。'],
      signature: '兰州市西固区临洮街街道党工委',
    });
    assert.deepEqual(c.doc.blocks.map((b) => b.kind).slice(0, 4), [
      'title',
      'organization',
      'commentary',
      'commentary-signature',
    ]);
  });

  test('a box whose last line is running text, or a name inside a paragraph, has no signature', () => {
    assert.equal(parse(BOX).commentary?.signature, null);
    const running = parse([BOX[0]!, '民、惠民，现已成为兰州市西固区临洮街街道党工委']);
    assert.equal(running.commentary?.signature, null);
    assert.equal(running.commentary?.paragraphs.length, 1);
  });
});

describe('a box printed after the body', () => {
  test('is the case’s commentary, its label structure and its signature the signature', () => {
    const lines = linesOf([
      '开设“民情论坛” 打造和谐家园',
      '———康乐路社区党总支',
      '社区现有居民一千多户，党员九十多名。',
      '〔组织点评〕',
      ...BOX,
      '———兰州市西固区临洮街街道党工委',
    ]);
    const opener: Opener = {
      start: 0,
      bodyStart: 2,
      titleLines: [lines[0]!],
      org: lines[1]!,
      orgFromToc: null,
      label: null,
      commentary: [],
      signature: null,
    };
    const reading = { widths: { body: 30, commentary: 30 }, vocab: DEFAULT_VOCABULARY };
    const c = parseCase({ opener, body: lines.slice(2) }, reading, context());
    assert.deepEqual(c.commentary, {
      paragraphs: ['康乐路社区党总支始终把为民服务作为一切工作的出发点和落脚点，坚持为民、惠民，现已成为社区建设的样板。'],
      signature: '兰州市西固区临洮街街道党工委',
    });
    assert.deepEqual(c.sections, [{ heading: null, paragraphs: ['社区现有居民一千多户，党员九十多名。'] }]);
    assert.equal(c.boxLabel?.text, '〔组织点评〕');
    assert.equal(opener.label, null, 'the opener is left as found');
    assert.deepEqual(
      c.doc.blocks.map((b) => b.kind),
      ['title', 'organization', 'body', 'commentary', 'commentary-signature'],
    );
  });
});
