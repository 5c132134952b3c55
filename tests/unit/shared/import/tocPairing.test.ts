import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importText } from '../../../../shared/import/pipeline.ts';
import { toTruthJson, type TruthJson } from '../../../../shared/import/truthSchema.ts';
import { alignWithToc } from '../../../../shared/import/tocMatch.ts';
import { candidatesOf } from './helpers.ts';
import { ImportResult } from '../../../../shared/model/importResult.ts';

const dir = new URL('../../../fixtures/import/', import.meta.url);
const meta = { sourceName: 'v.txt', encoding: 'utf-8' };

const BODY = [
  '　　社区党支部以创先争优为抓手，不断强化服务功能，建立',
  '了党员联系户制度，群众满意度逐年提高。',
  '　　网格员每周走访居民不少于20户，及时收集群众意见。',
];

interface CaseSpec {
  /** Title lines as printed on the case's first page. */
  title: string[];
  /** The line under the title, or null when none is printed. */
  org: string | null;
}

/**
 * A small volume: one TOC page (`toc`: number, title, organisation, page), then each case on a
 * page of its own with its printed page number at the foot (case k on page k + 1).
 */
function volume(toc: [number, string, string, number][], cases: CaseSpec[]): string {
  const tocPage = ['目　录', ''];
  for (const [n, title, org, page] of toc) {
    tocPage.push(`${String(n).padStart(3, '0')} / ${title}`, `———${org} …………………… ${page}`);
  }
  const pages = [tocPage.join('\n')];
  cases.forEach((c, k) => {
    pages.push([...c.title, ...(c.org === null ? [] : [c.org]), '', ...BODY, String(k + 1)].join('\n'));
  });
  return pages.join('\n\f') + '\n';
}

const TOC3: [number, string, string, number][] = [
  [1, '强化服务功能 建设幸福社区', '城关区幸福路社区党支部', 1],
  [2, '用心做好群众工作', '红星村党支部', 2],
  [3, '科技兴企 党建领航', '兰州新材料有限公司党委', 3],
];

describe('case openers from the TOC', () => {
  test('hand-made volume: one case lacks its organisation line, one has only a mangled dash run', () => {
    const text = readFileSync(new URL('missing-org.txt', dir), 'utf8');
    const want = JSON.parse(readFileSync(new URL('missing-org.truth.json', dir), 'utf8')) as TruthJson;
    const result = importText(text, { sourceName: 'missing-org.txt', encoding: 'utf-8' });
    assert.doesNotThrow(() => ImportResult.parse(result));
    assert.deepEqual(toTruthJson(result), want);
    // No line stands for the missing organisation: its block has no source.
    const org = result.cases[1]!.doc.blocks[1]!;
    assert.equal(org.kind, 'organization');
    assert.equal(org.text, '红星村党支部');
    assert.equal(org.source, undefined);
  });

  for (const mangled of ['一一一', '——', '-—-', '一一红星村党支部', null]) {
    test(`organisation line ${mangled === null ? 'missing' : JSON.stringify(mangled)}: the case opens on its TOC title`, () => {
      const r = importText(
        volume(TOC3, [
          { title: ['强化服务功能 建设幸福社区'], org: '———城关区幸福路社区党支部' },
          { title: ['用心做好群众工作'], org: mangled },
          { title: ['科技兴企 党建领航'], org: '———兰州新材料有限公司党委' },
        ]),
        meta,
      );
      assert.deepEqual(
        r.cases.map((c) => [c.number, c.title, c.organization, c.printedPages]),
        [
          [1, '强化服务功能 建设幸福社区', '城关区幸福路社区党支部', [1, 1]],
          [2, '用心做好群众工作', '红星村党支部', [2, 2]],
          [3, '科技兴企 党建领航', '兰州新材料有限公司党委', [3, 3]],
        ],
      );
      // The junk line is not text of the case.
      assert.ok(r.cases[1]!.sections[0]!.paragraphs[0]!.startsWith('社区党支部以'));
    });
  }

  test('generated small volume with every organisation line blanked or mangled still matches its truth', () => {
    const gen = new URL('../../../fixtures/generated/', import.meta.url);
    const text = readFileSync(new URL('small.txt', gen), 'utf8');
    const want = JSON.parse(readFileSync(new URL('small.truth.json', gen), 'utf8')) as TruthJson;
    const orgLines = new Set(want.cases.map((c) => `———${c.organization}`));
    for (const junk of ['', '一一一', '-—-']) {
      let n = 0;
      // Same line count, so the truth's start lines stay right.
      const mangled = text
        .split('\n')
        .map((l) => (orgLines.has(l) ? (n++, junk) : l))
        .join('\n');
      assert.equal(n, want.cases.length);
      const got = toTruthJson(importText(mangled, { sourceName: 'small.txt', encoding: 'utf-8' }));
      assert.deepEqual(got, want, `organisation lines → ${JSON.stringify(junk)}`);
    }
  });

  test('a title printed on two lines matches its one-line TOC entry when the organisation is missing', () => {
    const r = importText(
      volume(
        [
          [1, '用心做好群众工作', '红星村党支部', 1],
          [2, '强化服务功能建设幸福社区', '城关区幸福路社区党支部', 2],
        ],
        [
          { title: ['用心做好群众工作'], org: '———红星村党支部' },
          { title: ['强化服务功能', '建设幸福社区'], org: null },
        ],
      ),
      meta,
    );
    assert.equal(r.cases.length, 2);
    assert.equal(r.cases[1]!.number, 2);
    assert.equal(r.cases[1]!.title, '强化服务功能 建设幸福社区');
    assert.equal(r.cases[1]!.organization, '城关区幸福路社区党支部');
  });

  test('a case whose title is not in the TOC still opens on its ———organisation line', () => {
    const r = importText(
      volume(TOC3.slice(0, 2), [
        { title: ['强化服务功能 建设幸福社区'], org: '———城关区幸福路社区党支部' },
        { title: ['用心做好群众工作'], org: '———红星村党支部' },
        { title: ['科技兴企 党建领航'], org: '———兰州新材料有限公司党委' },
      ]),
      meta,
    );
    assert.deepEqual(
      r.cases.map((c) => [c.number, c.title, c.organization]),
      [
        [1, '强化服务功能 建设幸福社区', '城关区幸福路社区党支部'],
        [2, '用心做好群众工作', '红星村党支部'],
        [3, '科技兴企 党建领航', '兰州新材料有限公司党委'],
      ],
    );
  });

  test('a body heading that repeats a missing title mid-page is no case', () => {
    const text = volume(TOC3, [
      { title: ['强化服务功能 建设幸福社区'], org: '———城关区幸福路社区党支部' },
      { title: ['用心做好群众工作'], org: '———红星村党支部' },
    ]).replace('及时收集群众意见。\n2', '及时收集群众意见。\n科技兴企 党建领航\n　　网格员每周走访居民。\n2');
    const r = importText(text, meta);
    assert.deepEqual(
      r.cases.map((c) => c.title),
      ['强化服务功能 建设幸福社区', '用心做好群众工作'],
    );
  });
});

describe('cases that share a title', () => {
  const twins: [number, string, string, number][] = [
    [1, '用心做好群众工作', '红星村党支部', 1],
    [2, '强化服务功能 建设幸福社区', '城关区幸福路社区党支部', 2],
    [3, '用心做好群众工作', '黄河村党支部', 3],
  ];

  test('the k-th case with a title takes the k-th TOC entry with it', () => {
    const r = importText(
      volume(twins, [
        { title: ['用心做好群众工作'], org: '———红星村党支部' },
        { title: ['强化服务功能 建设幸福社区'], org: '———城关区幸福路社区党支部' },
        { title: ['用心做好群众工作'], org: '———黄河村党支部' },
      ]),
      meta,
    );
    assert.deepEqual(
      r.cases.map((c) => [c.number, c.organization]),
      [
        [1, '红星村党支部'],
        [2, '城关区幸福路社区党支部'],
        [3, '黄河村党支部'],
      ],
    );
  });

  test('a twin whose organisation line is missing is found between its TOC neighbours', () => {
    const r = importText(
      volume(twins, [
        { title: ['用心做好群众工作'], org: '———红星村党支部' },
        { title: ['强化服务功能 建设幸福社区'], org: '———城关区幸福路社区党支部' },
        { title: ['用心做好群众工作'], org: null },
      ]),
      meta,
    );
    assert.deepEqual(
      r.cases.map((c) => [c.number, c.organization]),
      [
        [1, '红星村党支部'],
        [2, '城关区幸福路社区党支部'],
        [3, '黄河村党支部'],
      ],
    );
  });

  test('twins and the case between them all without organisation lines', () => {
    const r = importText(
      volume(twins, [
        { title: ['用心做好群众工作'], org: null },
        { title: ['强化服务功能 建设幸福社区'], org: null },
        { title: ['用心做好群众工作'], org: null },
      ]),
      meta,
    );
    assert.deepEqual(
      r.cases.map((c) => [c.number, c.organization, c.printedPages]),
      [
        [1, '红星村党支部', [1, 1]],
        [2, '城关区幸福路社区党支部', [2, 2]],
        [3, '黄河村党支部', [3, 3]],
      ],
    );
  });

  test('pairing: fewer cases than entries of a title → the printed start page decides', () => {
    const toc = twins.map(([number, title, organization, page]) => ({ number, title, organization, page }));
    // Each case's entry (−1: none), as the alignment pairs them.
    const pair = (cases: { title: string; printedStart: number | null }[]): number[] => {
      const { candidates, printed } = candidatesOf(cases);
      const aligned = alignWithToc(candidates, toc, { printed, fuzzy: true, footers: [] });
      return candidates.map((_, k) => aligned.find((a) => a.candidate === k)?.entry ?? -1);
    };
    assert.deepEqual(pair([{ title: '用心做好群众工作', printedStart: 3 }]), [2]);
    assert.deepEqual(pair([{ title: '用心做好群众工作', printedStart: null }]), [0]);
    // Two cases, two entries: in order, whatever the pages say.
    assert.deepEqual(
      pair([
        { title: '用心做好群众工作', printedStart: null },
        { title: '用心 做好群众工作', printedStart: 3 },
      ]),
      [0, 2],
    );
    // A case whose title the TOC lacks takes a free entry on its start page.
    assert.deepEqual(pair([{ title: '科技兴企', printedStart: 2 }]), [1]);
  });
});
