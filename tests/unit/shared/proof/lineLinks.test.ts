// Line linking on real engine output: a page of the seed scan as tesseract.js read it
// (tests/fixtures/ocr-pages), blocks made from its lines the way the import makes them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ocrParagraph, seedOcrPage } from '../../../fixtures/ocr-pages/seedPages.ts';
import {
  blockLines,
  indexPageLines,
  lineTarget,
  linesFromRuns,
  ocrPageLines,
  type TextRun,
} from '../../../../shared/proof/lineLinks.ts';
import type { PagedBlock } from '../../../../shared/proof/pageAlign.ts';

const page5 = seedOcrPage(5);
const lines5 = ocrPageLines(page5);
const index5 = indexPageLines(lines5);

const paragraph = (from: number, to: number): string => ocrParagraph(page5, from, to);

// Page 5 holds: 0 the commentary label, 1–3 the commentary, 4 its signature, 5 the title,
// 6 the organisation, 7 the running foot (title + page number).
const commentary: PagedBlock = { text: paragraph(1, 3), page: 5 };
const title: PagedBlock = { text: page5.lines[5]!.text.replace(/\s/g, ''), page: 5 };
const organization: PagedBlock = { text: paragraph(6, 6), page: 5 };
const blocks = [commentary, title, organization];

describe('ocrPageLines', () => {
  test('boxes are fractions of the image', () => {
    assert.equal(lines5.length, page5.lines.length);
    for (const l of lines5) {
      for (const v of l.box) assert.ok(v >= 0 && v <= 1, `${v} outside the page`);
      assert.ok(l.box[0] < l.box[2] && l.box[1] < l.box[3]);
    }
    const [x0, y0] = lines5[1]!.box;
    assert.ok(Math.abs(x0 - page5.lines[1]!.box[0] / page5.width) < 1e-9);
    assert.ok(Math.abs(y0 - page5.lines[1]!.box[1] / page5.height) < 1e-9);
  });
});

describe('blockLines', () => {
  test('a paragraph is outlined on the lines it was read from', () => {
    assert.deepEqual(blockLines(commentary, 5, index5), [1, 2, 3]);
    assert.deepEqual(blockLines(organization, 5, index5), [6]);
  });

  test('the title is found on its own line, not on the running foot that repeats it', () => {
    assert.deepEqual(blockLines(title, 5, index5), [5]);
  });

  test('edits keep the link: corrected misreadings, an inserted sentence, a rewritten middle line', () => {
    const fixed = commentary.text.replace('落姥点', '落脚点').replace('临洗街', '临洮街');
    assert.deepEqual(blockLines({ ...commentary, text: fixed }, 5, index5), [1, 2, 3]);
    const inserted = '新增一句说明。' + commentary.text;
    assert.deepEqual(blockLines({ ...commentary, text: inserted }, 5, index5), [1, 2, 3]);
    const line2 = page5.lines[2]!.text.replace(/"/g, '”');
    const rewritten = commentary.text.replace(line2, '这一行被编辑整句改写过了，与扫描件上的文字已经完全不同。');
    assert.notEqual(rewritten, commentary.text);
    assert.deepEqual(blockLines({ ...commentary, text: rewritten }, 5, index5), [1, 2, 3]);
  });

  test('a block on another page, or not on the page at all, has no lines here', () => {
    assert.deepEqual(blockLines({ ...commentary, page: 6 }, 5, index5), []);
    assert.deepEqual(blockLines({ text: '这段文字不在这一页上，它来自完全不同的案例材料。', page: 5 }, 5, index5), []);
  });

  test('only the part of a block before its page break is on the page', () => {
    const split: PagedBlock = {
      text: commentary.text + '下一页接续的文字内容在这里继续写下去。',
      page: 5,
      breaks: [{ at: commentary.text.length, page: 6 }],
    };
    assert.deepEqual(blockLines(split, 5, index5), [1, 2, 3]);
    assert.deepEqual(blockLines(split, 6, index5), []);
  });
});

describe('lineTarget', () => {
  test('a line leads to the offset where its text starts in its block', () => {
    const second = page5.lines[2]!.text;
    const at = lineTarget(blocks, 5, index5, 2);
    assert.ok(at);
    assert.equal(at.block, 0);
    assert.equal(commentary.text.slice(at.offset, at.offset + 4), second.slice(0, 4));
    assert.deepEqual(lineTarget(blocks, 5, index5, 1), { block: 0, offset: 0 });
    assert.deepEqual(lineTarget(blocks, 5, index5, 5), { block: 1, offset: 0 });
    assert.deepEqual(lineTarget(blocks, 5, index5, 6), { block: 2, offset: 0 });
  });

  test('follows edits made before the line', () => {
    const edited = [{ ...commentary, text: '补：' + commentary.text }, title, organization];
    const at = lineTarget(edited, 5, index5, 2);
    const plain = lineTarget(blocks, 5, index5, 2);
    assert.ok(at && plain);
    assert.equal(at.offset, plain.offset + 2);
  });

  test('a line no block holds (the running foot, the commentary label) leads nowhere', () => {
    assert.equal(lineTarget(blocks, 5, index5, 7), null);
    assert.equal(lineTarget(blocks, 5, index5, 0), null);
  });

  test('offsets count UTF-16 units past characters outside the BMP', () => {
    const withAstral = [{ ...commentary, text: '𠀀𠀁' + commentary.text }];
    const at = lineTarget(withAstral, 5, index5, 1);
    assert.ok(at);
    assert.equal(withAstral[0]!.text.slice(at.offset, at.offset + 3), commentary.text.slice(0, 3));
  });
});

describe('linesFromRuns', () => {
  const run = (str: string, x: number, y: number, eol = false, width = str.length * 0.02): TextRun => ({
    str,
    x,
    y,
    width,
    size: 0.02,
    eol,
  });

  test('runs on one baseline make one line; an end of line or a new baseline starts the next', () => {
    const lines = linesFromRuns([
      run('康乐路社区', 0.1, 0.2),
      run('党总支', 0.2, 0.2005, true),
      run(' ', 0.26, 0.2),
      run('始终把为民', 0.1, 0.23),
      run('服务', 0.2, 0.23),
      run('出发点', 0.1, 0.26, true),
    ]);
    assert.deepEqual(
      lines.map((l) => l.text),
      ['康乐路社区党总支', '始终把为民服务', '出发点'],
    );
    const first = lines[0]!.box;
    assert.ok(Math.abs(first[0] - 0.1) < 1e-9);
    assert.ok(Math.abs(first[2] - 0.26) < 1e-9);
    assert.ok(first[1] < 0.2 && first[3] > 0.2, 'the box spans the baseline');
  });

  test('radicals a font maps ideographs to are read as the ideographs', () => {
    assert.deepEqual(
      linesFromRuns([
        run('康乐路社区党总', 0.1, 0.2),
        run('⽀', 0.24, 0.2),
        run('始终把为', 0.26, 0.2),
        run('⺠', 0.34, 0.2, true),
      ]).map((l) => l.text),
      ['康乐路社区党总支始终把为民'],
    );
  });

  test('spacing-only runs make no lines', () => {
    assert.deepEqual(linesFromRuns([run(' ', 0.1, 0.1, true), run('  ', 0.1, 0.3)]), []);
  });
});
