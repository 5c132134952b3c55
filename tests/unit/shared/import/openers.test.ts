import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { findOpeners } from '../../../../shared/import/openers.ts';
import { DEFAULT_VOCABULARY } from '../../../../shared/import/vocabulary.ts';
import { linesOf } from './helpers.ts';

const V = DEFAULT_VOCABULARY;
const para = ['社区党支部以创先争优为抓手，不断强化服务功能，建立了党员联系户', '制度。'];

function summary(lines: ReturnType<typeof linesOf>) {
  return findOpeners({ lines, vocab: V, fullWidth: 35, lostDashes: false }).map((o) => ({
    start: lines[o.start]!.text,
    title: o.titleLines.map((l) => l.text),
    org: o.org?.text ?? null,
    commentary: o.commentary.map((l) => l.text),
    signature: o.signature?.text ?? null,
    body: lines[o.bodyStart]?.text ?? null,
  }));
}

describe('case openers', () => {
  test('box before the title (the seed layout), two-line title', () => {
    const lines = linesOf(
      [
        '〔组织点评〕',
        '康乐路社区党总支始终把为民服务作为出发点。',
        '———兰州市西固区临洮街街道党工委',
        '充分发挥工会党组织的战斗堡垒作用',
        '在探索服务职工帮扶机制上创先争优',
        '\uFFFD\uFFFD———平凉市总工会党支部',
      ],
      para,
    );
    assert.deepEqual(summary(lines), [
      {
        start: '〔组织点评〕',
        title: ['充分发挥工会党组织的战斗堡垒作用', '在探索服务职工帮扶机制上创先争优'],
        org: '———平凉市总工会党支部',
        commentary: ['康乐路社区党总支始终把为民服务作为出发点。'],
        signature: '———兰州市西固区临洮街街道党工委',
        body: para[0]!,
      },
    ]);
  });

  test('box after the organisation, and a case without a box', () => {
    const lines = linesOf(
      [
        '科技兴企 党建领航',
        '———兰州新材料有限公司党委',
        '【组织点评】',
        '公司党委坚持党建与生产深度融合。',
        '———兰州高新区党工委',
        ...para,
      ],
      ['用心做好群众工作', '———红星村党支部', ...para],
    );
    const s = summary(lines);
    assert.equal(s.length, 2);
    assert.deepEqual(s[0]!.commentary, ['公司党委坚持党建与生产深度融合。']);
    assert.equal(s[0]!.signature, '———兰州高新区党工委');
    assert.equal(s[0]!.body, para[0]);
    assert.deepEqual(s[1]!.title, ['用心做好群众工作']);
    assert.equal(s[1]!.signature, null);
  });

  test('a dash line under the end of a running paragraph is not a case', () => {
    const lines = linesOf([
      '社区党支部以创先争优为抓手，不断强化服务功能，建立了党员联系户和结对帮扶',
      '制度和群众',
      '——摘自《人民日报》',
      ...para,
    ]);
    assert.deepEqual(summary(lines), []);
  });

  test('OCR dashes (一一一, 一-一) still mark the organisation', () => {
    const lines = linesOf(['开设“民情论坛” 打造和谐家园', '一-一兰州市西固区临涨街街道康乐路社区党总支', ...para]);
    assert.equal(summary(lines)[0]!.org, '一-一兰州市西固区临涨街街道康乐路社区党总支');
  });
});
