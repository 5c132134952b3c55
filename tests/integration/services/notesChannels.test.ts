// Notes over HTTP, as browser mode reaches them: anchored to block ids, following their block
// through saves, with replies, resolve/reopen, the user name as author, and the sign-off gate.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { AppErrorShape } from '../../../shared/ipc/errors.ts';
import type { Block } from '../../../shared/model/caseDoc.ts';
import type { Case, CaseSummary, Volume } from '../../../shared/model/entities.ts';
import { NOTE_LIMITS, type CaseNote } from '../../../shared/model/notes.ts';
import type { CaseWorkflow } from '../../../shared/workflow/schemas.ts';
import { setStage } from '../../../main/store/index.ts';
import { startWebServer, type WebServer } from '../../../main/web/server.ts';
import { bootTemp } from './helpers.ts';

type Booted = Awaited<ReturnType<typeof bootTemp>>;
type Answer<T> = { status: number; ok: true; value: T } | { status: number; ok: false; error: AppErrorShape };

describe('notes over HTTP', () => {
  let app: Booted;
  let server: WebServer;
  let caseId: number;

  async function post<T>(channel: string, body: unknown): Promise<Answer<T>> {
    const res = await fetch(`${server.url}/api/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, ...((await res.json()) as { ok: true; value: T } | { ok: false; error: AppErrorShape }) };
  }
  async function value<T>(channel: string, body: unknown): Promise<T> {
    const a = await post<T>(channel, body);
    if (!a.ok) throw new Error(`${channel}: ${a.error.code} ${a.error.message}`);
    return a.value;
  }
  async function refused(channel: string, body: unknown): Promise<{ status: number; code: string }> {
    const a = await post(channel, body);
    assert.equal(a.ok, false, `${channel} should be refused`);
    return { status: a.status, code: a.ok ? 'none' : a.error.code };
  }
  const getCase = () => value<Case>('cases:get', { id: caseId });
  const notes = () => value<CaseNote[]>('notes:list', { caseId });

  before(async () => {
    app = await bootTemp();
    const staticDir = fs.mkdirSync(path.join(app.dir, 'static'), { recursive: true })!;
    server = await startWebServer({ dispatch: app.dispatch, staticDir, scansDir: app.scansDir });
    const volume = await value<Volume>('sample:install', {});
    caseId = (await value<CaseSummary[]>('cases:list', { volumeId: volume.id }))[0]!.id;
  });
  after(async () => {
    await server.close();
    await app.done();
  });

  test('a case is read with an id on every block, ids that stay the same on the next read', async () => {
    const first = await getCase();
    const ids = first.doc.blocks.map((b) => b.id);
    assert.ok(ids.length > 3 && ids.every((id) => typeof id === 'string'));
    assert.equal(new Set(ids).size, ids.length);
    const again = await getCase();
    assert.deepEqual(
      again.doc.blocks.map((b) => b.id),
      ids,
    );
    assert.equal(again.version, first.version);
  });

  test('without a user name a note is refused; bad bodies and unknown blocks are refused too', async () => {
    const blockId = (await getCase()).doc.blocks[2]!.id!;
    await value('prefs:set', { userName: '   ' });
    assert.deepEqual(await refused('notes:add', { caseId, blockId, body: '注' }), { status: 422, code: 'SIGNER_REQUIRED' });
    await value('prefs:set', { userName: '王编辑' });
    assert.equal((await refused('notes:add', { caseId, blockId, body: '   ' })).code, 'VALIDATION');
    const long = '长'.repeat(NOTE_LIMITS.bodyChars + 1);
    assert.equal((await refused('notes:add', { caseId, blockId, body: long })).code, 'VALIDATION');
    assert.deepEqual(await refused('notes:add', { caseId, blockId: 'nosuchblock1', body: '注' }), {
      status: 404,
      code: 'NOT_FOUND',
    });
    assert.equal((await refused('notes:add', { caseId, blockId: '../x', body: '注' })).code, 'VALIDATION');
    assert.deepEqual(await notes(), []);
  });

  test('add, reply, and the note follows its block when a paragraph is inserted above and the text edited', async () => {
    await value('prefs:set', { userName: '王编辑' });
    const c = await getCase();
    const target = c.doc.blocks[4]!;
    const added = await value<CaseNote[]>('notes:add', { caseId, blockId: target.id, body: '  这里的数字请核对原稿  ' });
    assert.equal(added.length, 1);
    const note = added[0]!;
    assert.deepEqual(
      [note.author, note.body, note.blockId, note.blockIndex, note.resolvedAt],
      ['王编辑', '这里的数字请核对原稿', target.id, 4, null],
    );
    assert.ok(target.text.startsWith(note.quote.replace(/…$/, '')));

    await value('prefs:set', { userName: '李校对' });
    const replied = await value<CaseNote[]>('notes:reply', { noteId: note.id, body: '已核对，无误' });
    assert.deepEqual(
      replied[0]!.replies.map((r) => [r.author, r.body]),
      [['李校对', '已核对，无误']],
    );

    // A new paragraph above the noted block (no id: the store gives it one), and the block edited.
    const inserted: Block = { kind: 'body', text: '新插入的一段。', page: target.page, breaks: [] };
    const blocks = c.doc.blocks.map((b) => (b.id === target.id ? { ...b, text: `${b.text}（校）` } : b));
    blocks.splice(4, 0, inserted);
    await value<CaseSummary>('cases:save', { id: caseId, version: c.version, doc: { version: 1, blocks } });
    const [moved] = await notes();
    assert.equal(moved!.blockId, target.id);
    assert.equal(moved!.blockIndex, 5);
    const saved = await getCase();
    assert.equal(saved.doc.blocks[5]!.id, target.id);
    assert.ok(saved.doc.blocks[5]!.text.endsWith('（校）'));
    assert.ok(typeof saved.doc.blocks[4]!.id === 'string');
  });

  test('resolve and reopen count for the sign-off gate: an open note keeps the case from passing 终审', async () => {
    const [note] = await notes();
    assert.equal((await value<CaseWorkflow>('cases:workflow', { id: caseId })).openNotes, 1);
    setStage(app.ctx.lib.db, { id: caseId, stage: 'review3', who: '管理员' });
    await value('prefs:set', { userName: '赵终审' });
    assert.equal((await refused('cases:act', { id: caseId, action: { kind: 'signoff', to: 'proof1' } })).code, 'OPEN_NOTES');

    const resolved = await value<CaseNote[]>('notes:resolve', { noteId: note!.id });
    assert.deepEqual([resolved[0]!.resolvedBy, typeof resolved[0]!.resolvedAt], ['赵终审', 'string']);
    assert.equal((await value<CaseWorkflow>('cases:workflow', { id: caseId })).openNotes, 0);
    const reopened = await value<CaseNote[]>('notes:reopen', { noteId: note!.id });
    assert.equal(reopened[0]!.resolvedAt, null);
    assert.equal((await value<CaseWorkflow>('cases:workflow', { id: caseId })).openNotes, 1);
    await value('notes:resolve', { noteId: note!.id });
    const signed = await value<{ case: CaseSummary }>('cases:act', { id: caseId, action: { kind: 'signoff', to: 'proof1' } });
    assert.equal(signed.case.stage, 'proof1');
    assert.equal((await refused('notes:resolve', { noteId: 99_999 })).code, 'NOT_FOUND');
  });

  test('a locked (定稿) case still takes notes and replies: they change no text', async () => {
    setStage(app.ctx.lib.db, { id: caseId, stage: 'final', who: '管理员' });
    const c = await getCase();
    assert.equal((await refused('cases:save', { id: caseId, version: c.version, doc: c.doc })).code, 'CASE_LOCKED');
    const after = await value<CaseNote[]>('notes:add', { caseId, blockId: c.doc.blocks[0]!.id, body: '定稿后发现标题有误' });
    assert.equal(after.length, 2);
    assert.equal(after[0]!.blockIndex, 0, 'document order');
    await value('notes:reply', { noteId: after[0]!.id, body: '需解锁后修改' });
    assert.equal((await getCase()).version, c.version);
  });
});
