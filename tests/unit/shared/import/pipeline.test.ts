import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importPages, importText } from '../../../../shared/import/pipeline.ts';
import { ImportResult } from '../../../../shared/model/importResult.ts';
import { MAX_SITES_PER_RULE } from '../../../../shared/import/changeLog.ts';
import type { ImportProgress } from '../../../../shared/import/types.ts';
import { parseWarning } from '../../../../shared/import/warnings.ts';

const seed = readFileSync(new URL('../../../fixtures/seed/excerpt.txt', import.meta.url), 'utf8');
const meta = { sourceName: 'excerpt.txt', encoding: 'utf-8' };
const base = importText(seed, meta);
const caseText = (r: ImportResult): string => r.cases[0]!.doc.blocks.map((b) => b.text).join('\n');

describe('import pipeline', () => {
  test('case doc blocks in reading order, with kinds', () => {
    const kinds = base.cases[0]!.doc.blocks.map((b) => b.kind);
    assert.deepEqual(kinds.slice(0, 5), ['title', 'organization', 'commentary', 'commentary-signature', 'body']);
    assert.deepEqual(kinds.slice(-2), ['awards-heading', 'awards']);
    assert.equal(kinds.filter((k) => k === 'heading').length, 4);
  });

  test('blocks know their page, the page breaks inside them and their source lines', () => {
    const blocks = base.cases[0]!.doc.blocks;
    const title = blocks[0]!;
    assert.equal(title.page, 5);
    assert.deepEqual(title.source, { page: 5, lineStart: 196, lineEnd: 196, raw: '开设“民情论坛” 打造和谐家园' });
    // 便民服务暖民心 runs from page 6 onto page 7 at “汇智箱”.
    const crossing = blocks.find((b) => b.breaks.length > 0 && b.text.startsWith('知民情'))!;
    assert.equal(crossing.page, 6);
    assert.equal(crossing.breaks.length, 1);
    assert.equal(crossing.breaks[0]!.page, 7);
    assert.ok(crossing.text.slice(crossing.breaks[0]!.at).startsWith('“汇智箱”'));
    assert.equal(crossing.source!.lineStart, 236);
    assert.equal(crossing.source!.lineEnd, 259);
  });

  test('every change is reported by rule, with sites (page, line, before, after)', () => {
    const rules = new Map(base.changes.map((c) => [c.rule, c]));
    for (const r of [
      'strip-leaders',
      'repair-split-word',
      'strip-fffd',
      'remove-running-footer',
      'join-lines',
      'space-after-punct',
      'space-cjk-digit',
      'space-before-quote',
    ]) {
      assert.ok((rules.get(r)?.count ?? 0) > 0, r);
    }
    const fffd = rules.get('strip-fffd')!;
    assert.deepEqual(fffd.sites[0]!.page, 5);
    assert.deepEqual(fffd.sites[0]!.line, 197);
    const repair = rules.get('repair-split-word')!.sites[0]!;
    assert.equal(repair.before, '总 支');
    assert.equal(repair.after, '总支');
    for (const c of base.changes) assert.ok(c.sites.length <= Math.min(c.count, MAX_SITES_PER_RULE));
  });

  test('a disabled rule leaves its change undone and unreported', () => {
    const r = importText(seed, meta, { disabledRules: ['space-cjk-digit', 'strip-fffd'] });
    assert.ok(caseText(r).includes('居民 1412 户'));
    assert.ok(!r.changes.some((c) => c.rule === 'space-cjk-digit' || c.rule === 'strip-fffd'));
    assert.equal(r.cases[0]!.organization, base.cases[0]!.organization);
    const noJoin = importText(seed, meta, { disabledRules: ['join-lines'] });
    assert.equal(noJoin.frontMatter[0]!.paragraphs[0]!.split('\n').length, 8);
  });

  test('cjkDigitSpace keeps one space between ideographs and digits', () => {
    const r = importText(seed, meta, { cjkDigitSpace: true });
    assert.ok(caseText(r).includes('居民 1412 户'));
    assert.ok(caseText(r).includes('0.65平方公里'));
  });

  test('the vocabulary is configuration: another box label is recognised when passed in', () => {
    const text = seed.replace('〔组织点评〕', '〔专家视点〕');
    assert.equal(importText(text, meta).cases[0]!.commentary, null);
    const r = importText(text, meta, { vocabulary: { commentaryLabels: ['专家视点'] } });
    assert.equal(r.cases[0]!.commentary!.signature, '兰州市西固区临洮街街道党工委');
  });

  test('progress is reported by phase; importPages takes pages from a PDF extractor', () => {
    const seen: ImportProgress[] = [];
    importText(seed, meta, { onProgress: (p) => seen.push(p) });
    assert.deepEqual([...new Set(seen.map((p) => p.phase))], ['lines', 'running', 'toc', 'cases']);
    const pages = seed.split('\n').reduce<string[][]>((acc, l) => {
      if (/^ \S/.test(l) || acc.length === 0) acc.push([]);
      acc[acc.length - 1]!.push(l.replace(/^ /, ''));
      return acc;
    }, []);
    let start = 0;
    const raw = pages.map((lines, index) => {
      const p = { index, lines, startLine: start };
      start += lines.length;
      return p;
    });
    const r = importPages(raw, { sourceName: 'x.pdf', encoding: 'pdf' });
    assert.equal(r.cases[0]!.title, base.cases[0]!.title);
    assert.doesNotThrow(() => ImportResult.parse(r));
  });

  test('text with no case in it imports as front matter with a warning', () => {
    const r = importText('前言\n\n本书收录了一些案例。\n', meta);
    assert.equal(r.cases.length, 0);
    assert.deepEqual(
      r.warnings.map((w) => parseWarning(w)?.key),
      ['no-cases-found'],
    );
    assert.equal(r.frontMatter[0]!.kind, 'preface');
    assert.doesNotThrow(() => ImportResult.parse(r));
  });
});

describe('text without structure, and over-long pages', () => {
  /** Han characters in lines of 40, from a seeded generator: running text with nothing a volume has. */
  function hanText(chars: number, seed = 7): string {
    let a = seed;
    let s = '';
    for (let i = 0; i < chars; i++) {
      a = (a * 1103515245 + 12345) >>> 0;
      s += String.fromCharCode(0x4e00 + ((a >>> 8) % 0x5000));
      if (i % 40 === 39) s += '\n';
    }
    return s;
  }

  test('no page break, no contents, no title: a no-structure warning (the page is cut too)', () => {
    const r = importText(hanText(20_000), meta);
    const keys = r.warnings.map((w) => parseWarning(w)?.key);
    assert.ok(keys.includes('no-structure'), keys.join());
    assert.ok(keys.includes('page-split'), keys.join());
    const params = parseWarning(r.warnings.find((w) => w.startsWith('no-structure'))!)!.params;
    assert.equal(params.chars, 20_000);
    assert.ok(r.pages.length >= 4);
    assert.doesNotThrow(() => ImportResult.parse(r));
  });

  test('a volume keeps its pages and gets no such warning; one long page in it is cut', () => {
    const small = readFileSync(new URL('../../../fixtures/generated/small.txt', import.meta.url), 'utf8');
    const whole = importText(small, meta);
    assert.ok(!whole.warnings.some((w) => /^(no-structure|page-split):/.test(w)));
    const at = small.indexOf('\f');
    const r = importText(`${small.slice(0, at)}\f${hanText(12_000)}\n${small.slice(at)}`, meta);
    const split = r.warnings.map((w) => parseWarning(w)).find((w) => w?.key === 'page-split');
    assert.equal(split?.params.pages, 1);
    assert.ok(r.pages.every((p) => p.raw.length <= 5000));
    assert.ok(r.pages.length >= whole.pages.length + 3, `${r.pages.length} pages`);
    assert.deepEqual(
      r.cases.map((c) => c.title),
      whole.cases.map((c) => c.title),
    );
  });
});
