// The OCR rules of the import pipeline, one by one, on small hand-made inputs (each also switched off).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ChangeLog } from '../../../../shared/import/changeLog.ts';
import { buildPageLines } from '../../../../shared/import/lines.ts';
import { DEFAULT_VOCABULARY } from '../../../../shared/import/vocabulary.ts';
import { dropOutlierFolios, parseFolio, removeRunningLines } from '../../../../shared/import/runningLines.ts';
import { parseToc, trimLeaderJunk } from '../../../../shared/import/toc.ts';
import { findOpeners, findPageOpeners } from '../../../../shared/import/openers.ts';
import { buildUnits } from '../../../../shared/import/paragraphs.ts';
import { alignWithToc } from '../../../../shared/import/tocMatch.ts';
import { candidatesOf } from './helpers.ts';
import { removeCaseFooters } from '../../../../shared/import/caseParse.ts';
import { closeParagraph, fixTitle, makeBlock, type TextContext } from '../../../../shared/import/blocks.ts';
import { importText } from '../../../../shared/import/pipeline.ts';
import { linesOf } from './helpers.ts';

const V = DEFAULT_VOCABULARY;

/** Lines through the real line builder, as OCR text (OCR-only line rules on). */
function ocrLines(pages: string[][], disabled: string[] = []) {
  let start = 0;
  const raw = pages.map((lines, index) => {
    const p = { index, lines, startLine: start };
    start += lines.length;
    return p;
  });
  const log = new ChangeLog(disabled);
  return { pages: buildPageLines(raw, log, { vocabulary: V, ocr: true }), log };
}

function ctx(ocr: boolean, disabled: string[] = []): TextContext {
  return { log: new ChangeLog(disabled), fmt: { cjkDigitSpace: false }, ocr };
}

const FULL = '社区党支部以创先争优为抓手，不断强化服务功能，建立了党员联系户和结对帮扶';

describe('line rules on OCR text', () => {
  test('ocr-dash-run rewrites the dash run; only for OCR text, and not when disabled', () => {
    const { pages, log } = ocrLines([['一一兰州大学团委']]);
    assert.equal(pages[0]!.lines[0]!.text, '———兰州大学团委');
    assert.equal(log.count('ocr-dash-run'), 1);
    assert.equal(ocrLines([['一一兰州大学团委']], ['ocr-dash-run']).pages[0]!.lines[0]!.text, '一一兰州大学团委');
    assert.equal(linesOf(['一一兰州大学团委'])[0]!.text, '一一兰州大学团委');
  });

  test("ocr-stray-line drops a speck, but keeps one that stands for a paragraph's last line", () => {
    const { pages, log } = ocrLines([['———兰州高新区党工委', 'Sy', '科技兴企 党建领航', FULL, 'Fil.', '平安创建安民心']]);
    assert.deepEqual(
      pages[0]!.lines.map((l) => l.text),
      ['———兰州高新区党工委', '科技兴企 党建领航', FULL, 'Fil.', '平安创建安民心'],
    );
    assert.equal(log.count('ocr-stray-line'), 1);
    assert.equal(ocrLines([['———兰州高新区党工委', 'Sy']], ['ocr-stray-line']).pages[0]!.lines.length, 2);
  });

  test('ocr-digit-lookalike, ocr-percent and ocr-hyphen-yi run on every line', () => {
    const { pages } = ocrLines([['201]年1]月，满意度达到91.2%6，比上年提高。-是建立制度。']]);
    assert.equal(pages[0]!.lines[0]!.text, '2011年11月，满意度达到91.2%，比上年提高。一是建立制度。');
    const off = ocrLines([['201]年，达到91.2%6，。-是']], ['ocr-digit-lookalike', 'ocr-percent', 'ocr-hyphen-yi']);
    assert.equal(off.pages[0]!.lines[0]!.text, '201]年，达到91.2%6，。-是');
  });
});

describe('ocr-folio', () => {
  test('a quote or stop between running title and number, and a misread number', () => {
    assert.deepEqual(parseFolio('小支部氛动大发展。003', { ocr: true }), { number: 3, label: '小支部氛动大发展' });
    assert.deepEqual(parseFolio('开设“民情论坛” 打造和谐家园”0O3', { ocr: true }), {
      number: 3,
      label: '开设“民情论坛” 打造和谐家园',
    });
    assert.deepEqual(parseFolio('O05', { ocr: true }), { number: 5, label: '' });
    assert.equal(parseFolio('小支部氛动大发展。003'), null);
    assert.equal(parseFolio('O05'), null);
  });

  test('footers read that way are removed and give the page numbers, for OCR text only', () => {
    const body = (k: number): string[] => Array.from({ length: 6 }, (_, i) => `${FULL}第${k * 10 + i}项`);
    const pages = (): ReturnType<typeof ocrLines>['pages'] =>
      ocrLines([body(1), [...body(2), '小支部插动大发展”001'], body(3), [...body(4), '小支部氛动大发展。003']]).pages;
    const on = pages();
    const log = new ChangeLog();
    assert.deepEqual(removeRunningLines(on, log, { vocab: V, tocPages: new Set(), ocr: true }).folios, [null, 1, null, 3]);
    assert.equal(log.count('ocr-folio'), 1);
    // Without the rule one footer is read, and one alone proves nothing.
    const none = [null, null, null, null];
    assert.deepEqual(removeRunningLines(pages(), new ChangeLog(), { vocab: V, tocPages: new Set(), ocr: false }).folios, none);
    assert.deepEqual(
      removeRunningLines(pages(), new ChangeLog(['ocr-folio']), { vocab: V, tocPages: new Set(), ocr: true }).folios,
      none,
    );
  });

  test("a case footer OCR misread is still the case's footer", () => {
    const body = linesOf([FULL, '充分发挥工会党组织的战斗堡垒作用“在服务群众中彰显共产党员先锋本色011'], [FULL]);
    const keys = new Set(['充分发挥工会党组织的战斗堡垒作用在服务群众中彰显共产党员先锋本色']);
    const seen: [number, number | null, string][] = [];
    const kept = removeCaseFooters(body, { titleKeys: keys, onFolio: (p, n, label) => seen.push([p, n, label]) }, ctx(true));
    assert.equal(kept.length, 2);
    assert.deepEqual(seen, [[0, 11, '充分发挥工会党组织的战斗堡垒作用“在服务群众中彰显共产党员先锋本色']]);
    assert.equal(removeCaseFooters(body, { titleKeys: keys, onFolio: () => {} }, ctx(false)).length, 3);
  });
});

describe('TOC', () => {
  const toc = (c: TextContext): ReturnType<typeof parseToc> =>
    parseToc(
      linesOf([
        '目录',
        '001 / 小支部撬动大发展',
        '酒泉市肃州区卫生局党支部 本和',
        '002 / 助推企业腾飞 争当发展排头兵',
        '一一陇南市武都区陈坪街道幸福里社区党支部 7 4',
        '003 / 立足岗位作贡献 服务群众零距离',
        '一-一甘肃东部303厂九车间党支部 症0',
      ]),
      V,
      c,
    );

  test('ocr-toc-org: leader junk, lost dashes', () => {
    const c = ctx(true);
    assert.deepEqual(toc(c), [
      { number: 1, title: '小支部撬动大发展', organization: '酒泉市肃州区卫生局党支部', page: null },
      { number: 2, title: '助推企业腾飞 争当发展排头兵', organization: '陇南市武都区陈坪街道幸福里社区党支部', page: 4 },
      { number: 3, title: '立足岗位作贡献 服务群众零距离', organization: '甘肃东部303厂九车间党支部', page: null },
    ]);
    assert.ok(c.log.count('ocr-toc-org') >= 3);
  });

  test('switched off (or on a text layer) the same lines read as before', () => {
    const off = toc(ctx(true, ['ocr-toc-org']));
    assert.deepEqual(off, toc(ctx(false)));
    assert.equal(off[0]!.title, '小支部撬动大发展 酒泉市肃州区卫生局党支部 本和');
  });

  test('trimLeaderJunk keeps the name up to its organisation word', () => {
    assert.equal(trimLeaderJunk('酒泉市肃州区卫生局党支部 全审计 全全生生 全和', V), '酒泉市肃州区卫生局党支部');
    assert.equal(trimLeaderJunk('酒泉市肃州区卫生局党支部 cate fsin te', V), '酒泉市肃州区卫生局党支部');
    assert.equal(trimLeaderJunk('某某单位 7', V), '某某单位');
    assert.equal(trimLeaderJunk('兰州大学团委', V), '兰州大学团委');
  });
});

describe('openers', () => {
  const para = [FULL, '制度。'];

  test('ocr-lost-dashes: a signature and an organisation line without dashes', () => {
    const lines = linesOf(
      [
        '【组织点评)',
        '社区党组织始终把团结和谐作为一切工作的出发点和落脚点。',
        '平凉市崆峒区银滩路街道党工委',
        '戈壁滩上的红色堡垒',
        '———平凉市崆峒区银滩路街道民主西路社区党支部',
      ],
      para,
    );
    const on = findOpeners({ lines, vocab: V, fullWidth: 35, lostDashes: true });
    assert.equal(on.length, 1);
    assert.equal(on[0]!.signature?.text, '平凉市崆峒区银滩路街道党工委');
    assert.deepEqual(
      on[0]!.commentary.map((l) => l.text),
      ['社区党组织始终把团结和谐作为一切工作的出发点和落脚点。'],
    );
    // A text layer may set the signature without dashes too (sigPlain): a name after the box's last
    // sentence signs it there as well, and is no title line either.
    const off = findOpeners({ lines, vocab: V, fullWidth: 35, lostDashes: false });
    assert.equal(off[0]!.signature?.text, '平凉市崆峒区银滩路街道党工委');
    assert.deepEqual(
      off[0]!.titleLines.map((l) => l.text),
      ['戈壁滩上的红色堡垒'],
    );
  });

  test("a box's last line that lost its full stop, over the signature, is no case title", () => {
    const lines = linesOf(
      [
        '[组织点评)',
        '社区党组织始终把团结和谐作为一切工作的出发点和落脚点，坚持为民服',
        '有力推动了各项工作的顺利开展',
        '———陇南市武都区陈坪街道党工委',
        '行动步步见效 托起致富希望',
        '———陇南市武都区陈坪街道向阳社区党支部',
      ],
      para,
    );
    const ops = findOpeners({ lines, vocab: V, fullWidth: 35, lostDashes: false });
    assert.equal(ops.length, 1);
    assert.deepEqual(
      ops[0]!.titleLines.map((l) => l.text),
      ['行动步步见效 托起致富希望'],
    );
    assert.equal(ops[0]!.signature?.text, '———陇南市武都区陈坪街道党工委');
  });
});

describe('lost lines', () => {
  const para = [FULL, '制度。'];

  test("an organisation line right under a box's signature, its title lost, opens no case", () => {
    const lines = linesOf(
      [
        '〔组织点评〕',
        '社区党组织始终把团结和谐作为一切工作的出发点和落脚点。',
        '———中共甘肃农业大学委员会',
        '———甘肃农业大学动物医学院党支部',
      ],
      para,
    );
    assert.deepEqual(findOpeners({ lines, vocab: V, fullWidth: 35, lostDashes: true }), []);
  });

  test("ocr-page-opener: the TOC's page holds the opener OCR read as Latin letters", () => {
    const lines = linesOf(
      [`${FULL}。`, '制度。'],
      ['〔组织点评〕', '社区党组织始终把团结和谐作为一切工作的出发点和落脚点。', 'aa TH EX EER EEL FES', 'SL Te EA ST BE LD'],
      para,
    );
    const ops = findPageOpeners(
      { lines, vocab: V },
      [{ entry: 0, organization: null, from: 2, to: lines.length, page: 7 }],
      [6, 7, 8],
    );
    assert.equal(ops.length, 1);
    assert.equal(ops[0]!.entry, 0);
    const op = ops[0]!.opener;
    assert.equal(lines[op.start]!.text, '〔组织点评〕');
    assert.deepEqual(
      op.commentary.map((l) => l.text),
      ['社区党组织始终把团结和谐作为一切工作的出发点和落脚点。'],
    );
    assert.equal(lines[op.bodyStart]!.text, FULL);
    assert.equal(op.titleLines[0]!.text, '');
    // Not on a page the TOC does not name.
    assert.deepEqual(
      findPageOpeners({ lines, vocab: V }, [{ entry: 0, organization: null, from: 2, to: lines.length, page: 9 }], [6, 7, 8]),
      [],
    );
  });

  test('ocr-lost-line: a heading after a blank line ends a paragraph whose last line OCR dropped', () => {
    // Blank lines between some lines only (after most of them they would mean nothing).
    const lines = linesOf([FULL, FULL, FULL, FULL, '', '强化服务树形象', '', FULL, FULL, FULL, '制度。']);
    const kinds = (lostLines: boolean): string[] =>
      buildUnits(lines, { fullWidth: 35, headings: true, isCaption: () => false, lostLines }).map((u) => u.kind);
    assert.deepEqual(kinds(true), ['paragraph', 'heading', 'paragraph']);
    // Without the rule the heading ends the paragraph it cannot belong to.
    assert.deepEqual(kinds(false), ['paragraph', 'paragraph']);
  });
});

describe('ocr-folio: outliers', () => {
  test('a number that disagrees with neighbours agreeing with each other goes', () => {
    const folios = [null, 1, 2, 3, null, 5, 6, 1117, 8, 3, 10];
    assert.deepEqual(dropOutlierFolios(folios), [7, 9]);
    assert.deepEqual(folios, [null, 1, 2, 3, null, 5, 6, null, 8, null, 10]);
  });

  test('neighbours that disagree decide nothing', () => {
    const folios = [1, 5, 9];
    assert.deepEqual(dropOutlierFolios(folios), []);
  });
});

describe('fuzzy-title-match', () => {
  // Each case's entry (−1: none), as the alignment pairs them.
  const pairWithToc = (
    cases: { title: string; printedStart: number | null }[],
    toc: typeof entries,
    { fuzzy }: { fuzzy: boolean },
  ): number[] => {
    const { candidates, printed } = candidatesOf(cases);
    const aligned = alignWithToc(candidates, toc, { printed, fuzzy, footers: [] });
    return candidates.map((_, k) => aligned.find((a) => a.candidate === k)?.entry ?? -1);
  };
  const entries = [
    { number: 1, title: '戈壁滩上的红色堡垒', organization: null, page: null },
    { number: 2, title: '行动步步见效 托起致富希望', organization: null, page: null },
    { number: 3, title: 'UME Layer tates', organization: null, page: null },
  ];

  test('misread titles pair with the likest entry between their neighbours', () => {
    const cases = [
      { title: '戈壁滩上的红色堡爸', printedStart: null },
      { title: '行动步步见效“托起致富希望', printedStart: null },
    ];
    assert.deepEqual(pairWithToc(cases, entries, { fuzzy: true }), [0, 1]);
    assert.deepEqual(pairWithToc(cases, entries, { fuzzy: false }), [-1, 1]);
  });

  test('a lone case between paired neighbours takes the lone free entry between theirs', () => {
    const cases = [
      { title: '戈壁滩上的红色堡垒', printedStart: null },
      { title: '行动步步见效 托起致富希望', printedStart: null },
      { title: '增添企业争先活力 架起“致富路”', printedStart: null },
    ];
    assert.deepEqual(pairWithToc(cases, entries, { fuzzy: true }), [0, 1, 2]);
    assert.deepEqual(pairWithToc(cases, entries, { fuzzy: false }), [0, 1, -1]);
  });
});

describe('titles and paragraphs', () => {
  test('ocr-title-gap (OCR only) and strip-stray-quote on a title', () => {
    const where = { page: 0, line: 0 };
    assert.equal(fixTitle('凝聚发展力量，共创美好未来', where, ctx(true)), '凝聚发展力量 共创美好未来');
    assert.equal(fixTitle('凝聚发展力量，共创美好未来', where, ctx(false)), '凝聚发展力量，共创美好未来');
    assert.equal(fixTitle('凝聚发展力量，共创美好未来', where, ctx(true, ['ocr-title-gap'])), '凝聚发展力量，共创美好未来');
    assert.equal(fixTitle('组织部部长”罗永福', where, ctx(true)), '组织部部长 罗永福');
  });

  test('ocr-final-stop closes a paragraph of two lines or more', () => {
    const lines = linesOf([FULL, '创优的良好氛围']);
    for (const [c, want] of [
      [ctx(true), '。'],
      [ctx(false), '围'],
      [ctx(true, ['ocr-final-stop']), '围'],
    ] as const) {
      const b = makeBlock(lines, { kind: 'body', role: 'running' }, c);
      closeParagraph(b, lines.length, c);
      assert.equal(b.text.slice(-1), want);
    }
    const one = makeBlock(lines.slice(1), { kind: 'body', role: 'running' }, ctx(true));
    closeParagraph(one, 1, ctx(true));
    assert.equal(one.text, '创优的良好氛围');
  });
});

describe('through the pipeline', () => {
  // A two-case OCR volume: the TOC lost case 2's organisation and page, case 1's title is misread
  // in the body and read right by the TOC and both running footers.
  const text = [
    '目录',
    '001 / 戈壁滩上的红色堡垒',
    '一一平凉市崆峒区银滩路街道民主西路社区党支部 ……… 1',
    '002 / 行动步步见效 托起致富希望',
    '\f戈壁滩上的红色堡爸',
    '一一平凉市崆峒区银滩路街道民主西路社区党支部',
    '戈壁滩上的红色堡垒。001',
    `\f${FULL}，`,
    '制度和群众监督机制，外出务工人员郭玉兰感慨地说: "这样的好干部，我们信得',
    '过。"',
    `\f${FULL}，`,
    '制度，赢得了群众的信任和支持。',
    '戈壁滩上的红色堡垒 003',
    '\f行动步步见效 托起致富希望',
    '一-一陇南市武都区陈坪街道向阳社区党支部',
    `\f${FULL}，`,
    '制度，赢得了群众的信任和支持。',
    '行动步步见效 托起致富希望 005',
    '',
  ].join('\n');
  const meta = { sourceName: 'ocr.txt', encoding: 'utf-8' };

  test('title-consensus: three readings outvote the misread title; fill-toc-from-case fills the entry', () => {
    const r = importText(text, meta);
    assert.deepEqual(
      r.cases.map((c) => [c.number, c.title, c.organization, c.printedPages]),
      [
        [1, '戈壁滩上的红色堡垒', '平凉市崆峒区银滩路街道民主西路社区党支部', [1, 3]],
        [2, '行动步步见效 托起致富希望', '陇南市武都区陈坪街道向阳社区党支部', [4, 5]],
      ],
    );
    assert.deepEqual(r.toc[1], {
      number: 2,
      title: '行动步步见效 托起致富希望',
      organization: '陇南市武都区陈坪街道向阳社区党支部',
      page: 4,
    });
    const rules = new Set(r.changes.map((c) => c.rule));
    for (const rule of ['title-consensus', 'fill-toc-from-case', 'ocr-dash-run', 'ocr-folio']) assert.ok(rules.has(rule), rule);
  });

  test('switched off, the misread title stays and the entry keeps what the TOC gave', () => {
    const r = importText(text, meta, { disabledRules: ['title-consensus', 'fill-toc-from-case'] });
    assert.equal(r.cases[0]!.title, '戈壁滩上的红色堡爸');
    assert.deepEqual(r.toc[1], { number: 2, title: '行动步步见效 托起致富希望', organization: null, page: null });
  });
});

describe('TOC and cases, through the pipeline', () => {
  // Three cases; the TOC lost entry 002 and case 003's page; case 001's organisation line misread
  // 支 as 才, which the TOC and the commentary read right; case 002's last page kept only its footer.
  const text = [
    '目录',
    '001 / 兰州交通大学机电学院创先争优',
    '一一兰州交通大学机电学院党总支 ……… 1',
    '003 / 小支部撬动大发展',
    '一一祁连山7214厂五车间党支部',
    '\f〔组织点评〕',
    '兰州交通大学机电学院党总支始终把团结和谐作为一切工作的出发点和落脚点。',
    '一一兰州交通大学党委',
    '兰州交通大学机电学院创先争优',
    '一一兰州交通大学机电学院党总才',
    `\f${FULL}，`,
    '制度，外出务工人员郭玉兰感慨地说: "这样的好干部，我们信得过。"',
    '兰州交通大学机电学院创先争优 002',
    '\f党建引领促和谐',
    '一-一陇原805厂一车间党支部',
    `\f${FULL}，`,
    '制度，赢得了群众的信任和支持。',
    '党建引领促和谐 004',
    '\f党建引领促和谐”005',
    '\f小支部撬动大发展',
    '一一祁连山7214厂五车间党支部',
    `\f${FULL}，`,
    '制度，赢得了群众的信任和支持。',
    '小支部撬动大发展 007',
    '',
  ].join('\n');
  const meta = { sourceName: 'ocr.txt', encoding: 'utf-8' };

  test('toc-entry-from-case, org-consensus', () => {
    const r = importText(text, meta);
    assert.deepEqual(
      r.toc.map((e) => [e.number, e.title, e.organization, e.page]),
      [
        [1, '兰州交通大学机电学院创先争优', '兰州交通大学机电学院党总支', 1],
        [2, '党建引领促和谐', '陇原805厂一车间党支部', 3],
        [3, '小支部撬动大发展', '祁连山7214厂五车间党支部', 6],
      ],
    );
    assert.deepEqual(
      r.cases.map((c) => [c.number, c.organization, c.printedPages]),
      [
        [1, '兰州交通大学机电学院党总支', [1, 2]],
        [2, '陇原805厂一车间党支部', [3, 4]],
        [3, '祁连山7214厂五车间党支部', [6, 7]],
      ],
    );
  });

  test('switched off: the TOC keeps two entries, the misread name stays', () => {
    const r = importText(text, meta, { disabledRules: ['toc-entry-from-case', 'org-consensus'] });
    assert.equal(r.toc.length, 2);
    assert.equal(r.cases[0]!.organization, '兰州交通大学机电学院党总才');
  });
});
