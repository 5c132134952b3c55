import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../../shared/ipc/errors.ts';
import {
  checkIntegrity,
  getCase,
  getVolume,
  listCases,
  listEvents,
  listPages,
  listRevisions,
  listToc,
  listVolumes,
  searchCases,
  setStage,
  writeImport,
  type Library,
} from '../../../main/store/index.ts';
import { assertBlockIds, withoutBlockIds } from './helpers/blockIds.ts';
import { doc, seedCaseDoc, seedImport, truth, openTemp } from './helpers/fixtures.ts';

const open = openTemp;

/** Everything a library holds, to compare before and after a failed write. */
function snapshot(lib: Library) {
  return listVolumes(lib.db).map((v) => ({
    v,
    pages: listPages(lib.db, v.id),
    toc: listToc(lib.db, v.id),
    cases: listCases(lib.db, v.id).map((c) => ({
      c: getCase(lib.db, c.id),
      revs: listRevisions(lib.db, c.id),
      events: listEvents(lib.db, c.id),
    })),
  }));
}

describe('writeImport', () => {
  test('writes volume, pages, contents and cases, each case with an import revision', (t) => {
    const lib = open(t);
    const input = seedImport({
      volume: {
        title: '创先争优好做法',
        sourceName: 'excerpt.txt',
        sourceHash: 'a'.repeat(64),
        scan: { kind: 'images', files: [], pageCount: 9, offset: -5 },
      },
    });
    const v = writeImport(lib.db, input);
    assert.equal(v.title, '创先争优好做法');
    assert.equal(v.pageCount, truth.pages.length);
    assert.equal(v.caseCount, input.cases.length);
    assert.deepEqual(
      listPages(lib.db, v.id).map((p) => [p.index, p.printedLabel, p.scanPage]),
      truth.pages.map((p) => [p.index, p.printed?.toString() ?? null, p.index >= 5 ? p.index - 5 : null]),
    );
    assert.equal(listToc(lib.db, v.id).length, truth.toc.length);
    const cases = listCases(lib.db, v.id);
    assert.deepEqual(
      cases.map((c) => c.number),
      input.cases.map((c) => c.number),
    );
    const first = getCase(lib.db, cases[0]!.id);
    assert.deepEqual(withoutBlockIds(first.doc), seedCaseDoc());
    assertBlockIds(first.doc);
    assert.deepEqual([first.pageStart, first.pageEnd, first.printedStart, first.printedEnd], [5, 8, '1', '4']);
    for (const c of cases) {
      assert.deepEqual(
        listRevisions(lib.db, c.id).map((r) => [r.version, r.kind, r.who]),
        [[1, 'import', '编辑甲']],
      );
    }
    assert.deepEqual(checkIntegrity(lib.db), []);
  });

  test('a failure mid-write (invalid document in the last case) leaves nothing behind', (t) => {
    const lib = open(t);
    const good = seedImport();
    const bad = seedImport({
      cases: [...good.cases, { ...good.cases[1]!, number: 999, doc: { version: 1, blocks: [{ kind: 'bogus' }] } as never }],
    });
    assert.throws(
      () => writeImport(lib.db, bad),
      (e: unknown) => e instanceof AppError && e.code === 'VALIDATION',
    );
    assert.deepEqual(snapshot(lib), []);
    assert.deepEqual(searchCases(lib.db, '民情论坛'), [], 'no orphan index rows');
    assert.deepEqual(checkIntegrity(lib.db), []);
  });

  test('a failing replace (duplicate page index) keeps the old volume exactly as it was', (t) => {
    const lib = open(t);
    const v = writeImport(lib.db, seedImport());
    const c = listCases(lib.db, v.id)[0]!;
    setStage(lib.db, { id: c.id, stage: 'review2', who: '乙' });
    const before = snapshot(lib);
    const input = seedImport({ replaceVolumeId: v.id });
    const broken = { ...input, pages: [...input.pages, { index: 0, printedLabel: null, rawText: '重复' }] };
    assert.throws(() => writeImport(lib.db, broken), /UNIQUE/);
    assert.deepEqual(snapshot(lib), before);
    assert.throws(
      () => writeImport(lib.db, seedImport({ replaceVolumeId: 999 })),
      (e: unknown) => e instanceof AppError && e.code === 'NOT_FOUND',
    );
    assert.deepEqual(snapshot(lib), before);
  });

  test('replacing re-imports into the same volume id and drops the old cases and their history', (t) => {
    const lib = open(t);
    const v = writeImport(lib.db, seedImport());
    const oldCase = listCases(lib.db, v.id)[0]!;
    const replaced = writeImport(lib.db, {
      volume: { title: '修订版', sourceName: 'excerpt-v2.txt', sourceHash: 'b'.repeat(64), scan: null },
      replaceVolumeId: v.id,
      pages: [{ index: 0, printedLabel: '1', rawText: '新页' }],
      toc: [],
      cases: [
        {
          number: 1,
          title: '新案例',
          organization: '新单位',
          pageStart: 0,
          pageEnd: 0,
          printedStart: '1',
          printedEnd: '1',
          doc: doc('新案例', '新的正文内容'),
        },
      ],
      who: '编辑乙',
    });
    assert.equal(replaced.id, v.id);
    assert.deepEqual(
      [replaced.title, replaced.sourceName, replaced.caseCount, replaced.pageCount],
      ['修订版', 'excerpt-v2.txt', 1, 1],
    );
    assert.equal(replaced.createdAt, v.createdAt);
    assert.deepEqual(listToc(lib.db, v.id), []);
    assert.throws(
      () => getCase(lib.db, oldCase.id),
      (e: unknown) => e instanceof AppError && e.code === 'NOT_FOUND',
    );
    assert.deepEqual(listRevisions(lib.db, oldCase.id), []);
    assert.deepEqual(searchCases(lib.db, '民情论坛'), []);
    assert.equal(searchCases(lib.db, '新的正文')[0]?.volumeId, v.id);
    assert.equal(getVolume(lib.db, v.id).sourceHash, 'b'.repeat(64));
    assert.deepEqual(checkIntegrity(lib.db), []);
  });
});
