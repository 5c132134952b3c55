import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importText } from '../../../../shared/import/pipeline.ts';
import { formatWarning, MAX_LISTED, pageNumberWarnings, parseWarning, tocWarnings } from '../../../../shared/import/warnings.ts';

const meta = { sourceName: 'v.txt', encoding: 'utf-8' };
const keys = (ws: string[]): string[] => ws.map((w) => parseWarning(w)?.key ?? `unparsed: ${w}`);
const find = (ws: string[], key: string) => ws.map(parseWarning).find((w) => w?.key === key);

const BODY = ['　　社区党支部以创先争优为抓手，不断强化服务功能，建立', '了党员联系户制度，群众满意度逐年提高。'];
const TOC: [number, string, string][] = [
  [1, '强化服务功能 建设幸福社区', '城关区幸福路社区党支部'],
  [2, '用心做好群众工作', '红星村党支部'],
  [3, '科技兴企 党建领航', '兰州新材料有限公司党委'],
  [4, '小支部撬动大发展', '卫生局党支部'],
];

/** TOC page, then the cases `present` (indexes into TOC), case k on printed page k + 1. */
function volume(present: number[]): string {
  const toc = ['目　录', ''];
  TOC.forEach(([n, title, org], k) => toc.push(`00${n} / ${title}`, `———${org} ……………… ${k + 1}`));
  const pages = [toc.join('\n')];
  for (const k of present) {
    const [, title, org] = TOC[k]!;
    pages.push([title, `———${org}`, '', ...BODY, String(k + 1)].join('\n'));
  }
  return pages.join('\n\f') + '\n';
}

describe('import warnings', () => {
  test('format: key, JSON parameters, an English sentence; parseWarning reads it back', () => {
    const w = formatWarning('toc-entry-unmatched', { number: 7, title: '标题 {含} "引号"', page: 3 }, 'Entry 7 has no case.');
    assert.equal(w, 'toc-entry-unmatched:{"number":7,"title":"标题 {含} \\"引号\\"","page":3} Entry 7 has no case.');
    assert.deepEqual(parseWarning(w), {
      key: 'toc-entry-unmatched',
      params: { number: 7, title: '标题 {含} "引号"', page: 3 },
      message: 'Entry 7 has no case.',
    });
    assert.equal(parseWarning('no-cases-found'), null);
    assert.equal(parseWarning('free text'), null);
  });

  test('a complete volume whose TOC lists a case that is not there', () => {
    const r = importText(volume([0, 1, 3]), meta);
    assert.equal(r.cases.length, 3);
    assert.deepEqual(keys(r.warnings), ['toc-case-mismatch', 'toc-entry-unmatched']);
    assert.deepEqual(find(r.warnings, 'toc-case-mismatch')!.params, { toc: 4, cases: 3 });
    const miss = find(r.warnings, 'toc-entry-unmatched')!;
    assert.deepEqual(miss.params, { number: 3, title: '科技兴企 党建领航', page: 3 });
    assert.match(miss.message, /^Table of contents entry 3 “科技兴企 党建领航” \(page 3\) has no matching case\.$/);
  });

  test('an excerpt (first or last TOC case absent) only reports the counts', () => {
    const r = importText(volume([1, 2]), meta);
    assert.deepEqual(keys(r.warnings), ['toc-case-mismatch']);
    const seed = readFileSync(new URL('../../../fixtures/seed/excerpt.txt', import.meta.url), 'utf8');
    const s = importText(seed, meta);
    assert.deepEqual(keys(s.warnings), ['toc-case-mismatch']);
    assert.deepEqual(find(s.warnings, 'toc-case-mismatch')!.params, { toc: 11, cases: 1 });
  });

  test('a volume that matches its TOC has no warnings', () => {
    assert.deepEqual(importText(volume([0, 1, 2, 3]), meta).warnings, []);
  });

  test('pages without a printed number between numbered pages', () => {
    // Folios 1, 2, then three pages without one, then 9, 10: the middle page cannot be inferred.
    const pages = [1, 2, null, null, null, 9, 10].map((n, i) =>
      [`第${i}页的正文，社区党支部以创先争优为抓手。`, ...(n === null ? [] : [String(n)])].join('\n'),
    );
    const r = importText(pages.join('\n\f'), meta);
    assert.deepEqual(
      r.pages.map((p) => p.printed),
      [1, 2, 3, null, 8, 9, 10],
    );
    const w = find(r.warnings, 'page-number-missing')!;
    assert.deepEqual(w.params, { pages: [3], count: 1 });
    assert.match(w.message, /^The page at index 3 has no printed page number/);
  });

  test('long lists are capped, with a count of the rest', () => {
    const printed = [1, ...new Array<null>(30).fill(null), 99];
    const w = parseWarning(pageNumberWarnings(printed)[0]!)!;
    assert.equal((w.params.pages as number[]).length, MAX_LISTED);
    assert.equal(w.params.count, 30);
    const toc = Array.from({ length: 40 }, (_, k) => ({ number: k + 1, title: `标题${k}`, organization: null, page: k + 1 }));
    const ws = tocWarnings(toc, 2, [0, 39]);
    assert.deepEqual(keys(ws), [
      'toc-case-mismatch',
      ...new Array<string>(MAX_LISTED).fill('toc-entry-unmatched'),
      'toc-entry-unmatched-more',
    ]);
    assert.deepEqual(parseWarning(ws[ws.length - 1]!)!.params, { count: 38 - MAX_LISTED });
  });
});
