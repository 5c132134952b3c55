import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { importPages } from '../../../../shared/import/pipeline.ts';
import { caseNumberOf, misreadNameLine } from '../../../../shared/import/openers.ts';
import { parseToc } from '../../../../shared/import/toc.ts';
import { alignWithToc } from '../../../../shared/import/tocMatch.ts';
import { ocrEvidence } from '../../../../shared/import/ocrEvidence.ts';
import { DEFAULT_VOCABULARY } from '../../../../shared/import/vocabulary.ts';
import type { LineBox, RawPage } from '../../../../shared/import/types.ts';
import { candidatesOf, context, linesOf } from './helpers.ts';

// Structure found through what OCR misreads: an organisation line's brackets and ending, a lost
// organisation line, a TOC page number lost or the TOC's heading garbled.

const V = DEFAULT_VOCABULARY;
const meta = { sourceName: 'scan', encoding: 'ocr' };

// A scanned book's geometry: body 10 units, 15 leading, a 30-em column from x = 50.
const SIZE = 10;
const PITCH = 15;
const WIDTH = 30;

interface Spec {
  text: string;
  /** Width in ems (default: the full column). */
  width?: number;
  /** Size relative to the body (default 1). */
  size?: number;
  /** Extra lines of space above. */
  gap?: number;
}

/** A page as the app's OCR gives it (`ocr: true`): lines with boxes; a spec with a width is centred. */
function scanPage(index: number, specs: (Spec | string)[], startLine: number): RawPage {
  let baseline = 60;
  const boxes: LineBox[] = [];
  const lines: string[] = [];
  specs.forEach((raw, i) => {
    const s = typeof raw === 'string' ? { text: raw } : raw;
    const size = SIZE * (s.size ?? 1);
    if (i > 0) baseline += PITCH * (1 + (s.gap ?? 0)) * (size / SIZE);
    const width = (s.width ?? WIDTH) * (size / SIZE);
    const x0 = 50 + ((WIDTH * SIZE - width * SIZE) / 2) * (s.width === undefined ? 0 : 1);
    boxes.push({ x0, x1: x0 + width * SIZE, baseline, fontSize: size, bold: false });
    lines.push(s.text);
  });
  return { index, lines, startLine, boxes, size: { width: 420, height: 595 }, ocr: true };
}

function scan(pages: (Spec | string)[][]): RawPage[] {
  let start = 0;
  return pages.map((specs, index) => {
    const p = scanPage(index, specs, start);
    start += specs.length;
    return p;
  });
}

const BODY = [
  '　　近年来，街道党工委坚持把服务群众作为工作的出发点和落脚点，',
  '围绕中心、服务大局，积极探索网格化管理新路子，推动各项工作落地',
  '见效。社区设立党员服务岗十二个，每月开展走访活动不少于两次，',
  '收集群众意见建议三百余条，办结率达到百分之九十以上，群众满意度',
  '逐年提高。',
];
const MORE = [
  '　　二是建立健全工作机制。支部坚持“三会一课”制度，定期召开组织',
  '生活会，认真开展批评与自我批评，党员队伍的凝聚力和战斗力明显增',
  '强，各项工作走在了全区前列，多次受到上级党委的表彰和肯定。',
];

/** A case's opening page: the number line, a title set large and centred, the organisation line (if any), the body. */
function opening(number: string, title: string[], org: string | null): (Spec | string)[] {
  return [
    { text: number, width: 3, size: 1.3 },
    ...title.map((t, k) => ({ text: t, width: t.length, size: 2, gap: k === 0 ? 1 : 0.5 })),
    ...(org ? [{ text: org, width: org.length, size: 1.15, gap: 0.5 }] : []),
    { text: BODY[0]!, gap: 1 },
    ...BODY.slice(1),
  ];
}

describe('OCR: an organisation line as OCR misreads it', () => {
  test('brackets mismatched, one character of a long organisation word misread: still a name line', () => {
    const line = (text: string) => linesOf([text])[0]!;
    assert.ok(misreadNameLine(line('《陇南市武都区交通运输局党文部)'), V));
    assert.ok(misreadNameLine(line('〈天水市秦州区教育局党支都〉'), V));
    assert.ok(misreadNameLine(line('（定西市安定区人民医院党总文'), V));
    assert.ok(misreadNameLine(line('（兰州市城关区张掖路街道党工委）'), V));
    // The word's first character misread, two characters misread, too short a name before it, a sentence.
    assert.ok(!misreadNameLine(line('召开党员动员会'), V));
    assert.ok(!misreadNameLine(line('永登县马营镇杏树湾村党文邵'), V));
    assert.ok(!misreadNameLine(line('大队党文部'), V));
    assert.ok(!misreadNameLine(line('抓党建促发展'), V));
  });

  test('a case-number line gives its number, arabic or in words', () => {
    const n = (text: string) => caseNumberOf(linesOf([text])[0]!);
    assert.equal(n('案例 4'), 4);
    assert.equal(n('案例十二'), 12);
    assert.equal(n('案例二十'), 20);
    assert.equal(n('第3例'), 3);
    assert.equal(n('17'), 17);
    assert.equal(n('案例分析'), null);
  });

  test('no TOC: a case numbered in sequence over a large centred title opens though its organisation line is misread or lost', () => {
    // Cases run on: each opens under the end of the one before.
    const pages = scan([
      opening('案例 1', ['立足岗位作贡献', '争创一流业绩'], '（兰州市城关区张掖路街道党工委）'),
      [...MORE, ...opening('案例 2', ['民情恳谈暖人心'], '《天水市秦州区教育局党文部)')],
      [...MORE, ...opening('案例 3', ['党建引领促振兴'], null)],
      MORE,
    ]);
    const result = importPages(pages, meta);
    assert.deepEqual(
      result.cases.map((c) => [c.number, c.title, c.organization]),
      [
        [1, '立足岗位作贡献 争创一流业绩', '兰州市城关区张掖路街道党工委'],
        [2, '民情恳谈暖人心', '天水市秦州区教育局党文部'],
        [3, '党建引领促振兴', ''],
      ],
    );
    assert.ok(!result.warnings.some((w) => w.startsWith('text-not-conserved')), result.warnings.join('\n'));
  });

  test('no TOC: a large centred line without a case number or organisation stays in the body', () => {
    const pages = scan([
      opening('案例 1', ['立足岗位作贡献'], '（兰州市城关区张掖路街道党工委）'),
      [...MORE, { text: '典型经验', width: 4, size: 2, gap: 1 }, ...MORE],
      opening('案例 2', ['民情恳谈暖人心'], '（天水市秦州区教育局党支部）'),
    ]);
    const result = importPages(pages, meta);
    assert.deepEqual(
      result.cases.map((c) => c.number),
      [1, 2],
    );
  });

  test('pages the caller read by OCR get the OCR rules even when their text shows few of its signs', () => {
    const pages = scan([BODY, MORE]);
    assert.equal(ocrEvidence(pages).likely, true);
    assert.equal(ocrEvidence(pages.map(({ ocr: _, ...p }) => p)).likely, false);
  });
});

describe('OCR: a TOC entry whose page or organisation line was lost', () => {
  const ocr = () => ({ ...context(), ocr: true });

  test('numbers on the right: an organisation line whose page OCR lost does not swallow the next entry', () => {
    const lines = linesOf([
      '拓宽服务领域 创先争优促发展 001',
      '———永登县马营镇杏树湾村党支部 …………………… 1',
      '“阳光村务”惠民生 002',
      '———金川3512厂八车间党支部 入和让和 拓仙人',
      '书写为民新篇章 活动步步深入 003',
      '———张掖市甘州区交通运输局党委 …………………… 7',
    ]);
    assert.deepEqual(parseToc(lines, V, ocr()), [
      { number: 1, title: '拓宽服务领域 创先争优促发展', organization: '永登县马营镇杏树湾村党支部', page: 1 },
      { number: 2, title: '“阳光村务”惠民生', organization: '金川3512厂八车间党支部', page: null },
      { number: 3, title: '书写为民新篇章 活动步步深入', organization: '张掖市甘州区交通运输局党委', page: 7 },
    ]);
  });

  test('numbers on the right: an entry whose organisation line OCR lost ends at the next number', () => {
    const lines = linesOf(['用心做好群众工作 001', '科技兴企 党建领航 002', '———兰州新材料有限公司党委 …………………… 4']);
    assert.deepEqual(parseToc(lines, V, ocr()), [
      { number: 1, title: '用心做好群众工作', organization: null, page: null },
      { number: 2, title: '科技兴企 党建领航', organization: '兰州新材料有限公司党委', page: 4 },
    ]);
  });

  test('the TOC heading set large and centred is no entry, however OCR read it', () => {
    const lines = linesOf([
      '目 有孙',
      '用心做好群众工作 001',
      '———红星村党支部 …………………… 1',
      '科技兴企 党建领航 002',
      '———兰州新材料有限公司党委 …………………… 4',
    ]);
    lines[0] = {
      ...lines[0]!,
      geo: { size: 1.5, bold: false, indentEm: 14, rightGapEm: 14, centred: true, flushRight: false, spaceAbove: 2 },
    };
    const unplaced: typeof lines = [];
    assert.deepEqual(parseToc(lines, V, { ...ocr(), unplaced }), [
      { number: 1, title: '用心做好群众工作', organization: '红星村党支部', page: 1 },
      { number: 2, title: '科技兴企 党建领航', organization: '兰州新材料有限公司党委', page: 4 },
    ]);
    assert.deepEqual(
      unplaced.map((l) => l.text),
      ['目 有孙'],
    );
  });

  test('a case between the cases of entries t − 1 and t + 1 is entry t when no case took it (its title garbled)', () => {
    const toc = [
      { number: 1, title: '用心做好群众工作', organization: null, page: null },
      { number: 2, title: '阳光桂务征民下3', organization: null, page: null },
      { number: 3, title: '强化服务功能', organization: null, page: null },
    ];
    const { candidates, printed } = candidatesOf([
      { title: '用心做好群众工作', printedStart: null },
      { title: '“阳光村务”惠民生', printedStart: null },
      { title: '强化服务功能', printedStart: null },
    ]);
    const aligned = alignWithToc(candidates, toc, { printed, fuzzy: true, footers: [] });
    assert.deepEqual(
      aligned.map((a) => [a.entry, a.review]),
      [
        [0, []],
        [1, ['title-unlike-toc']],
        [2, []],
      ],
    );
    // Two entries between them: which one is unknown, no number is taken.
    const four = [
      ...toc.slice(0, 2),
      { number: 3, title: '科技兴企党建领航', organization: null, page: null },
      { ...toc[2]!, number: 4 },
    ];
    const loose = alignWithToc(candidates, four, { printed, fuzzy: true, footers: [] });
    assert.deepEqual(
      loose.map((a) => a.entry),
      [0, -1, 3],
    );
  });
});
