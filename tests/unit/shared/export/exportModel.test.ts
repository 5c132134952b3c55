import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildExportDocument,
  cleanText,
  entryTexts,
  tocOrder,
  type ExportCommentary,
} from '../../../../shared/export/exportModel.ts';
import type { Block } from '../../../../shared/model/caseDoc.ts';
import { seedCases, smallCases, type StoredCase } from './fixtures.ts';

function storedCase(
  id: number,
  number: number | null,
  blocks: Array<Partial<Block> & Pick<Block, 'kind' | 'text'>>,
  pageStart: number | null = null,
): StoredCase {
  return {
    id,
    number,
    title: blocks.find((b) => b.kind === 'title')?.text ?? `案例${id}`,
    organization: '',
    stage: 'final',
    pageStart,
    printedStart: null,
    printedEnd: null,
    doc: { version: 1, blocks: blocks.map((b) => ({ page: 0, breaks: [], ...b })) },
  };
}

describe('export model', () => {
  test('table-of-contents order: forewords, numbered cases by number, afterwords', () => {
    const cases = [
      storedCase(1, 3, [{ kind: 'title', text: '三' }], 20),
      storedCase(2, null, [{ kind: 'title', text: '后记' }], 90),
      storedCase(3, 1, [{ kind: 'title', text: '一' }], 5),
      storedCase(4, null, [{ kind: 'title', text: '序言' }], 0),
      storedCase(5, 2, [{ kind: 'title', text: '二' }], 10),
    ];
    const ordered = tocOrder(cases);
    assert.deepEqual(
      ordered.map((c) => c.id),
      [4, 3, 5, 1, 2],
    );
    assert.deepEqual(
      ordered.map((c) => c.kind),
      ['front', 'case', 'case', 'case', 'back'],
    );
  });

  test('page markers, sources and stray control characters never reach the printed text', () => {
    const c = storedCase(1, 1, [
      { kind: 'title', text: '标题' },
      {
        kind: 'body',
        text: '第一页的字第二页的字',
        page: 3,
        breaks: [{ at: 5, page: 4 }],
        source: { page: 3, lineStart: 0, lineEnd: 2, raw: 'RAW' },
      },
      { kind: 'body', text: '有\u0007控制\ufffc字符\u0000  ' },
    ]);
    const doc = buildExportDocument('卷', [c]);
    const texts = entryTexts(doc.entries[0]!);
    assert.deepEqual(texts, ['标题', '第一页的字第二页的字', '有控制字符']);
    assert.doesNotMatch(JSON.stringify(doc), /RAW|"page"|breaks/);
  });

  test('a case prints ——— before its organisation and its commentary signature, the commentary in one box with its label', () => {
    const [, seed] = seedCases();
    const doc = buildExportDocument('卷', [seed!]);
    const entry = doc.entries[0]!;
    assert.equal(doc.book, false, 'one case: no title page or contents');
    assert.equal(entry.kind, 'case');
    assert.deepEqual(entry.parts.slice(0, 2), [
      { type: 'paragraph', role: 'title', text: '开设“民情论坛” 打造和谐家园' },
      { type: 'paragraph', role: 'organization', text: '———兰州市西固区临洮街街道康乐路社区党总支' },
    ]);
    const box = entry.parts[2] as ExportCommentary;
    assert.equal(box.type, 'commentary');
    assert.equal(box.label, '〔组织点评〕');
    assert.equal(box.paragraphs.length, 1);
    assert.deepEqual(box.signatures, ['———兰州市西固区临洮街街道党工委']);
    assert.deepEqual(entry.parts.filter((p) => p.type === 'paragraph' && p.role === 'heading').length, 4);
  });

  test('a two-paragraph commentary is one box; a foreword byline gets no dashes and its date is a date line', () => {
    const cases = smallCases();
    const doc = buildExportDocument('卷', cases);
    assert.equal(doc.book, true);
    const foreword = doc.entries[0]!;
    assert.equal(foreword.kind, 'front');
    assert.equal(foreword.parts[1]?.type === 'paragraph' && foreword.parts[1].role, 'organization');
    assert.doesNotMatch((foreword.parts[1] as { text: string }).text, /^—/);
    const last = foreword.parts.at(-1);
    assert.equal(last?.type === 'paragraph' && last.role, 'date');
    const twoPara = doc.entries.find((e) => e.number === 4)!;
    const boxes = twoPara.parts.filter((p) => p.type === 'commentary');
    assert.equal(boxes.length, 1);
    assert.equal((boxes[0] as ExportCommentary).paragraphs.length, 2);
  });

  test('every block of every case is printed, in order', () => {
    const cases = smallCases();
    const doc = buildExportDocument('卷', cases);
    for (const [i, entry] of doc.entries.entries()) {
      const printed = entryTexts(entry).join('\n');
      let from = 0;
      for (const b of cases[i]!.doc.blocks) {
        const at = printed.indexOf(cleanText(b.text), from);
        assert.ok(at >= from, `case ${entry.number}: "${b.text.slice(0, 20)}" in order`);
        from = at;
      }
    }
  });

  test('a document without a title block still prints the case title; second-level headings are told apart', () => {
    const c = {
      ...storedCase(1, 7, [
        { kind: 'heading', text: '一、抓班子' },
        { kind: 'heading', text: '（一）建制度' },
        { kind: 'body', text: '正文' },
      ]),
      title: '补上的标题',
      organization: '某党支部',
    };
    const entry = buildExportDocument('卷', [c]).entries[0]!;
    assert.deepEqual(
      entry.parts.map((p) => p.type === 'paragraph' && [p.role, p.text]),
      [
        ['title', '补上的标题'],
        ['organization', '———某党支部'],
        ['heading', '一、抓班子'],
        ['heading2', '（一）建制度'],
        ['body', '正文'],
      ],
    );
  });

  test('cleanText keeps line breaks inside a paragraph and drops lone surrogates', () => {
    assert.equal(cleanText('甲\r\n乙\ud800丙 \n'), '甲\n乙丙');
    assert.equal(cleanText('𠮷字'), '𠮷字');
  });
});
