// The OCR repairs of single lines and strings (shared/text/ocr.ts, similarity.ts) and OCR detection.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  isStrayLine,
  ocrDashRun,
  ocrFullStop,
  ocrLabel,
  ocrDigitLookalikes,
  ocrHyphenYi,
  ocrNumber,
  ocrPercent,
  ocrTitleGap,
} from '../../../../shared/text/ocr.ts';
import { alignTo, consensus, editDistance, similarity } from '../../../../shared/text/similarity.ts';
import { ocrEvidence } from '../../../../shared/import/ocrEvidence.ts';
import { splitPages } from '../../../../shared/import/splitPages.ts';

describe('ocr-dash-run', () => {
  test('OCR readings of ——— before a name become ———', () => {
    for (const s of [
      '一一陇南市武都区陈坪街道党工委',
      '一-一陇南市武都区陈坪街道党工委',
      '一 一陇南市武都区陈坪街道党工委',
      '-一一陇南市武都区陈坪街道党工委',
      '—一—陇南市武都区陈坪街道党工委',
      '—陇南市武都区陈坪街道党工委',
      '--陇南市武都区陈坪街道党工委',
    ]) {
      assert.equal(ocrDashRun(s).text, '———陇南市武都区陈坪街道党工委', s);
    }
  });

  test('a single 一, running text and real dash runs stay', () => {
    assert.equal(ocrDashRun('一是狠抓作风建设').count, 0);
    assert.equal(ocrDashRun('一一落实到位，确保各项措施落到实处。').count, 0);
    assert.equal(ocrDashRun('———兰州大学团委').count, 0);
    assert.equal(ocrDashRun('一一').count, 0);
  });

  test('each change is reported', () => {
    const seen: string[] = [];
    ocrDashRun('一一兰州大学团委', (before, after) => seen.push(`${before}→${after}`));
    assert.deepEqual(seen, ['一一兰州大学团委→———兰州大学团委']);
  });
});

describe('ocr-stray-line', () => {
  test('a few letters or marks without an ideograph, digit or Chinese punctuation are a speck', () => {
    for (const s of ['|', 'Sy', 'Fil.', '  S A ']) assert.ok(isStrayLine(s), s);
    assert.ok(isStrayLine('企'));
    assert.ok(isStrayLine('杞， AN', '杞，       AN'));
    for (const s of ['001', '7', '围。', '党委', 'Office', 'QQ群']) assert.ok(!isStrayLine(s), s);
  });
});

describe('digits', () => {
  test('ocrNumber reads O, o, l, I, |, ] as digits in a token with a real digit', () => {
    assert.equal(ocrNumber('O01'), '001');
    assert.equal(ocrNumber('0O1'), '001');
    assert.equal(ocrNumber('00l'), '001');
    assert.equal(ocrNumber('l'), null);
    assert.equal(ocrNumber('OK1'), null);
  });

  test('ocr-digit-lookalike: inside numbers and for a month or day, never inside Latin words', () => {
    assert.equal(ocrDigitLookalikes('201]年1]月，社区了解到').text, '2011年11月，社区了解到');
    assert.equal(ocrDigitLookalikes('新建l0个').text, '新建10个');
    assert.equal(ocrDigitLookalikes('2012年]月4日').text, '2012年1月4日');
    assert.equal(ocrDigitLookalikes('通过ISO9001认证，学习Office和Windows XP').count, 0);
    assert.equal(ocrDigitLookalikes('共有党员159名').count, 0);
  });

  test('ocr-percent: the ring of % read as a 6', () => {
    assert.equal(ocrPercent('满意度达到91.2%6，比上年提高').text, '满意度达到91.2%，比上年提高');
    assert.equal(ocrPercent('增长5%，达到6%').count, 0);
    assert.equal(ocrPercent('占比为12%6').text, '占比为12%');
  });
});

describe('ocr-hyphen-yi', () => {
  test('a hyphen between Chinese text and an ideograph is 一', () => {
    assert.equal(ocrHyphenYi('全方位服务。-是建立“党员先锋岗”').text, '全方位服务。一是建立“党员先锋岗”');
    assert.equal(ocrHyphenYi('-是完善制度').text, '一是完善制度');
  });

  test('hyphens in Latin words and numbers stay', () => {
    assert.equal(ocrHyphenYi('开设了E-mail专栏，2010-2012年').count, 0);
  });
});

describe('ocr-title-gap', () => {
  test('one comma between two phrases is the phrase gap', () => {
    assert.equal(ocrTitleGap('凝聚发展力量，共创美好未来').text, '凝聚发展力量 共创美好未来');
    assert.equal(ocrTitleGap('行动步步见效,托起致富希望').text, '行动步步见效 托起致富希望');
  });

  test('short parts, two commas or other punctuation stay', () => {
    assert.equal(ocrTitleGap('好，很好').count, 0);
    assert.equal(ocrTitleGap('一是学习，二是实践，三是总结').count, 0);
    assert.equal(ocrTitleGap('我们的目标：发展，再发展').count, 0);
  });
});

describe('ocr-label and ocr-full-stop', () => {
  const labels = ['组织点评', '专家点评'];

  test('a bracketed word like a box label, or without any ideograph, is the label', () => {
    assert.equal(ocrLabel('(AARP)', labels), '组织点评');
    assert.equal(ocrLabel('【组织点许]', labels), '组织点评');
    assert.equal(ocrLabel('[专家点坪)', labels), '专家点评');
  });

  test('labels read right, figures and other bracketed words stay', () => {
    assert.equal(ocrLabel('【组织点评]', labels), null);
    assert.equal(ocrLabel('（图1）', labels), null);
    assert.equal(ocrLabel('（摘自人民日报）', labels), null);
  });

  test('a period or an o after an ideograph at a sentence end is 。; decimals stay', () => {
    assert.equal(ocrFullStop('赢得了群众的信任和支持.').text, '赢得了群众的信任和支持。');
    assert.equal(ocrFullStop('明显成效.社区还').text, '明显成效。社区还');
    assert.equal(ocrFullStop('投入资金3.7万元，使用Office.').count, 0);
  });
});

describe('similarity and consensus', () => {
  test('edit distance and similarity by code point', () => {
    assert.equal(editDistance('小支部撬动大发展', '小支部手动大发展'), 1);
    assert.equal(editDistance('', '党委'), 2);
    assert.equal(similarity('abcd', 'abcd'), 1);
    assert.equal(similarity('戈壁滩上的红色堡垒', '戈壁滩上的红色堡爸'), 1 - 1 / 9);
  });

  test('alignTo places substitutions, deletions and insertions', () => {
    const a = alignTo(Array.from('暖人心'), Array.from('暖和人心'));
    assert.deepEqual(a.at, ['暖', '人', '心']);
    assert.deepEqual(a.inserted, ['', '和', '', '']);
  });

  test('a character two readings agree on outvotes the pivot; two readings never do', () => {
    assert.equal(
      consensus('戈壁滩上的红色堡爸', ['戈夺港上的红色保全', '戈壁淮上的红色堡垒', '戈辟滩上的红色堡垒']),
      '戈壁滩上的红色堡垒',
    );
    assert.equal(consensus('小支部手动大发展', ['小支部挫动大发展']), '小支部手动大发展');
    // All four readings differ at one place: the pivot's stays.
    assert.equal(consensus('小支部手动大发展', ['小支部挫动大发展', '小支部插动大发展', '小支部氛动大发展']), '小支部手动大发展');
  });

  test('the marks between characters are voted too; the pivot keeps its phrase gap', () => {
    assert.equal(
      consensus('增添企业争先活力”架起“致富路', ['增添企业争先活力“架起“致富路”', '增添企业争先活力”架起“致富路”']),
      '增添企业争先活力”架起“致富路”',
    );
    assert.equal(
      consensus('开设“民情论坛” 打造和谐家园', ['开设民情论坛打造和谐家园', '开设“民情论坛”打造和谐家园']),
      '开设“民情论坛” 打造和谐家园',
    );
  });

  test('characters the other readings all lack go, with their spaces', () => {
    assert.equal(consensus('SA 6妇 增添企业争先活力', ['增添企业争先活力', '增添企业争先活力']), '增添企业争先活力');
  });
});

describe('ocrEvidence', () => {
  test('ASCII punctuation, straight quotes, 一一 dash runs and mixed brackets mark OCR text', () => {
    const ocr = splitPages(
      [
        '【组织点评]',
        '外出务工人员郭玉兰感慨地说: "这样的好干部，我们信得过。"',
        '一一中共酒泉市肃州区委组织部',
        '\f做到两手抓, 两促进。',
        '\f社区党组织下设5个支部; 共有党员159名。',
      ].join('\n'),
    );
    assert.equal(ocrEvidence(ocr).likely, true);
  });

  test('a typeset text layer shows no such signs', () => {
    const text = splitPages(
      [
        '〔组织点评〕',
        '外出务工人员郭玉兰感慨地说：“这样的好干部，我们信得过。”',
        '———中共酒泉市肃州区委组织部',
        '\f做到两手抓、两促进。',
        '\f一一落实，共有党员159名。',
      ].join('\n'),
    );
    const e = ocrEvidence(text);
    assert.equal(e.signs, 0);
    assert.equal(e.likely, false);
  });
});
