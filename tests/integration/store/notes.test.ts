import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { DatabaseSync } from 'node:sqlite';
import type { Block, CaseDoc } from '../../../shared/model/caseDoc.ts';
import {
  addNote,
  addReply,
  countOpenNotes,
  createCase,
  createVolume,
  getCase,
  listNotes,
  listRevisions,
  restoreRevision,
  saveCase,
  setNoteResolved,
} from '../../../main/store/index.ts';
import { isAppError } from './helpers/appError.ts';
import * as blockIdsMigration from '../../../main/store/migrations/0006-block-ids.ts';
import { assertBlockIds } from './helpers/blockIds.ts';
import { doc, openTemp } from './helpers/fixtures.ts';

/** A case of five blocks (title 标题, then 第一段 … 第四段), with the ids the store gave them. */
function fiveBlocks(db: DatabaseSync) {
  const v = createVolume(db, { title: '卷' });
  const c = createCase(db, {
    volumeId: v.id,
    title: '标题',
    doc: doc('标题', '第一段', '第二段', '第三段', '第四段'),
    who: '甲',
  });
  assertBlockIds(c.doc);
  return { caseId: c.id, blocks: c.doc.blocks };
}

/** Saves `blocks` over the case's current version. */
function save(db: DatabaseSync, caseId: number, blocks: Block[]): CaseDoc {
  const { version } = getCase(db, caseId);
  saveCase(db, { id: caseId, version, doc: { version: 1, blocks }, who: '甲' });
  return getCase(db, caseId).doc;
}

const body = (text: string): Block => ({ kind: 'body', text, page: 0, breaks: [] });

describe('notes', () => {
  test('a note with replies, resolved and reopened; only open notes count, never replies', (t) => {
    const { db } = openTemp(t);
    const { caseId, blocks } = fiveBlocks(db);
    const noteId = addNote(db, {
      caseId,
      blockId: blocks[2]!.id!,
      body: '这段数字要核对',
      author: '王编辑',
      at: '2026-01-02T03:04:05.000Z',
    });
    addNote(db, { caseId, blockId: blocks[1]!.id!, body: '标点', author: '李校对' });
    const replyThread = addReply(db, { noteId, body: '已核对原稿', author: '李校对' });
    assert.equal(replyThread, caseId);
    // A reply to a reply joins the same thread.
    const [, second] = listNotes(db, caseId);
    addReply(db, { noteId: second!.replies[0]?.id ?? noteId, body: '同意', author: '王编辑' });

    const notes = listNotes(db, caseId);
    assert.deepEqual(
      notes.map((n) => [n.blockIndex, n.author, n.body, n.replies.map((r) => r.body)]),
      [
        [1, '李校对', '标点', []],
        [2, '王编辑', '这段数字要核对', ['已核对原稿', '同意']],
      ],
      'in document order, replies oldest first',
    );
    const note = notes[1]!;
    assert.equal(note.quote, '第二段');
    assert.equal(note.blockId, blocks[2]!.id);
    assert.equal(note.at, '2026-01-02T03:04:05.000Z');
    assert.match(note.uuid, /^[0-9a-f-]{36}$/);
    assert.equal(countOpenNotes(db, caseId), 2);

    setNoteResolved(db, { noteId, resolved: true, who: '王编辑', at: '2026-01-03T00:00:00.000Z' });
    // Resolving again (from a reply) keeps who resolved it first.
    setNoteResolved(db, { noteId: note.replies[0]!.id, resolved: true, who: '别人' });
    const resolved = listNotes(db, caseId)[1]!;
    assert.deepEqual([resolved.resolvedBy, resolved.resolvedAt], ['王编辑', '2026-01-03T00:00:00.000Z']);
    assert.equal(countOpenNotes(db, caseId), 1);
    setNoteResolved(db, { noteId, resolved: false, who: '李校对' });
    assert.deepEqual([listNotes(db, caseId)[1]!.resolvedBy, listNotes(db, caseId)[1]!.resolvedAt], [null, null]);
    assert.equal(countOpenNotes(db, caseId), 2);
  });

  test('a note on a block the case does not have, or on an unknown case or note, is NOT_FOUND', (t) => {
    const { db } = openTemp(t);
    const { caseId, blocks } = fiveBlocks(db);
    assert.throws(
      () => addNote(db, { caseId, blockId: 'nosuchblock1', body: '注', author: '甲' }),
      isAppError('NOT_FOUND', (e) => assert.equal(e.details?.entity, 'block')),
    );
    assert.throws(() => addNote(db, { caseId: 999, blockId: blocks[0]!.id!, body: '注', author: '甲' }), isAppError('NOT_FOUND'));
    assert.throws(() => addReply(db, { noteId: 999, body: '注', author: '甲' }), isAppError('NOT_FOUND'));
    assert.throws(() => setNoteResolved(db, { noteId: 999, resolved: true, who: '甲' }), isAppError('NOT_FOUND'));
    assert.deepEqual(listNotes(db, caseId), []);
  });

  test('a note follows its block when blocks are inserted before it and when its text is edited', (t) => {
    const { db } = openTemp(t);
    const { caseId, blocks } = fiveBlocks(db);
    const target = blocks[3]!;
    addNote(db, { caseId, blockId: target.id!, body: '注意', author: '甲' });
    const saved = save(db, caseId, [blocks[0]!, body('新插入甲'), body('新插入乙'), ...blocks.slice(1)]);
    let [note] = listNotes(db, caseId);
    assert.equal(note!.blockId, target.id);
    assert.equal(note!.blockIndex, 5);
    assert.equal(saved.blocks[5]!.text, '第三段');

    const edited = saved.blocks.map((b) => (b.id === target.id ? { ...b, text: '第三段（改过）' } : b));
    save(db, caseId, edited);
    [note] = listNotes(db, caseId);
    assert.equal(note!.blockIndex, 5);
    assert.equal(note!.quote, '第三段（改过）', 'the quote is the block as it reads now');
  });

  test('a note whose block is deleted moves to the nearest block before it, else after it', (t) => {
    const { db } = openTemp(t);
    const { caseId, blocks } = fiveBlocks(db);
    const [title, p1, , p3, p4] = blocks as [Block, Block, Block, Block, Block];
    addNote(db, { caseId, blockId: p3.id!, body: '在第三段', author: '甲' });
    addNote(db, { caseId, blockId: title.id!, body: '在标题', author: '甲' });

    // p2 and p3 merged into p1 (what Backspace does): the note goes where the text went.
    save(db, caseId, [title, { ...p1, text: '第一段第二段第三段' }, p4]);
    let notes = listNotes(db, caseId);
    assert.deepEqual(
      notes.map((n) => [n.body, n.blockId, n.blockIndex]),
      [
        ['在标题', title.id, 0],
        ['在第三段', p1.id, 1],
      ],
    );
    // With nothing before it left, a note moves to the next surviving block.
    save(db, caseId, [{ ...p1, text: '第一段第二段第三段' }, p4]);
    notes = listNotes(db, caseId);
    assert.deepEqual(
      notes.map((n) => [n.body, n.blockId]),
      [
        ['在第三段', p1.id],
        ['在标题', p1.id],
      ],
      'on one block, oldest first',
    );
    assert.equal(countOpenNotes(db, caseId), 2, 'moving loses no note');
  });

  test('emptied and refilled, or restored to a document from before block ids, the notes stay', (t) => {
    const { db } = openTemp(t);
    const { caseId, blocks } = fiveBlocks(db);
    addNote(db, { caseId, blockId: blocks[4]!.id!, body: '末段', author: '甲' });
    save(db, caseId, []);
    let [note] = listNotes(db, caseId);
    assert.deepEqual([note!.blockId, note!.blockIndex, note!.quote], [null, null, '第四段'], 'the quote it was written on');
    const refilled = save(db, caseId, [body('重写的一段'), body('又一段')]);
    [note] = listNotes(db, caseId);
    assert.equal(note!.blockId, refilled.blocks[0]!.id);

    // A revision stored before blocks had ids: every id is new, so the note keeps its index (clamped).
    db.prepare('UPDATE case_revisions SET doc = ? WHERE case_id = ? AND version = 1').run(
      JSON.stringify(doc('旧标题', '旧一', '旧二')),
      caseId,
    );
    save(db, caseId, [body('甲'), body('乙'), body('丙'), body('丁')]);
    const fourth = getCase(db, caseId).doc.blocks[3]!.id!;
    db.prepare('UPDATE case_notes SET block_id = ? WHERE case_id = ?').run(fourth, caseId);
    const origin = listRevisions(db, caseId).find((r) => r.version === 1)!;
    const restored = restoreRevision(db, { caseId, revisionId: origin.id, version: getCase(db, caseId).version, who: '甲' });
    assertBlockIds(restored.doc);
    [note] = listNotes(db, caseId);
    assert.deepEqual([note!.blockIndex, note!.quote], [2, '旧二']);
  });

  test('a saved document has an id on every block; a repeated id stays with its first block', (t) => {
    const { db } = openTemp(t);
    const { caseId, blocks } = fiveBlocks(db);
    const copy = { ...blocks[1]!, text: '复制的段落' };
    const saved = save(db, caseId, [blocks[0]!, blocks[1]!, copy, body('无 id 的新段')]);
    assertBlockIds(saved);
    assert.equal(saved.blocks[1]!.id, blocks[1]!.id);
    assert.notEqual(saved.blocks[2]!.id, blocks[1]!.id);
  });

  test('a document stored before blocks had ids gets them at upgrade (migration 6), in place: same version, no new revision', (t) => {
    const { db } = openTemp(t);
    const { caseId } = fiveBlocks(db);
    const legacy = doc('旧标题', '旧正文');
    db.prepare('UPDATE cases SET doc = ? WHERE id = ?').run(JSON.stringify(legacy), caseId);
    const before = getCase(db, caseId);
    const revisions = listRevisions(db, caseId);
    const upgrade = () => {
      blockIdsMigration.up(db);
      return getCase(db, caseId);
    };
    const ensured = upgrade();
    assertBlockIds(ensured.doc);
    assert.deepEqual(
      ensured.doc.blocks.map((b) => b.text),
      ['旧标题', '旧正文'],
    );
    assert.equal(ensured.version, before.version);
    assert.equal(ensured.updatedAt, before.updatedAt);
    assert.deepEqual(getCase(db, caseId), ensured);
    assert.deepEqual(listRevisions(db, caseId), revisions);
    assert.deepEqual(upgrade(), ensured, 'ids are given once, then kept');
  });
});
