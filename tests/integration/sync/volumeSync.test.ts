import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { appendEvent, caseState, listEvents, openLibrary, writeImport, type Library } from '../../../main/store/index.ts';
import { clearReviewMark, markMergedCase } from '../../../main/sync/reviewMarks.ts';
import { applyVolumeToLibrary, publishVolume, volumeBase, volumeStateFromLibrary } from '../../../main/sync/volumeSync.ts';
import { readVolume, rejectEvent, writeVolume } from '../../../shared/sync/volumeDoc.ts';
import { newSharedDoc } from '../../../shared/sync/yDoc.ts';
import { checkRemoteEvent } from '../../../shared/workflow/remoteCheck.ts';
import { DEFAULT_WORKFLOW } from '../../../shared/workflow/settings.ts';
import { seedImport, tempDir } from '../store/helpers/fixtures.ts';

/** Two machines' copies of one library (the file copied while closed: same uuids). */
function twoMachines(t: TestContext): [Library, Library, number] {
  const a = tempDir(t, 'cbw-vol-a-');
  const b = tempDir(t, 'cbw-vol-b-');
  const lib = openLibrary(a);
  const volumeId = writeImport(lib.db, seedImport()).id;
  lib.close();
  fs.copyFileSync(path.join(a, 'library.sqlite'), path.join(b, 'library.sqlite'));
  const la = openLibrary(a);
  const lb = openLibrary(b);
  t.after(() => {
    la.close();
    lb.close();
  });
  return [la, lb, volumeId];
}

function exchange(x: Y.Doc, y: Y.Doc): void {
  const vx = Y.encodeStateVector(x);
  const vy = Y.encodeStateVector(y);
  const toY = Y.encodeStateAsUpdate(x, vy);
  const toX = Y.encodeStateAsUpdate(y, vx);
  Y.applyUpdate(y, toY, 'remote');
  Y.applyUpdate(x, toX, 'remote');
}

function firstCase(lib: Library, volumeId: number): { id: number; uuid: string } {
  const r = lib.db.prepare('SELECT id, uuid FROM cases WHERE volume_id = ? ORDER BY id LIMIT 1').get(volumeId)!;
  return { id: Number(r.id), uuid: String(r.uuid) };
}

test('a fresh library gets the volume, its cases, page statuses and workflow log from the volume document', (t) => {
  const src = openLibrary(tempDir(t, 'cbw-vol-src-'));
  t.after(() => src.close());
  const volumeId = writeImport(src.db, seedImport()).id;
  const c = firstCase(src, volumeId);
  appendEvent(src.db, { caseId: c.id, kind: 'signoff', fromStage: 'imported', toStage: 'review1', who: '甲' });
  src.db.prepare('UPDATE pages SET status = ? WHERE volume_id = ? AND idx = 5').run('proofed', volumeId);
  const volumeUuid = String(src.db.prepare('SELECT uuid FROM volumes WHERE id = ?').get(volumeId)!.uuid);

  const doc = newSharedDoc();
  writeVolume(doc, volumeStateFromLibrary(src.db, volumeId));
  const fresh = openLibrary(tempDir(t, 'cbw-vol-fresh-'));
  t.after(() => fresh.close());
  // A new machine has the pages from the import data it fetched; here, the same rows (statuses reset).
  const applied = applyVolumeToLibrary(fresh.db, volumeUuid, readVolume(doc));
  assert.equal(applied.createdCases.length, Object.keys(readVolume(doc).cases).length);
  const mine = fresh.db.prepare('SELECT id FROM cases WHERE uuid = ?').get(c.uuid)!;
  assert.equal(caseState(fresh.db, Number(mine.id)).stage, 'review1');
  assert.equal(caseState(fresh.db, Number(mine.id)).lastSigner, '甲');
  assert.deepEqual(
    listEvents(fresh.db, Number(mine.id)).map((e) => e.uuid),
    listEvents(src.db, c.id).map((e) => e.uuid),
  );
  const titles = (l: Library) =>
    l.db
      .prepare('SELECT uuid, title, organization, number FROM cases ORDER BY uuid')
      .all()
      .map((r) => ({ ...r }));
  assert.deepEqual(titles(fresh), titles(src));
});

test('two sign-offs of the same pass made apart are both kept, the fork is flagged on both machines, and a later action resolves it', (t) => {
  const [a, b, volumeId] = twoMachines(t);
  const c = firstCase(a, volumeId);
  const volumeUuid = String(a.db.prepare('SELECT uuid FROM volumes WHERE id = ?').get(volumeId)!.uuid);
  const da = newSharedDoc();
  const db = newSharedDoc();
  // The server's seed reaches both machines.
  writeVolume(da, volumeStateFromLibrary(a.db, volumeId));
  Y.applyUpdate(db, Y.encodeStateAsUpdate(da));

  // Apart: 甲 signs 初审 on machine A, 乙 signs the same pass on machine B.
  const ea = appendEvent(a.db, { caseId: c.id, kind: 'signoff', fromStage: 'imported', toStage: 'review1', who: '甲' });
  const eb = appendEvent(b.db, { caseId: c.id, kind: 'signoff', fromStage: 'imported', toStage: 'review1', who: '乙' });
  assert.equal(ea.prev, eb.prev, 'both appended after the creation event');
  publishVolume(a.db, volumeId, da, () => null);
  publishVolume(b.db, volumeId, db, () => null);
  exchange(da, db);
  applyVolumeToLibrary(a.db, volumeUuid, readVolume(da));
  applyVolumeToLibrary(b.db, volumeUuid, readVolume(db));

  for (const lib of [a, b]) {
    const state = caseState(lib.db, c.id);
    assert.equal(state.stage, 'review1');
    assert.deepEqual([...(state.conflict ?? [])].sort(), [ea.uuid, eb.uuid].sort());
    assert.equal(listEvents(lib.db, c.id).filter((e) => e.kind === 'signoff').length, 2);
  }
  const portable = (lib: Library) => listEvents(lib.db, c.id).map(({ id: _id, ...e }) => e);
  assert.deepEqual(portable(a), portable(b), 'the same log, in the same order, on both machines');

  // 丙 on machine A signs 复审 seeing the conflict: the new event closes both heads.
  const resolved = appendEvent(a.db, { caseId: c.id, kind: 'signoff', fromStage: 'review1', toStage: 'review2', who: '丙' });
  assert.equal(resolved.merges?.length, 1);
  publishVolume(a.db, volumeId, da, () => null);
  exchange(da, db);
  applyVolumeToLibrary(b.db, volumeUuid, readVolume(db));
  assert.equal(caseState(b.db, c.id).conflict, undefined);
  assert.equal(caseState(b.db, c.id).stage, 'review2');
});

test("the server's refusal of a sign-off by the previous pass's signer is kept in the log and leaves the stage alone", (t) => {
  const [a, b, volumeId] = twoMachines(t);
  const c = firstCase(a, volumeId);
  const volumeUuid = String(a.db.prepare('SELECT uuid FROM volumes WHERE id = ?').get(volumeId)!.uuid);
  appendEvent(a.db, { caseId: c.id, kind: 'signoff', fromStage: 'imported', toStage: 'review1', who: '甲' });
  // 甲 signs the next pass too, on a machine whose library allows it (the server's does not).
  const second = appendEvent(a.db, { caseId: c.id, kind: 'signoff', fromStage: 'review1', toStage: 'review2', who: '甲' });
  const before = listEvents(a.db, c.id).filter((e) => e.uuid !== second.uuid);
  assert.equal(checkRemoteEvent(DEFAULT_WORKFLOW, before, second, '甲'), 'sync.sameSigner');
  assert.equal(checkRemoteEvent(DEFAULT_WORKFLOW, before, second, '乙'), 'sync.otherSigner');
  assert.equal(checkRemoteEvent(DEFAULT_WORKFLOW, before, { ...second, who: '乙' }, '乙'), null);

  const doc = newSharedDoc();
  publishVolume(a.db, volumeId, doc, () => null);
  rejectEvent(doc, second.uuid, 'sync.sameSigner', new Date().toISOString());
  applyVolumeToLibrary(b.db, volumeUuid, readVolume(doc));
  applyVolumeToLibrary(a.db, volumeUuid, readVolume(doc));
  for (const lib of [a, b]) {
    assert.equal(caseState(lib.db, c.id).stage, 'review1');
    assert.equal(listEvents(lib.db, c.id).find((e) => e.uuid === second.uuid)?.rejected, 'sync.sameSigner');
  }
});

test('a review mark the server writes reaches every machine with the sign-off it starts from; cleared on one, it is cleared on all', (t) => {
  const [a, b, volumeId] = twoMachines(t);
  const [signed, unsigned] = a.db
    .prepare('SELECT id, uuid FROM cases WHERE volume_id = ? ORDER BY id LIMIT 2')
    .all(volumeId)
    .map((r) => ({ id: Number(r.id), uuid: String(r.uuid) }));
  const volumeUuid = String(a.db.prepare('SELECT uuid FROM volumes WHERE id = ?').get(volumeId)!.uuid);
  const signoff = appendEvent(a.db, {
    caseId: signed!.id,
    kind: 'signoff',
    fromStage: 'imported',
    toStage: 'review1',
    who: '甲',
  });
  const server = newSharedDoc();
  publishVolume(a.db, volumeId, server, () => null);
  const docs = [newSharedDoc(), newSharedDoc()] as const;
  exchange(server, docs[0]);
  exchange(server, docs[1]);
  const bases = docs.map((d) => volumeBase(readVolume(d)));
  applyVolumeToLibrary(b.db, volumeUuid, readVolume(docs[1]), bases[1]);

  // The server marks the merged cases; only a signed one takes the mark.
  assert.equal(markMergedCase(server, signed!.uuid, '2026-12-01T10:00:00.000Z'), true);
  assert.equal(markMergedCase(server, unsigned!.uuid, '2026-12-01T10:00:00.000Z'), false);
  const marks = (lib: Library) =>
    lib.db
      .prepare('SELECT case_id, event_uuid, marked_at FROM sync_reviews')
      .all()
      .map((r) => ({ ...r }));
  for (const [i, lib] of [a, b].entries()) {
    exchange(server, docs[i]!);
    applyVolumeToLibrary(lib.db, volumeUuid, readVolume(docs[i]!), bases[i]);
    assert.deepEqual(marks(lib), [{ case_id: signed!.id, event_uuid: signoff.uuid, marked_at: '2026-12-01T10:00:00.000Z' }]);
  }

  // Reviewed on A: the clear goes out with A's volume, and B's mark goes.
  clearReviewMark(a.db, signed!.id);
  publishVolume(a.db, volumeId, docs[0], () => null, null, bases[0]);
  exchange(docs[0], server);
  exchange(server, docs[1]);
  applyVolumeToLibrary(b.db, volumeUuid, readVolume(docs[1]), bases[1]);
  assert.deepEqual(marks(b), []);
  // B publishing afterwards does not bring the mark back, and A's rows stay cleared.
  publishVolume(b.db, volumeId, docs[1], () => null, null, bases[1]);
  exchange(docs[1], server);
  exchange(server, docs[0]);
  applyVolumeToLibrary(a.db, volumeUuid, readVolume(docs[0]), bases[0]);
  assert.deepEqual(marks(a), []);

  // A later merge marks it again.
  markMergedCase(server, signed!.uuid, '2026-12-02T09:00:00.000Z');
  exchange(server, docs[1]);
  applyVolumeToLibrary(b.db, volumeUuid, readVolume(docs[1]), bases[1]);
  assert.equal(marks(b)[0]?.marked_at, '2026-12-02T09:00:00.000Z');
});
