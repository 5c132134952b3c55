// Tag colours, a volume's tag map and the bulk edits of the case table, on a real SQLite file.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DatabaseSync } from 'node:sqlite';
import {
  assignCases,
  createCase,
  createTag,
  createVolume,
  deleteTag,
  getCaseSummary,
  listAssignees,
  listCaseTags,
  listTagUsage,
  listTags,
  setTagColor,
  tagCase,
  tagCases,
  untagCases,
  volumeTagMap,
} from '../../../main/store/index.ts';
import { isAppError } from './helpers/appError.ts';
import { doc, openTemp } from './helpers/fixtures.ts';

function volumeWithCases(db: DatabaseSync, title: string, n: number): number[] {
  const v = createVolume(db, { title });
  return Array.from(
    { length: n },
    (_, i) =>
      createCase(db, { volumeId: v.id, number: i + 1, title: `${title}案例${i + 1}`, doc: doc(`案例${i + 1}`), who: '甲' }).id,
  );
}

const tagNames = (db: DatabaseSync, caseId: number) => listCaseTags(db, caseId).map((t) => t.name);

describe('tag colours', () => {
  test('a colour is stored lowercase, cleared with an empty string; bad colours and unknown tags are refused', (t) => {
    const { db } = openTemp(t);
    const tag = createTag(db, '社区');
    assert.equal(tag.color, '');
    assert.equal(setTagColor(db, tag.id, '#3B73C4').color, '#3b73c4');
    assert.equal(listTags(db)[0]!.color, '#3b73c4');
    assert.equal(setTagColor(db, tag.id, '').color, '');
    for (const bad of ['red', '#12345', '#1234567', '#gggggg', 'url(x)']) {
      assert.throws(() => setTagColor(db, tag.id, bad), isAppError('VALIDATION'), bad);
    }
    assert.equal(listTags(db)[0]!.color, '');
    assert.throws(() => setTagColor(db, 999, '#000000'), isAppError('NOT_FOUND'));
  });
});

describe('tag map and usage', () => {
  test('the map lists each tagged case of the volume with its tag ids by name; usage counts the whole library', (t) => {
    const { db } = openTemp(t);
    const [a, b, c] = volumeWithCases(db, '卷一', 3) as [number, number, number];
    const [other] = volumeWithCases(db, '卷二', 1) as [number];
    const rural = createTag(db, '农村');
    const community = createTag(db, '社区');
    tagCase(db, a, community.id);
    tagCase(db, a, rural.id);
    tagCase(db, c, community.id);
    tagCase(db, other, community.id);
    const volumeId = getCaseSummary(db, a).volumeId;
    const byName = [rural, community].sort((x, y) => (x.name < y.name ? -1 : 1)).map((x) => x.id);
    assert.deepEqual(volumeTagMap(db, volumeId), [
      { caseId: a, tagIds: byName },
      { caseId: c, tagIds: [community.id] },
    ]);
    assert.ok(!volumeTagMap(db, volumeId).some((e) => e.caseId === b));
    assert.deepEqual(
      listTagUsage(db).map((u) => [u.name, u.cases]),
      listTags(db).map((tag) => [tag.name, tag.id === community.id ? 3 : 1]),
    );
    deleteTag(db, community.id);
    assert.deepEqual(volumeTagMap(db, volumeId), [{ caseId: a, tagIds: [rural.id] }]);
  });
});

describe('bulk tagging', () => {
  test('tags many cases by name at once, creating the tag with its colour; tagging again changes nothing', (t) => {
    const { db } = openTemp(t);
    const ids = volumeWithCases(db, '卷', 4);
    const first = tagCases(db, ids.slice(0, 3), ' 社区 ', '#D64545');
    assert.equal(first.tag.name, '社区');
    assert.equal(first.tag.color, '#d64545');
    assert.equal(first.changed, 3);
    const again = tagCases(db, [...ids.slice(0, 3), ids[3]!, ids[3]!], '社区', '#000000');
    assert.equal(again.changed, 1, 'only the untagged case is counted, duplicates once');
    assert.equal(again.tag.color, '#d64545', 'a colour only goes with a tag the call creates');
    assert.deepEqual(
      ids.map((id) => tagNames(db, id)),
      ids.map(() => ['社区']),
    );
    assert.equal(listTags(db).length, 1);
  });

  test('an unknown case id refuses the whole call: no case tagged, no tag created', (t) => {
    const { db } = openTemp(t);
    const ids = volumeWithCases(db, '卷', 2);
    assert.throws(
      () => tagCases(db, [...ids, 9001, 9002], '企业'),
      isAppError('NOT_FOUND', (e) => assert.deepEqual((e.details as { ids: number[] }).ids, [9001, 9002])),
    );
    assert.deepEqual(listTags(db), []);
    assert.deepEqual(
      ids.map((id) => tagNames(db, id)),
      [[], []],
    );
    assert.throws(() => tagCases(db, ids, '   '), isAppError('VALIDATION'));
    assert.deepEqual(listTags(db), []);
  });

  test('untags many cases at once; unknown cases or tags refuse it with nothing removed', (t) => {
    const { db } = openTemp(t);
    const ids = volumeWithCases(db, '卷', 3);
    const { tag } = tagCases(db, ids, '高校');
    assert.throws(() => untagCases(db, [ids[0]!, 9001], tag.id), isAppError('NOT_FOUND'));
    assert.throws(() => untagCases(db, ids, 9001), isAppError('NOT_FOUND'));
    assert.deepEqual(
      ids.map((id) => tagNames(db, id)),
      ids.map(() => ['高校']),
    );
    assert.deepEqual(untagCases(db, ids.slice(0, 2), tag.id), { changed: 2 });
    assert.deepEqual(untagCases(db, ids.slice(0, 2), tag.id), { changed: 0 });
    assert.deepEqual(
      ids.map((id) => tagNames(db, id)),
      [[], [], ['高校']],
    );
  });
});

describe('bulk assigning', () => {
  test('assigns and clears many cases at once, counting only real changes; lists the distinct assignees', (t) => {
    const { db } = openTemp(t);
    const ids = volumeWithCases(db, '卷', 4);
    assert.deepEqual(assignCases(db, ids.slice(0, 3), '王编辑'), { changed: 3 });
    assert.deepEqual(assignCases(db, ids, '王编辑'), { changed: 1 });
    assert.deepEqual(assignCases(db, [ids[3]!], '李校对'), { changed: 1 });
    assert.deepEqual(
      listAssignees(db),
      [
        { name: '李校对', cases: 1 },
        { name: '王编辑', cases: 3 },
      ].sort((x, y) => (x.name < y.name ? -1 : 1)),
    );
    assert.deepEqual(assignCases(db, [ids[0]!, ids[1]!], null), { changed: 2 });
    assert.deepEqual(
      ids.map((id) => getCaseSummary(db, id).assignee),
      [null, null, '王编辑', '李校对'],
    );
  });

  test('an unknown case id refuses the whole call with nothing written', (t) => {
    const { db } = openTemp(t);
    const ids = volumeWithCases(db, '卷', 2);
    assert.throws(() => assignCases(db, [...ids, 9001], '王编辑'), isAppError('NOT_FOUND'));
    assert.deepEqual(
      ids.map((id) => getCaseSummary(db, id).assignee),
      [null, null],
    );
    assert.deepEqual(listAssignees(db), []);
  });
});
