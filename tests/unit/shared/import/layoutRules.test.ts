// Rules that make the importer hold on layouts of other hands (issue 9): each on the smallest input
// that shows it. The generated layout family (textVariants.test.ts, `npm run eval:import`) shows
// them working together.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { importText } from '../../../../shared/import/pipeline.ts';
import { titleGaps } from '../../../../shared/import/reconcile.ts';
import { closingBreaks } from '../../../../shared/import/caseParse.ts';
import { inferPrinted } from '../../../../shared/import/runningLines.ts';
import { unbalancedTitleQuotes } from '../../../../shared/text/garbage.ts';
import { ocrTitleGap } from '../../../../shared/text/ocr.ts';
import { ocrEvidence } from '../../../../shared/import/ocrEvidence.ts';
import { splitPages } from '../../../../shared/import/splitPages.ts';
import { boxesAfterBodies, caseNumberLine, findOpeners } from '../../../../shared/import/openers.ts';
import { DEFAULT_VOCABULARY } from '../../../../shared/import/vocabulary.ts';
import { variantVolume } from '../../../fixtures/generator/textLayer.ts';
import { VARIANTS } from '../../../fixtures/generator/variants.ts';
import { linesOf } from './helpers.ts';

const V = DEFAULT_VOCABULARY;
const meta = { sourceName: 'volume.txt', encoding: 'utf-8' };

describe('title gaps at line breaks after a closing mark (rule title-gaps)', () => {
  test('closingBreaks: where a title line ends with a closing mark, counted in non-space characters', () => {
    assert.deepEqual(closingBreaks(['搭建“连心桥”', '行动步步见效', '激发党员活力']), [7]);
    assert.deepEqual(closingBreaks(['创新管理理念、', '活动步步深入']), []);
    assert.deepEqual(closingBreaks(['“党员积分制”充分发挥']), []);
  });

  test('the one-line readings decide; a reading unlike the title has no say', () => {
    const title = '搭建“连心桥”行动步步见效 激发党员活力';
    assert.equal(titleGaps(title, [7], ['搭建“连心桥” 行动步步见效 激发党员活力']), '搭建“连心桥” 行动步步见效 激发党员活力');
    assert.equal(titleGaps(title, [7], ['搭建“连心桥”行动步步见效 激发党员活力']), title);
    assert.equal(titleGaps(title, [7], ['完全不同的标题文字', null]), title);
    // OCR reads the gap as a stray quote as often as a space; the majority decides.
    const ocr = [
      '拱建“连心桥” ”行动步步见效 ”激发党员活力',
      '搭建“连心桥”” 行动步步见效',
      '搭建“连心桥”行动步步见效 激发党员活力',
    ];
    assert.equal(titleGaps(title, [7], ocr), '搭建“连心桥” 行动步步见效 激发党员活力');
  });

  test('without readings, as the volume’s titles break elsewhere', () => {
    const title = '搭建“连心桥”行动步步见效';
    assert.equal(titleGaps(title, [7], [], true), '搭建“连心桥” 行动步步见效');
    assert.equal(titleGaps(title, [7], [], false), title);
  });

  test('the text layer of three-phrase titles keeps the TOC’s gaps', () => {
    const { text, truth } = variantVolume(8, 2, VARIANTS.titlesThreeLines!, 'volume.txt');
    const result = importText(text, meta);
    assert.deepEqual(
      result.cases.map((c) => c.title),
      truth.cases.map((c) => c.title),
    );
    assert.ok(result.changes.some((c) => c.rule === 'title-gaps' && c.count > 0));
  });
});

describe('boxes and number lines around openers', () => {
  test('a line giving only the case number opens the case even without a box', () => {
    assert.ok(caseNumberLine(linesOf(['案例 12'])[0]!));
    assert.ok(caseNumberLine(linesOf(['6'])[0]!));
    assert.ok(!caseNumberLine(linesOf(['6个支部'])[0]!));
    const { text, truth } = variantVolume(8, 2, VARIANTS.caseNumberAbove!, 'volume.txt');
    const result = importText(text, meta);
    assert.deepEqual(
      result.cases.map((c) => c.printedPages),
      truth.cases.map((c) => c.printedPages),
    );
  });

  test('a box printed after each body, cases running on: the box above a title is the previous case’s', () => {
    const { text, truth } = variantVolume(8, 3, VARIANTS.mixedRunOn!, 'volume.txt');
    const result = importText(text, meta);
    assert.deepEqual(
      result.cases.map((c) => c.commentary?.signature ?? null),
      truth.cases.map((c) => c.commentary?.signature ?? null),
    );
  });

  test('boxesAfterBodies: a box before the first title says the volume prints them before', () => {
    const lines = linesOf(
      [
        '〔组织点评〕',
        '康乐路社区党总支始终把为民服务作为出发点。',
        '———兰州市西固区临洮街街道党工委',
        '戈壁滩上的红色堡垒',
        '———平凉市总工会党支部',
      ],
      ['社区党支部以创先争优为抓手，不断强化服务功能。'],
      ['让党旗高高飘扬', '———金昌市金川区工商局党支部'],
      ['正文一段。'],
    );
    const openers = findOpeners({ lines, vocab: V, fullWidth: 35, lostDashes: false });
    assert.equal(openers.length, 2);
    assert.ok(openers[0]!.label);
    assert.equal(boxesAfterBodies(openers, [[], []], V), false);
  });
});

describe('organisations set another way', () => {
  for (const name of ['orgAbove', 'orgParens', 'orgSigPlain']) {
    test(`${name}: organisations and signatures as the truth names them`, () => {
      const { text, truth } = variantVolume(8, 4, VARIANTS[name]!, 'volume.txt');
      const result = importText(text, meta);
      assert.deepEqual(
        result.cases.map((c) => [c.organization, c.commentary?.signature ?? null]),
        truth.cases.map((c) => [c.organization, c.commentary?.signature ?? null]),
      );
    });
  }
});

describe('OCR readings', () => {
  test('a short quoted word closed with an opening quote is closed properly', () => {
    assert.equal(
      unbalancedTitleQuotes('“党员积分制“充分发挥工会党组织的战斗堡垒作用').text,
      '“党员积分制”充分发挥工会党组织的战斗堡垒作用',
    );
    assert.equal(unbalancedTitleQuotes('“阳光村务”惠民生').count, 0);
  });

  test('no space follows full-width punctuation in a title; a gap read as a comma becomes a space', () => {
    assert.equal(ocrTitleGap('让党旗在项目工地高高飘扬： 活动步步深入').text, '让党旗在项目工地高高飘扬：活动步步深入');
    assert.equal(ocrTitleGap('拓宽服务领域，创先争优促发展').text, '拓宽服务领域 创先争优促发展');
  });

  test('a comma that ends a printed title line is the title’s own', () => {
    const page = [
      '目录',
      '001 / 点亮群众心灯，凝心聚力促发展',
      '一一平凉市崆峒区农牧局党支部 …… 1',
      '\f【组织点评)',
      '平凉市崆峒区农牧局党支部始终把务实高效作为一切工作的出发点,坚持团结和谐。',
      '一-一中共平凉市崆峒区委组织部',
      '点亮群众心灯，',
      '凝心聚力促发展',
      '一-一平凉市崆峒区农牧局党支部',
      '平凉市崆峒区农牧局现有职工1011人,党员380名。创先争优活动开展以来,成效明显。',
      '点亮群众心灯，凝心聚力促发展 001',
    ].join('\n');
    const result = importText(page, meta);
    assert.equal(result.cases[0]?.title, '点亮群众心灯，凝心聚力促发展');
  });

  test('new OCR signs (doubled quotes, a quote before a folio) never show in a generated text layer', () => {
    assert.ok(ocrEvidence(splitPages('“党员积分制“\n一\n拓宽服务领域 创先争优促发展”001\n“民情” ”论坛\n')).signs >= 3);
    for (const [name, variant] of Object.entries(VARIANTS)) {
      const { text } = variantVolume(8, 5, variant, 'volume.txt');
      assert.equal(ocrEvidence(splitPages(text)).likely, false, name);
    }
  });

  test('folios before the first one read count back from it over the cases’ pages, never below 1', () => {
    const folios = [null, null, null, null, null, 3, null, 5];
    assert.deepEqual(inferPrinted(folios, { from: 2 }), [null, null, null, 1, 2, 3, 4, 5]);
    assert.deepEqual(inferPrinted(folios), [null, null, null, null, 2, 3, 4, 5]);
  });
});
