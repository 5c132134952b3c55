import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { DatabaseSync } from 'node:sqlite';
import type { Block, CaseDoc } from '../../../shared/model/caseDoc.ts';
import type { SearchCaseHit } from '../../../shared/model/search.ts';
import {
  checkIntegrity,
  createCase,
  createTag,
  createVolume,
  deleteCase,
  deleteVolume,
  insertPages,
  listRevisions,
  restoreRevision,
  saveCase,
  searchCases,
  searchLibrary,
  setStage,
  tagCase,
  writeImport,
} from '../../../main/store/index.ts';
import { openWorkerConnection } from '../../../main/store/workerConnection.ts';
import { isAppError } from './helpers/appError.ts';
import { doc, seedImport, truth, openTemp } from './helpers/fixtures.ts';

const open = openTemp;

const ids = (hits: { id: number }[]) => hits.map((h) => h.id).sort((a, b) => a - b);
/** The highlighted strings of a hit's snippets. */
const marked = (hit: SearchCaseHit) => hit.snippets.flatMap((s) => s.highlights.map((h) => s.text.slice(h.start, h.end)));

function newCase(db: DatabaseSync, volumeId: number, title: string, ...body: string[]) {
  return createCase(db, { volumeId, title, doc: doc(title, ...body), who: '甲' });
}

describe('searchLibrary', () => {
  test('3+ character Chinese queries match title, organization and text through the trigram index', (t) => {
    const { db } = open(t);
    const v = writeImport(db, seedImport());
    const first = searchCases(db, '民情论坛');
    assert.equal(first.length, 1);
    assert.equal(first[0]!.number, 1);
    assert.equal(first[0]!.volumeId, v.id);
    assert.equal(searchCases(db, '康乐路社区党总支')[0]?.number, 1, 'organization');
    const body = searchCases(db, '阳光低保');
    assert.equal(body[0]?.number, 1, 'body text');
    assert.ok(marked(body[0]!).every((m) => m === '阳光低保'));
    assert.ok(marked(body[0]!).length > 0);
    // Digits embedded in Chinese, as printed: 1412户.
    assert.equal(searchCases(db, '1412户')[0]?.number, 1);
    const byOrg = searchCases(db, '兰州大学团委');
    assert.deepEqual(
      byOrg.map((h) => h.number),
      [truth.toc.find((e) => e.organization === '兰州大学团委')!.number],
    );
    assert.deepEqual(searchCases(db, '不存在的词语'), []);
  });

  test('1, 2, 3 and 6 character queries all answer, with every hit highlighted', (t) => {
    const { db } = open(t);
    const v = createVolume(db, { title: '卷' });
    const a = newCase(db, v.id, '党建引领', '村委会带领党员群众修路。', '党员示范岗。');
    const b = newCase(db, v.id, '工会帮扶', '平凉市总工会帮扶困难职工。');
    const c = newCase(db, v.id, '村委换届', '村委会选举顺利完成，村民满意。');
    assert.deepEqual(ids(searchCases(db, '党')), [a.id], '1 character');
    assert.deepEqual(ids(searchCases(db, '村委')), [a.id, c.id], '2 characters');
    assert.deepEqual(ids(searchCases(db, '村委会')), [a.id, c.id], '3 characters');
    assert.deepEqual(ids(searchCases(db, '平凉市总工会')), [b.id], '6 characters');
    assert.deepEqual(ids(searchCases(db, '村委会选举顺利')), [c.id]);
    const party = searchCases(db, '党')[0]!;
    assert.equal(party.matches, 3, 'occurrences in the text, as the editor shows them: 党建, 党员 twice');
    assert.deepEqual(new Set(marked(party)), new Set(['党']));
    // Offsets point into the case's plain text: the editor selects the hit from them.
    const text = `党建引领\n村委会带领党员群众修路。\n党员示范岗。`;
    for (const s of party.snippets) assert.equal(text.slice(s.offset!, s.offset! + s.length), '党');
    assert.deepEqual(
      party.snippets.map((s) => s.offset),
      [0, 10, 18],
      'one excerpt per hit line, in text order',
    );
  });

  test('mixed and multi-term queries need every term; ASCII matches either case', (t) => {
    const { db } = open(t);
    const v = createVolume(db, { title: '卷' });
    const a = newCase(db, v.id, '党建', '支部工作');
    const b = createCase(db, {
      volumeId: v.id,
      title: '工会',
      organization: '平凉市总工会',
      doc: doc('工会', '帮扶职工'),
      who: '甲',
    });
    const c = newCase(db, v.id, 'Model village', '村');
    assert.deepEqual(ids(searchCases(db, '工')), [a.id, b.id], 'text 支部工作 and title 工会');
    assert.deepEqual(ids(searchCases(db, '平凉')), [b.id], 'organization, two characters');
    assert.deepEqual(ids(searchCases(db, 'mo')), [c.id], 'ASCII is case-insensitive like the trigram index');
    assert.deepEqual(ids(searchCases(db, 'MODEL')), [c.id]);
    assert.deepEqual(marked(searchCases(db, 'VILLAGE')[0]!), ['village'], 'the highlight shows the text as written');
    // Mixed: a long term through the index narrowed by a short one.
    assert.deepEqual(ids(searchCases(db, '总工会 帮扶')), [b.id]);
    assert.deepEqual(ids(searchCases(db, '总工会 党')), []);
    assert.deepEqual(ids(searchCases(db, '支部 党')), [a.id], 'two short terms');
    const orgOnly = searchCases(db, '平凉市总工会')[0]!;
    assert.equal(orgOnly.snippets[0]?.field, 'organization', 'a hit outside the text is shown from its column');
    assert.equal(orgOnly.snippets[0]?.offset, null);
    assert.equal(orgOnly.matches, 1, 'counted in its column when the text has none');
  });

  test('exact phrase against every term', (t) => {
    const { db } = open(t);
    const v = createVolume(db, { title: '卷' });
    const together = newCase(db, v.id, '甲', '开展志愿服务活动');
    const apart = newCase(db, v.id, '乙', '服务群众，开展志愿者活动');
    assert.deepEqual(ids(searchCases(db, '志愿 服务')), [together.id, apart.id]);
    assert.deepEqual(ids(searchCases(db, '志愿服务')), [together.id]);
    assert.deepEqual(ids(searchCases(db, '志愿 服务', { exact: true })), [], 'the space is part of the phrase');
    assert.deepEqual(ids(searchCases(db, '开展志愿服务', { exact: true })), [together.id]);
    const r = searchLibrary(db, '  志愿 服务 ', { exact: true });
    assert.deepEqual(r.terms, ['志愿 服务']);
    assert.equal(r.exact, true);
    assert.deepEqual(searchLibrary(db, '志愿 服务 志愿').terms, ['志愿', '服务'], 'terms deduplicated');
  });

  test('ranking: bm25 puts a title hit first; short queries rank by occurrences', (t) => {
    const { db } = open(t);
    const v = createVolume(db, { title: '卷' });
    const inText = newCase(db, v.id, '其他做法', '这里提到一次志愿服务。');
    const inTitle = newCase(db, v.id, '志愿服务暖人心', '内容。');
    assert.deepEqual(
      searchCases(db, '志愿服务').map((h) => h.id),
      [inTitle.id, inText.id],
    );
    const once = newCase(db, v.id, '一', '党');
    const thrice = newCase(db, v.id, '二', '党党', '党');
    const twice = newCase(db, v.id, '三', '党', '党');
    assert.deepEqual(
      searchCases(db, '党').map((h) => [h.id, h.matches]),
      [
        [thrice.id, 3],
        [twice.id, 2],
        [once.id, 1],
      ],
    );
  });

  test('filters: volume, stage, tag; unknown ones are refused', (t) => {
    const { db } = open(t);
    const v1 = createVolume(db, { title: '第一卷' });
    const v2 = createVolume(db, { title: '第二卷' });
    const a = newCase(db, v1.id, '甲', '社区服务');
    const b = newCase(db, v2.id, '乙', '社区服务');
    const c = newCase(db, v2.id, '丙', '社区服务');
    setStage(db, { id: b.id, stage: 'review1', who: '甲' });
    const tag = createTag(db, '社区');
    tagCase(db, c.id, tag.id);
    tagCase(db, a.id, tag.id);
    assert.deepEqual(ids(searchCases(db, '社区')), [a.id, b.id, c.id]);
    assert.deepEqual(ids(searchCases(db, '社区', { volumeId: v2.id })), [b.id, c.id]);
    assert.deepEqual(ids(searchCases(db, '社区服务', { stage: 'review1' })), [b.id]);
    assert.deepEqual(ids(searchCases(db, '社区', { tagId: tag.id })), [a.id, c.id]);
    assert.deepEqual(ids(searchCases(db, '社区', { tagId: tag.id, volumeId: v2.id })), [c.id]);
    assert.deepEqual(ids(searchCases(db, '社区', { stage: 'final' })), []);
    assert.throws(() => searchCases(db, '社区', { volumeId: 99_999 }), isAppError('NOT_FOUND'));
    assert.throws(() => searchCases(db, '社区', { tagId: 99_999 }), isAppError('NOT_FOUND'));
    assert.throws(() => searchCases(db, '社区', { stage: 'nosuchstage' }), isAppError('STAGE_UNKNOWN'));
  });

  test('results are grouped by volume with totals past the limit', (t) => {
    const { db } = open(t);
    const v1 = createVolume(db, { title: '第一卷' });
    const v2 = createVolume(db, { title: '第二卷' });
    newCase(db, v1.id, '甲', '党');
    const best = newCase(db, v2.id, '乙', '党党党');
    newCase(db, v2.id, '丙', '党党');
    newCase(db, v1.id, '丁', '党党');
    const all = searchLibrary(db, '党');
    assert.equal(all.total, 4);
    assert.deepEqual(
      all.volumes.map((g) => [g.title, g.total, g.cases.length]),
      [
        ['第二卷', 2, 2],
        ['第一卷', 2, 2],
      ],
      'the volume of the best hit first',
    );
    assert.equal(all.volumes[0]!.cases[0]!.id, best.id);
    const top = searchLibrary(db, '党', { limit: 2 });
    assert.equal(top.total, 4);
    assert.deepEqual(
      top.volumes.map((g) => [g.volumeId, g.total, g.cases.length]),
      [
        [v2.id, 2, 1],
        [v1.id, 2, 1],
      ],
    );
  });

  test('the page of a hit comes from the block and its page breaks, with the printed number', (t) => {
    const { db } = open(t);
    const v = createVolume(db, { title: '卷' });
    insertPages(db, v.id, [
      { index: 4, printedLabel: null, rawText: '' },
      { index: 5, printedLabel: '1', rawText: '' },
      { index: 6, printedLabel: '2', rawText: '' },
    ]);
    const blocks: Block[] = [
      { kind: 'title', text: '标题', page: 4, breaks: [] },
      { kind: 'body', text: '第一页的文字，跨页以后的党建文字', page: 5, breaks: [{ at: 7, page: 6 }] },
      { kind: 'body', text: '党员', page: 6, breaks: [] },
    ];
    const d: CaseDoc = { version: 1, blocks };
    createCase(db, { volumeId: v.id, title: '标题', doc: d, who: '甲' });
    const [hit] = searchCases(db, '党');
    assert.deepEqual(
      hit!.snippets.map((s) => [s.page, s.printedLabel]),
      [
        [6, '2'],
        [6, '2'],
      ],
    );
    assert.deepEqual(
      searchCases(db, '第一页')[0]!.snippets.map((s) => [s.page, s.printedLabel]),
      [[5, '1']],
    );
    assert.deepEqual(
      searchCases(db, '标题')[0]!.snippets.map((s) => [s.page, s.printedLabel]),
      [[4, null]],
      'an unnumbered page',
    );
  });

  test('a query of only punctuation or whitespace is refused; FTS syntax is searched as text', (t) => {
    const { db } = open(t);
    writeImport(db, seedImport());
    for (const q of ['', '   ', '，。、', '“” ……', '!?', '\u3000']) {
      assert.throws(() => searchLibrary(db, q), isAppError('SEARCH_EMPTY_QUERY'));
      assert.throws(() => searchLibrary(db, q, { exact: true }), isAppError('SEARCH_EMPTY_QUERY'));
    }
    assert.deepEqual(searchLibrary(db, '民情论坛 、').terms, ['民情论坛'], 'a lone punctuation term is dropped');
    // Quotes, operators and parentheses are searched as text, never parsed.
    assert.deepEqual(searchCases(db, '"民情 OR 论坛'), []);
    assert.deepEqual(searchCases(db, 'NEAR(民情'), []);
    assert.deepEqual(searchCases(db, '民情 AND'), []);
    assert.deepEqual(searchCases(db, '* ^民情'), []);
    assert.equal(searchCases(db, '“民情论坛”').length, 1, 'curly quotes as printed are just characters');
  });

  test('the index and the text cache follow create, save, restore and delete', (t) => {
    const { db } = open(t);
    const v = createVolume(db, { title: '卷' });
    const c = createCase(db, { volumeId: v.id, title: '便民服务暖民心', doc: doc('便民服务暖民心', '一站式服务'), who: '甲' });
    assert.deepEqual(ids(searchCases(db, '一站式')), [c.id]);
    assert.deepEqual(ids(searchCases(db, '站')), [c.id]);
    saveCase(db, { id: c.id, version: 1, doc: doc('特色活动聚民心', '义务巡逻队'), title: '特色活动聚民心', who: '甲' });
    assert.deepEqual(searchCases(db, '一站式'), [], 'old text gone from the index');
    assert.deepEqual(searchCases(db, '站'), [], 'and from the short-term scan');
    assert.deepEqual(searchCases(db, '便民服务'), [], 'old title gone from the index');
    assert.deepEqual(ids(searchCases(db, '义务巡逻')), [c.id]);
    assert.deepEqual(ids(searchCases(db, '巡')), [c.id]);
    assert.deepEqual(ids(searchCases(db, '聚民心')), [c.id]);
    const importRev = listRevisions(db, c.id).find((r) => r.kind === 'import')!;
    restoreRevision(db, { caseId: c.id, revisionId: importRev.id, version: 2, who: '乙' });
    assert.deepEqual(ids(searchCases(db, '一站式')), [c.id]);
    assert.deepEqual(ids(searchCases(db, '站')), [c.id]);
    assert.deepEqual(searchCases(db, '义务巡逻'), []);
    assert.deepEqual(searchCases(db, '巡'), []);
    assert.equal(searchCases(db, '站')[0]!.version, 3, 'the listed summary is the current one');
    deleteCase(db, c.id);
    assert.deepEqual(searchCases(db, '一站式'), []);
    assert.deepEqual(searchCases(db, '站'), []);
    assert.deepEqual(checkIntegrity(db), []);
  });

  test('a stage change shows in the listed summary and the stage filter at once', (t) => {
    const { db } = open(t);
    const v = createVolume(db, { title: '卷' });
    const c = newCase(db, v.id, '甲', '社区');
    assert.equal(searchCases(db, '社区')[0]!.stage, 'imported');
    setStage(db, { id: c.id, stage: 'review1', who: '甲' });
    assert.equal(searchCases(db, '社区')[0]!.stage, 'review1');
    assert.deepEqual(ids(searchCases(db, '社区', { stage: 'review1' })), [c.id]);
  });

  test("another connection's commit (an import's worker) is seen by the next search", (t) => {
    const lib = open(t);
    const v = createVolume(lib.db, { title: '卷' });
    const c = newCase(lib.db, v.id, '甲', '旧的文字');
    assert.deepEqual(ids(searchCases(lib.db, '旧')), [c.id]);
    const other = openWorkerConnection(lib.dir);
    t.after(() => other.close());
    saveCase(other, { id: c.id, version: 1, doc: doc('甲', '新的文字'), who: '乙' });
    const d = newCase(other, v.id, '乙', '新来的');
    assert.deepEqual(searchCases(lib.db, '旧'), []);
    assert.deepEqual(ids(searchCases(lib.db, '新')), [c.id, d.id]);
  });

  test('deleting a volume removes its cases from the index and the scan', (t) => {
    const { db } = open(t);
    const v1 = writeImport(db, seedImport());
    const v2 = writeImport(db, seedImport({ volume: { title: '第二卷', sourceName: null, sourceHash: null, scan: null } }));
    assert.equal(searchCases(db, '民情论坛').length, 2);
    assert.equal(searchLibrary(db, '民情').volumes.length, 2);
    deleteVolume(db, v1.id);
    assert.deepEqual(
      searchCases(db, '民情论坛').map((h) => h.volumeId),
      [v2.id],
    );
    assert.deepEqual(
      searchLibrary(db, '民情').volumes.map((g) => g.volumeId),
      [v2.id],
    );
    assert.ok(searchCases(db, '党', { limit: 500 }).every((h) => h.volumeId === v2.id));
    assert.deepEqual(checkIntegrity(db), []);
  });
});
