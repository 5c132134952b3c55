import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../../shared/ipc/errors.ts';
import {
  createCase,
  createVolume,
  getCase,
  getRevision,
  listRevisions,
  restoreRevision,
  saveCase,
  thinRevisions,
} from '../../../main/store/index.ts';
import { withoutBlockIds } from './helpers/blockIds.ts';
import { doc, seedCaseDoc, openTemp } from './helpers/fixtures.ts';

const open = openTemp;

function conflictAt(version: number) {
  return (e: unknown) => {
    assert.ok(e instanceof AppError);
    assert.equal(e.code, 'CONFLICT');
    assert.equal(e.details?.currentVersion, version);
    return true;
  };
}

describe('saving and history', () => {
  test('save bumps the version and writes a revision; a stale version is a CONFLICT that changes nothing', (t) => {
    const { db } = open(t);
    const v = createVolume(db, { title: '卷' });
    const c = createCase(db, { volumeId: v.id, title: '原标题', doc: seedCaseDoc(), who: '甲' });
    const s1 = saveCase(db, { id: c.id, version: 1, doc: doc('新标题', '甲改过的正文'), title: '新标题', who: '甲' });
    assert.equal(s1.version, 2);
    assert.equal(s1.title, '新标题');
    assert.equal(s1.organization, '', 'an omitted organization is left as it was');

    // A second editor still holding version 1 must not overwrite the first one's save.
    assert.throws(() => saveCase(db, { id: c.id, version: 1, doc: doc('乙的版本'), who: '乙' }), conflictAt(2));
    const now = getCase(db, c.id);
    assert.equal(now.version, 2);
    assert.equal(now.text, '新标题\n甲改过的正文');
    assert.deepEqual(
      listRevisions(db, c.id).map((r) => [r.version, r.kind, r.who]),
      [
        [2, 'save', '甲'],
        [1, 'import', '甲'],
      ],
    );
    assert.throws(
      () => saveCase(db, { id: 999, version: 1, doc: doc('x'), who: '甲' }),
      (e: unknown) => e instanceof AppError && e.code === 'NOT_FOUND',
    );
    assert.throws(
      () => saveCase(db, { id: c.id, version: 2, doc: { version: 1, blocks: [{ kind: 'nope' }] } as never, who: '甲' }),
      (e: unknown) => e instanceof AppError && e.code === 'VALIDATION',
    );
    assert.equal(getCase(db, c.id).version, 2);
  });

  test('restore brings back an old revision as a new version, with its own version check', (t) => {
    const { db } = open(t);
    const v = createVolume(db, { title: '卷' });
    const original = seedCaseDoc();
    const c = createCase(db, { volumeId: v.id, title: '案例', doc: original, who: '甲' });
    saveCase(db, { id: c.id, version: 1, doc: doc('改坏了'), who: '乙' });
    const importRev = listRevisions(db, c.id).find((r) => r.kind === 'import')!;
    const imported = getRevision(db, importRev.id).doc;
    assert.deepEqual(withoutBlockIds(imported), original);
    assert.throws(() => restoreRevision(db, { caseId: c.id, revisionId: importRev.id, version: 1, who: '丙' }), conflictAt(2));
    const restored = restoreRevision(db, { caseId: c.id, revisionId: importRev.id, version: 2, who: '丙' });
    assert.equal(restored.version, 3);
    assert.deepEqual(restored.doc, imported, 'the restored blocks keep the ids they had');
    assert.deepEqual(
      listRevisions(db, c.id).map((r) => [r.version, r.kind, r.who]),
      [
        [3, 'restore', '丙'],
        [2, 'save', '乙'],
        [1, 'import', '甲'],
      ],
    );
    const other = createCase(db, { volumeId: v.id, title: '别的案例', doc: doc('别的'), who: '甲' });
    assert.throws(
      () => restoreRevision(db, { caseId: other.id, revisionId: importRev.id, version: 1, who: '丙' }),
      (e: unknown) => e instanceof AppError && e.code === 'NOT_FOUND',
      'a revision of another case cannot be restored',
    );
  });

  test('thinning keeps the last day, then one per hour, then one per day, and always the import and current revision', (t) => {
    const { db } = open(t);
    const v = createVolume(db, { title: '卷' });
    const now = new Date('2025-06-30T12:00:00.000Z');
    const hour = 3_600_000;
    const ago = (h: number, extraMin = 0) => new Date(now.getTime() - h * hour - extraMin * 60_000).toISOString();
    const c = createCase(db, { volumeId: v.id, title: '案例', doc: doc('v1'), who: '甲', at: ago(24 * 40) });
    // Saves at (hours ago, minutes extra): oldest first so versions rise with time.
    const saves: [number, number][] = [
      [24 * 20, 30],
      [24 * 20, 10], // same day, >7 days old → one kept
      [24 * 19, 0], // another day → kept
      [50, 40],
      [50, 20],
      [50, 5], // same hour, 2 days old → one kept
      [49, 0], // another hour → kept
      [3, 0],
      [2, 30],
      [2, 10],
      [1, 0], // last day → all kept
    ];
    let version = 1;
    for (const [h, m] of saves) {
      version = saveCase(db, { id: c.id, version, doc: doc(`v${version + 1}`), who: '甲', at: ago(h, m) }).version;
    }
    assert.equal(thinRevisions(db, c.id, now), 3);
    const kept = listRevisions(db, c.id)
      .map((r) => r.version)
      .sort((a, b) => a - b);
    // v2/v3 share a day (keep newest v3), v5/v6/v7 share an hour (keep newest v7).
    assert.deepEqual(kept, [1, 3, 4, 7, 8, 9, 10, 11, 12]);
    assert.equal(thinRevisions(db, c.id, now), 0, 'thinning twice changes nothing');
    assert.equal(getCase(db, c.id).text, 'v12');

    // A case left alone for a month: its current revision stays even though it shares a day.
    const idle = createCase(db, { volumeId: v.id, title: '旧案例', doc: doc('a'), who: '甲', at: ago(24 * 30, 50) });
    saveCase(db, { id: idle.id, version: 1, doc: doc('b'), who: '甲', at: ago(24 * 30, 40) });
    saveCase(db, { id: idle.id, version: 2, doc: doc('c'), who: '甲', at: ago(24 * 30, 30) });
    thinRevisions(db, idle.id, now);
    assert.deepEqual(
      listRevisions(db, idle.id).map((r) => [r.version, r.kind]),
      [
        [3, 'save'],
        [1, 'import'],
      ],
    );
  });
});
