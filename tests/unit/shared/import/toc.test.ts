import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { isTocPage, parseToc } from '../../../../shared/import/toc.ts';
import { DEFAULT_VOCABULARY } from '../../../../shared/import/vocabulary.ts';
import { context, linesOf, pagesOf } from './helpers.ts';

const V = DEFAULT_VOCABULARY;

describe('table of contents', () => {
  test('seed form: %%/%% separators, ! leaders inside words, an entry cut by the page start', () => {
    const lines = linesOf(
      [
        '———甘肃中医学院针灸推拿系党总 !!!!!!!!!!支 313',
        '091%%/%%创先争优促发展 立足岗位作贡献',
        '———陇东学院教育学院党总 !!!!!!!!!!!!!支 317',
        '094%%/%%让鲜红的党旗在非公企业高高飘扬',
        '!!!!!!!!!!',
      ],
      [
        '!!!!',
        '———甘肃宏良皮业股份有限公司党支 !!!!!!!!!!!部 327',
        '096%%/%%明确主题 制定目标 落实责任 开展全方位深层次创先争优活动',
        '———中航工业兰州飞行控制有限责任公司装配分厂党总 !支 334',
        '100%%/%%充分发挥工会党组织的战斗堡垒作用',
        '在探索服务职工帮扶机制上创先争优',
        '———平凉市总工会党支 !!!!!!!!!!!!!!!部 349',
      ],
    );
    assert.deepEqual(parseToc(lines, V, context()), [
      { number: 90, title: null, organization: '甘肃中医学院针灸推拿系党总支', page: 313 },
      { number: 91, title: '创先争优促发展 立足岗位作贡献', organization: '陇东学院教育学院党总支', page: 317 },
      { number: 94, title: '让鲜红的党旗在非公企业高高飘扬', organization: '甘肃宏良皮业股份有限公司党支部', page: 327 },
      {
        number: 96,
        title: '明确主题 制定目标 落实责任 开展全方位深层次创先争优活动',
        organization: '中航工业兰州飞行控制有限责任公司装配分厂党总支',
        page: 334,
      },
      {
        number: 100,
        title: '充分发挥工会党组织的战斗堡垒作用 在探索服务职工帮扶机制上创先争优',
        organization: '平凉市总工会党支部',
        page: 349,
      },
    ]);
  });

  test('pdftotext form: real leaders, " / " separators, a TOC heading', () => {
    const lines = linesOf([
      '目录',
      '001 / 搭建“连心桥” 助推企业腾飞',
      '———兰州三毛5702厂十车间党支部 …………………………… 1',
      '002 / 让鲜红的党旗在非公企业高高飘扬',
      '———靖远运输实业集团有限责任公司销售公司党支部 ……… 4',
    ]);
    const toc = parseToc(lines, V, context());
    assert.deepEqual(
      toc.map((e) => [e.number, e.title, e.organization, e.page]),
      [
        [1, '搭建“连心桥” 助推企业腾飞', '兰州三毛5702厂十车间党支部', 1],
        [2, '让鲜红的党旗在非公企业高高飘扬', '靖远运输实业集团有限责任公司销售公司党支部', 4],
      ],
    );
  });

  test('a title that merely wrapped at the measure joins without a space', () => {
    const lines = linesOf([
      '———某某单位党委 ……………… 9',
      '012 / 坚持把服务群众作为一切工作的出发点和落脚点不断',
      '推进社区建设',
      '———某某社区党支部 …………… 12',
    ]);
    assert.equal(parseToc(lines, V, context())[1]!.title, '坚持把服务群众作为一切工作的出发点和落脚点不断推进社区建设');
  });

  test('OCR form: dashes read as 一, leaders as junk, a lost dash line still gives the organisation', () => {
    const lines = linesOf([
      '097 / 活动步步深入“行动步步见效',
      '新兴际华集团际华3512皮革服装公司三车间党支部 …… 337',
      '098 / 党群共建夯基础 齐争共创促发展',
      '一-一武威市凉州区妇联党支部 …………: 341',
    ]);
    assert.deepEqual(
      parseToc(lines, V, context()).map((e) => [e.number, e.title, e.organization, e.page]),
      [
        [97, '活动步步深入 行动步步见效', '新兴际华集团际华3512皮革服装公司三车间党支部', 337],
        [98, '党群共建夯基础 齐争共创促发展', '武威市凉州区妇联党支部', 341],
      ],
    );
  });

  test('TOC pages are told from body pages', () => {
    const [toc, body] = pagesOf(
      ['091%%/%%创先争优促发展', '———陇东学院教育学院党总 !!!!!!!支 317', '!!!!!!', '!!!!'],
      ['3 个支部， 共有党员 120 名。 创先争优活动开展以来， 一项建设', '情论坛” 活动在西固区临洮街街道康乐路社区悄然兴起'],
    );
    assert.ok(isTocPage(toc!, V));
    assert.ok(!isTocPage(body!, V));
  });
});

describe('table of contents: entries over several lines', () => {
  const rows = (lines: string[]): unknown[] =>
    parseToc(linesOf(lines), V, context()).map((e) => [e.number, e.title, e.organization, e.page]);

  test('the organisation wraps and the leader and page follow on its last line', () => {
    assert.deepEqual(
      rows([
        '001 / 拓宽服务领域 创先争优促发展',
        '———永登县马营镇杏树湾村党',
        '支部 ……………… 1',
        '002 / “阳光村务”惠民生',
        '———天水星火机床有限责任公',
        '司机修车间党支部 ……………… 14',
      ]),
      [
        [1, '拓宽服务领域 创先争优促发展', '永登县马营镇杏树湾村党支部', 1],
        [2, '“阳光村务”惠民生', '天水星火机床有限责任公司机修车间党支部', 14],
      ],
    );
  });

  test('a wrapped organisation with the page alone on the last line, and without leaders', () => {
    assert.deepEqual(
      rows([
        '001 / 党建引领促和谐',
        '———金川3512',
        '厂八车间党支部',
        '……………… 21',
        '002 / 让党旗高高飘扬',
        '———金昌市金川区工商局党支',
        '部 18',
      ]),
      [
        [1, '党建引领促和谐', '金川3512厂八车间党支部', 21],
        [2, '让党旗高高飘扬', '金昌市金川区工商局党支部', 18],
      ],
    );
  });

  test('middle-dot leaders and no leaders at all', () => {
    assert.deepEqual(
      rows(['001 / 拓宽服务领域', '———永登县马营镇杏树湾村党支部 ············ 1', '002 / 惠民生', '———金川3512厂八车间党支部 4']),
      [
        [1, '拓宽服务领域', '永登县马营镇杏树湾村党支部', 1],
        [2, '惠民生', '金川3512厂八车间党支部', 4],
      ],
    );
  });

  test('the page on the title line, a two-line title carrying it on its last line', () => {
    assert.deepEqual(
      rows([
        '007 / 党建引领促和谐 …………………… 21',
        '———祁连山运输实业集团有限责任公司三车间党支部',
        '008 / 以优质服务赢得群众信赖',
        '充分发挥社区党组织的核心作用 …………………… 25',
        '———金川皮业股份有限公司装配分厂党支部',
      ]),
      [
        [7, '党建引领促和谐', '祁连山运输实业集团有限责任公司三车间党支部', 21],
        [8, '以优质服务赢得群众信赖 充分发挥社区党组织的核心作用', '金川皮业股份有限公司装配分厂党支部', 25],
      ],
    );
  });

  test('no line without a number and title start becomes an entry of its own', () => {
    const toc = rows([
      '003 / 书写为民新篇章 活动步步深入',
      '———张掖市甘州区交通运输局',
      '党委 ……………… 7',
      '004 / 点亮群众心灯',
      '———陇南市武都区交通运输局党支部 …… 11',
    ]);
    assert.equal(toc.length, 2);
    assert.deepEqual(toc[0], [3, '书写为民新篇章 活动步步深入', '张掖市甘州区交通运输局党委', 7]);
  });
});
