import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkIntegrity,
  createCase,
  createVolume,
  deleteCase,
  deleteVolume,
  restoreRevision,
  listRevisions,
  saveCase,
  searchCases,
  writeImport,
} from '../../../main/store/index.ts';
import { doc, seedImport, truth, openTemp } from './helpers/fixtures.ts';

const open = openTemp;

const ids = (hits: { id: number }[]) => hits.map((h) => h.id).sort((a, b) => a - b);

describe('searchCases', () => {
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
    assert.match(body[0]!.snippet, /阳光低保/);
    // Digits embedded in Chinese, as printed: 1412户.
    assert.equal(searchCases(db, '1412户')[0]?.number, 1);
    const byOrg = searchCases(db, '兰州大学团委');
    assert.deepEqual(
      byOrg.map((h) => h.number),
      [truth.toc.find((e) => e.organization === '兰州大学团委')!.number],
    );
    assert.deepEqual(searchCases(db, '不存在的词语'), []);
    assert.deepEqual(searchCases(db, '   '), []);
  });

  test('1–2 character queries fall back to substring matching', (t) => {
    const { db } = open(t);
    const v = createVolume(db, { title: '卷' });
    const a = createCase(db, { volumeId: v.id, title: '党建', doc: doc('党建', '支部工作'), who: '甲' });
    const b = createCase(db, {
      volumeId: v.id,
      title: '工会',
      organization: '平凉市总工会',
      doc: doc('工会', '帮扶职工'),
      who: '甲',
    });
    const c = createCase(db, { volumeId: v.id, title: 'Model village', doc: doc('Model village', '村'), who: '甲' });
    assert.deepEqual(ids(searchCases(db, '党')), [a.id]);
    assert.deepEqual(ids(searchCases(db, '工')), [a.id, b.id], 'text 支部工作 and title 工会');
    assert.deepEqual(ids(searchCases(db, '平凉')), [b.id], 'organization, two characters');
    assert.deepEqual(ids(searchCases(db, '村')), [c.id]);
    assert.deepEqual(ids(searchCases(db, 'mo')), [c.id], 'ASCII is case-insensitive like the trigram index');
    assert.deepEqual(ids(searchCases(db, 'MODEL')), [c.id]);
    // Mixed: a long term through the index narrowed by a short one.
    assert.deepEqual(ids(searchCases(db, '总工会 帮扶')), [b.id]);
    assert.deepEqual(ids(searchCases(db, '总工会 党')), []);
  });

  test('the index follows create, save, restore and delete in the same transaction', (t) => {
    const { db } = open(t);
    const v = createVolume(db, { title: '卷' });
    const c = createCase(db, { volumeId: v.id, title: '便民服务暖民心', doc: doc('便民服务暖民心', '一站式服务'), who: '甲' });
    assert.deepEqual(ids(searchCases(db, '一站式')), [c.id]);
    saveCase(db, { id: c.id, version: 1, doc: doc('特色活动聚民心', '义务巡逻队'), title: '特色活动聚民心', who: '甲' });
    assert.deepEqual(searchCases(db, '一站式'), [], 'old text gone from the index');
    assert.deepEqual(searchCases(db, '便民服务'), [], 'old title gone from the index');
    assert.deepEqual(ids(searchCases(db, '义务巡逻')), [c.id]);
    assert.deepEqual(ids(searchCases(db, '聚民心')), [c.id]);
    const importRev = listRevisions(db, c.id).find((r) => r.kind === 'import')!;
    restoreRevision(db, { caseId: c.id, revisionId: importRev.id, version: 2, who: '乙' });
    assert.deepEqual(ids(searchCases(db, '一站式')), [c.id]);
    assert.deepEqual(searchCases(db, '义务巡逻'), []);
    deleteCase(db, c.id);
    assert.deepEqual(searchCases(db, '一站式'), []);
    assert.deepEqual(searchCases(db, '站'), []);
    assert.deepEqual(checkIntegrity(db), []);
  });

  test('volume filter, FTS syntax in the query, and cascade deletes', (t) => {
    const { db } = open(t);
    const v1 = writeImport(db, seedImport());
    const v2 = writeImport(db, seedImport({ volume: { title: '第二卷', sourceName: null, sourceHash: null, scan: null } }));
    assert.equal(searchCases(db, '民情论坛').length, 2);
    assert.deepEqual(
      searchCases(db, '民情论坛', { volumeId: v2.id }).map((h) => h.volumeId),
      [v2.id],
    );
    assert.equal(searchCases(db, '民情论坛', { limit: 1 }).length, 1);
    // Quotes, operators and parentheses are searched as text, never parsed.
    assert.deepEqual(searchCases(db, '"民情 OR 论坛'), []);
    assert.equal(searchCases(db, '“民情论坛”').length, 2, 'curly quotes as printed are just characters');
    assert.deepEqual(searchCases(db, 'NEAR(民情'), []);
    deleteVolume(db, v1.id);
    assert.deepEqual(
      searchCases(db, '民情论坛').map((h) => h.volumeId),
      [v2.id],
    );
    assert.deepEqual(checkIntegrity(db), []);
  });
});
