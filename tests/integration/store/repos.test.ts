import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../../shared/ipc/errors.ts';
import { docToPlainText } from '../../../shared/model/caseDoc.ts';
import {
  checkIntegrity,
  countCasesByStage,
  createCase,
  createTag,
  createVolume,
  deleteCase,
  deleteTag,
  deleteVolume,
  findVolumeBySourceHash,
  getCase,
  getPage,
  getVolume,
  insertPages,
  listCaseTags,
  listCases,
  listEvents,
  listPages,
  listTaggedCaseIds,
  listTags,
  listToc,
  listVolumes,
  renameTag,
  renameVolume,
  replaceToc,
  setAssignee,
  setPageStatus,
  setStage,
  setVolumeScan,
  tagCase,
  untagCase,
} from '../../../main/store/index.ts';
import { assertBlockIds, withoutBlockIds } from './helpers/blockIds.ts';
import { doc, seedCaseDoc, truth, openTemp } from './helpers/fixtures.ts';

const open = openTemp;

const code = (c: string) => (e: unknown) => e instanceof AppError && e.code === c;

describe('volumesRepo', () => {
  test('create, get, list, rename, find by source hash, delete', (t) => {
    const { db } = open(t);
    const a = createVolume(db, { title: '创先争优好做法', sourceName: 'excerpt.txt', sourceHash: 'f'.repeat(64) });
    const b = createVolume(db, { title: '第二卷' });
    assert.deepEqual(
      { ...a, createdAt: undefined, updatedAt: undefined },
      {
        id: a.id,
        title: '创先争优好做法',
        sourceName: 'excerpt.txt',
        sourceHash: 'f'.repeat(64),
        scan: null,
        caseCount: 0,
        pageCount: 0,
        createdAt: undefined,
        updatedAt: undefined,
      },
    );
    assert.deepEqual(
      listVolumes(db).map((v) => v.id),
      [a.id, b.id],
    );
    assert.equal(renameVolume(db, b.id, '第二卷（修订）').title, '第二卷（修订）');
    assert.equal(findVolumeBySourceHash(db, 'f'.repeat(64))?.id, a.id);
    assert.equal(findVolumeBySourceHash(db, '0'.repeat(64)), null);
    deleteVolume(db, b.id);
    assert.throws(() => getVolume(db, b.id), code('NOT_FOUND'));
    assert.throws(() => renameVolume(db, b.id, 'x'), code('NOT_FOUND'));
    assert.throws(() => deleteVolume(db, b.id), code('NOT_FOUND'));
  });

  test('a scan offset pairs pages with scan pages, and changing it re-pairs them', (t) => {
    const { db } = open(t);
    const v = createVolume(db, { title: '卷' });
    insertPages(
      db,
      v.id,
      truth.pages.map((p) => ({ index: p.index, printedLabel: p.printed?.toString() ?? null, rawText: '' })),
    );
    assert.ok(listPages(db, v.id).every((p) => p.scanPage === null));
    const scan = { kind: 'pdf' as const, files: [`${'ab'.repeat(32)}.pdf`], pageCount: 9, offset: 0 };
    assert.deepEqual(setVolumeScan(db, v.id, scan).scan, scan);
    assert.deepEqual(
      listPages(db, v.id).map((p) => p.scanPage),
      [0, 1, 2, 3, 4, 5, 6, 7, 8],
    );
    setVolumeScan(db, v.id, { ...scan, offset: -2 });
    assert.deepEqual(
      listPages(db, v.id).map((p) => p.scanPage),
      [null, null, 0, 1, 2, 3, 4, 5, 6],
    );
    setVolumeScan(db, v.id, { ...scan, offset: 3 });
    assert.deepEqual(
      listPages(db, v.id).map((p) => p.scanPage),
      [3, 4, 5, 6, 7, 8, null, null, null],
    );
    assert.equal(setVolumeScan(db, v.id, null).scan, null);
    assert.ok(listPages(db, v.id).every((p) => p.scanPage === null));
    assert.throws(() => setVolumeScan(db, 999, scan), code('NOT_FOUND'));
  });

  test('deleting a volume removes its pages, cases, history, tags and contents', (t) => {
    const { db } = open(t);
    const v = createVolume(db, { title: '卷' });
    const keep = createVolume(db, { title: '留下的卷' });
    insertPages(db, v.id, [{ index: 0, printedLabel: '1', rawText: '正文' }]);
    replaceToc(db, v.id, truth.toc);
    const c = createCase(db, { volumeId: v.id, title: '民情论坛', doc: seedCaseDoc(), who: '甲' });
    const other = createCase(db, { volumeId: keep.id, title: '另一卷的案例', doc: doc('另一卷的案例'), who: '甲' });
    const tag = createTag(db, '社区');
    tagCase(db, c.id, tag.id);
    tagCase(db, other.id, tag.id);
    deleteVolume(db, v.id);
    assert.deepEqual(listPages(db, v.id), []);
    assert.deepEqual(listCases(db, v.id), []);
    assert.deepEqual(listToc(db, v.id), []);
    assert.deepEqual(listEvents(db, c.id), []);
    assert.deepEqual(listTaggedCaseIds(db, tag.id), [other.id]);
    assert.equal(getCase(db, other.id).title, '另一卷的案例');
    assert.deepEqual(checkIntegrity(db), []);
  });
});

describe('pagesRepo', () => {
  test('insert, list in order, get, set status; duplicates fail as a whole', (t) => {
    const { db } = open(t);
    const v = createVolume(db, { title: '卷' });
    insertPages(db, v.id, [
      { index: 1, printedLabel: null, rawText: '第二页' },
      { index: 0, printedLabel: null, rawText: '第一页', status: 'empty' },
    ]);
    const pages = listPages(db, v.id);
    assert.deepEqual(
      pages.map((p) => [p.index, p.rawText, p.status]),
      [
        [0, '第一页', 'empty'],
        [1, '第二页', 'unproofed'],
      ],
    );
    assert.equal(getVolume(db, v.id).pageCount, 2);
    const p = setPageStatus(db, pages[1]!.id, 'problem');
    assert.equal(p.status, 'problem');
    assert.deepEqual(getPage(db, p.id), p);
    assert.throws(() => setPageStatus(db, 999, 'proofed'), code('NOT_FOUND'));
    assert.throws(
      () =>
        insertPages(db, v.id, [
          { index: 2, printedLabel: null, rawText: '' },
          { index: 0, printedLabel: null, rawText: '' },
        ]),
      /UNIQUE/,
    );
    assert.equal(listPages(db, v.id).length, 2, 'page 2 was rolled back with the duplicate');
  });
});

describe('casesRepo', () => {
  test('create and read back a case, with its origin revision and creation event', (t) => {
    const { db } = open(t);
    const v = createVolume(db, { title: '卷' });
    const d = seedCaseDoc();
    const c = createCase(db, {
      volumeId: v.id,
      number: 1,
      title: truth.cases[0]!.title,
      organization: truth.cases[0]!.organization,
      pageStart: 5,
      pageEnd: 8,
      printedStart: '1',
      printedEnd: '4',
      doc: d,
      who: '编辑甲',
    });
    assert.equal(c.version, 1);
    assert.equal(c.stage, 'imported');
    assert.deepEqual(withoutBlockIds(c.doc), d);
    assertBlockIds(c.doc);
    assert.equal(c.text, docToPlainText(d));
    assert.deepEqual(getCase(db, c.id), c);
    assert.deepEqual(
      listEvents(db, c.id).map((e) => [e.fromStage, e.toStage, e.who]),
      [[null, 'imported', '编辑甲']],
    );
    assert.equal(getVolume(db, v.id).caseCount, 1);
    assert.throws(() => getCase(db, 999), code('NOT_FOUND'));
    assert.throws(
      () => createCase(db, { volumeId: v.id, title: 'x', doc: { version: 2, blocks: [] } as never, who: '甲' }),
      code('VALIDATION'),
    );
    assert.throws(() => createCase(db, { volumeId: 999, title: 'x', doc: doc('x'), who: '甲' }), /FOREIGN KEY/);
  });

  test('list orders by number and filters by stage; stage changes are recorded events', (t) => {
    const { db } = open(t);
    const v = createVolume(db, { title: '卷' });
    const ids = [3, 1, 2].map(
      (n) => createCase(db, { volumeId: v.id, number: n, title: `案例${n}`, doc: doc(`案例${n}`), who: '甲' }).id,
    );
    assert.deepEqual(
      listCases(db, v.id).map((c) => c.number),
      [1, 2, 3],
    );
    const moved = setStage(db, { id: ids[0]!, stage: 'review1', who: '乙', note: '请初审' });
    assert.equal(moved.stage, 'review1');
    assert.equal(moved.version, 1, 'a stage change does not bump the document version');
    setStage(db, { id: ids[0]!, stage: 'review1', who: '乙' });
    setStage(db, { id: ids[0]!, stage: 'imported', who: '丙', note: '退回' });
    assert.deepEqual(
      listEvents(db, ids[0]!).map((e) => [e.fromStage, e.toStage, e.who, e.note]),
      [
        [null, 'imported', '甲', null],
        ['imported', 'review1', '乙', '请初审'],
        ['review1', 'imported', '丙', '退回'],
      ],
    );
    setStage(db, { id: ids[1]!, stage: 'final', who: '乙' });
    assert.deepEqual(
      listCases(db, v.id, { stage: 'final' }).map((c) => c.id),
      [ids[1]],
    );
    assert.equal(countCasesByStage(db, v.id).imported, 2);
    assert.equal(countCasesByStage(db, v.id).final, 1);
    assert.equal(countCasesByStage(db, v.id).proof3, 0);
    assert.equal(setAssignee(db, ids[2]!, '丁').assignee, '丁');
    assert.throws(() => setStage(db, { id: 999, stage: 'final', who: '乙' }), code('NOT_FOUND'));
    deleteCase(db, ids[2]!);
    assert.deepEqual(
      listCases(db, v.id).map((c) => c.number),
      [1, 3],
    );
  });
});

describe('tocRepo and tagsRepo', () => {
  test('table of contents is stored in order and replaced as a whole', (t) => {
    const { db } = open(t);
    const v = createVolume(db, { title: '卷' });
    replaceToc(db, v.id, truth.toc);
    assert.deepEqual(
      listToc(db, v.id).map(({ number, title, organization, page }) => ({ number, title, organization, page })),
      truth.toc,
    );
    replaceToc(db, v.id, truth.toc.slice(0, 2));
    assert.equal(listToc(db, v.id).length, 2);
  });

  test('tags: create is idempotent (case-insensitive), tag/untag, rename conflicts, delete', (t) => {
    const { db } = open(t);
    const v = createVolume(db, { title: '卷' });
    const c = createCase(db, { volumeId: v.id, title: '案例', doc: doc('案例'), who: '甲' });
    const a = createTag(db, '社区服务');
    assert.equal(createTag(db, ' 社区服务 ').id, a.id);
    const en = createTag(db, 'Model');
    assert.equal(createTag(db, 'model').id, en.id);
    assert.throws(() => createTag(db, '  '), code('VALIDATION'));
    tagCase(db, c.id, a.id);
    tagCase(db, c.id, a.id);
    tagCase(db, c.id, en.id);
    assert.deepEqual(
      listCaseTags(db, c.id).map((x) => x.name),
      ['Model', '社区服务'],
    );
    untagCase(db, c.id, en.id);
    assert.deepEqual(
      listCaseTags(db, c.id).map((x) => x.id),
      [a.id],
    );
    assert.throws(() => renameTag(db, en.id, '社区服务'), code('CONFLICT'));
    assert.equal(renameTag(db, en.id, '典型').name, '典型');
    assert.throws(() => tagCase(db, 999, a.id), code('NOT_FOUND'));
    deleteTag(db, a.id);
    assert.deepEqual(listCaseTags(db, c.id), []);
    assert.deepEqual(
      listTags(db).map((x) => x.name),
      ['典型'],
    );
  });
});
