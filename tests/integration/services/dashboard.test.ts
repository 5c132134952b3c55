// The volume dashboard (`dashboard:volume`) on a real library: a volume built in the store with
// events at chosen times, then every aggregate checked, and the channel once over HTTP.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Envelope } from '../../../shared/ipc/contract.ts';
import type { Block, CaseDoc } from '../../../shared/model/caseDoc.ts';
import type { VolumeDashboard } from '../../../shared/model/dashboard.ts';
import type { Case } from '../../../shared/model/entities.ts';
import {
  addNote,
  addReply,
  appendEvent,
  createCase,
  createVolume,
  getCase,
  insertPages,
  saveCase,
  setNoteResolved,
  setPageStatus,
  listPages,
  setStage,
  setWord,
} from '../../../main/store/index.ts';
import { localDay } from '../../../main/services/dashboardService.ts';
import { startWebServer } from '../../../main/web/server.ts';
import { bootTemp, call } from './helpers.ts';

type Booted = Awaited<ReturnType<typeof bootTemp>>;

/** Noon local time on 2025-03-<day>: the same calendar day in every time zone this runs in. */
const day = (d: number, hour = 12, minute = 0) => new Date(2025, 2, d, hour, minute).toISOString();
const dayKey = (d: number) => `2025-03-${String(d).padStart(2, '0')}`;

const block = (kind: Block['kind'], text: string, page: number): Block => ({ kind, text, page, breaks: [] });
const docOf = (title: string, body: string, page: number): CaseDoc => ({
  version: 1,
  blocks: [block('title', title, page), block('body', body, page)],
});

describe('the volume dashboard', () => {
  let app: Booted;
  let volumeId: number;
  let a: Case;
  let b: Case;
  let c: Case;
  let d: Case;
  let dash: VolumeDashboard;
  const load = () => call<VolumeDashboard>(app, 'dashboard:volume', { volumeId });

  before(async () => {
    app = await bootTemp();
    const db = app.ctx.lib.db;
    const volume = createVolume(db, { title: '仪表卷' });
    volumeId = volume.id;
    insertPages(
      db,
      volumeId,
      [0, 1, 2, 3, 4, 5].map((index) => ({ index, printedLabel: index === 0 ? null : String(index + 10), rawText: '' })),
    );
    const pages = listPages(db, volumeId);
    setPageStatus(db, pages[2]!.id, 'proofed');
    setPageStatus(db, pages[3]!.id, 'problem');
    const make = (number: number, title: string, body: string, pageStart: number, pageEnd: number, assignee: string | null) =>
      createCase(db, {
        volumeId,
        number,
        title,
        doc: docOf(title, body, pageStart),
        pageStart,
        pageEnd,
        assignee,
        who: '导入',
        at: day(1, 9),
      });
    // Two suspects in a: a lookalike digit (2O10) and a space between Han characters.
    a = make(1, '甲案', '2O10年党 员大会。', 1, 2, '王');
    b = make(2, '乙案', '社区工作。', 2, 3, '李');
    c = make(3, '丙案', '企业帐号。', 4, 4, '王');
    d = make(4, '丁案', '高校工作。', 5, 5, null);

    // a: 初审 by 甲 on the 2nd, 复审 by 乙 on the 3rd.
    appendEvent(db, { caseId: a.id, kind: 'signoff', fromStage: 'imported', toStage: 'review1', who: '甲', at: day(2) });
    appendEvent(db, { caseId: a.id, kind: 'signoff', fromStage: 'review1', toStage: 'review2', who: '乙', at: day(3) });
    // b: 初审 by 乙 on the 2nd, then flagged by 丙 on the 4th.
    appendEvent(db, { caseId: b.id, kind: 'signoff', fromStage: 'imported', toStage: 'review1', who: '乙', at: day(2, 15) });
    appendEvent(db, {
      caseId: b.id,
      kind: 'flag',
      fromStage: 'review1',
      toStage: 'review1',
      who: '丙',
      at: day(4),
      note: '出处？',
    });
    // c: 初审 by 甲 on the 3rd, sent back on the 5th; flagged then cleared.
    appendEvent(db, { caseId: c.id, kind: 'signoff', fromStage: 'imported', toStage: 'review1', who: '甲', at: day(3, 10) });
    appendEvent(db, {
      caseId: c.id,
      kind: 'flag',
      fromStage: 'review1',
      toStage: 'review1',
      who: '甲',
      at: day(3, 11),
      note: '?',
    });
    appendEvent(db, { caseId: c.id, kind: 'unflag', fromStage: 'review1', toStage: 'review1', who: '乙', at: day(3, 12) });
    appendEvent(db, {
      caseId: c.id,
      kind: 'sendback',
      fromStage: 'review1',
      toStage: 'imported',
      who: '乙',
      at: day(5),
      note: '标题有误',
    });
    // d: moved straight to 定稿 (an administrative move): locked, so never "stuck".
    setStage(db, { id: d.id, stage: 'final', who: '管理员', at: day(1, 10) });

    // Notes on a: one open, one resolved; a reply is not a note of its own.
    const blockId = getCase(db, a.id).doc.blocks[1]!.id!;
    const open = addNote(db, { caseId: a.id, blockId, body: '核对年份', author: '乙', at: day(3, 14) });
    addReply(db, { noteId: open, body: '已查', author: '甲', at: day(3, 15) });
    const resolved = addNote(db, { caseId: a.id, blockId, body: '旧问题', author: '乙', at: day(3, 13) });
    setNoteResolved(db, { noteId: resolved, resolved: true, who: '甲', at: day(3, 16) });

    // Three autosaves of b by 丙 within one hour, one by 甲 an hour later.
    let version = b.version;
    for (const [i, minute] of [5, 20, 40].entries()) {
      version = saveCase(db, {
        id: b.id,
        version,
        doc: docOf('乙案', `社区工作第${i}稿。`, 2),
        who: '丙',
        at: day(6, 9, minute),
      }).version;
    }
    saveCase(db, { id: b.id, version, doc: docOf('乙案', '社区工作定稿。', 2), who: '甲', at: day(6, 10, 5) });
    dash = await load();
  });
  after(() => app.done());

  test('cases per stage follow the library list; per assignee, unassigned last', () => {
    const stages = Object.fromEntries(dash.stages.map((s) => [s.stage, s.count]));
    assert.deepEqual(
      dash.stages.map((s) => s.stage),
      ['imported', 'review1', 'review2', 'review3', 'proof1', 'proof2', 'proof3', 'final'],
    );
    assert.deepEqual(stages, { imported: 1, review1: 1, review2: 1, review3: 0, proof1: 0, proof2: 0, proof3: 0, final: 1 });
    assert.equal(dash.caseCount, 4);
    assert.deepEqual(dash.assignees, [
      { assignee: '李', total: 1, stages: [{ stage: 'review1', count: 1 }] },
      {
        assignee: '王',
        total: 2,
        stages: [
          { stage: 'imported', count: 1 },
          { stage: 'review2', count: 1 },
        ],
      },
      { assignee: null, total: 1, stages: [{ stage: 'final', count: 1 }] },
    ]);
  });

  test('every page with its label, status and the first case printed on it', () => {
    assert.deepEqual(dash.pages, [
      { index: 0, printedLabel: null, status: 'unproofed', caseId: null },
      { index: 1, printedLabel: '11', status: 'unproofed', caseId: a.id },
      { index: 2, printedLabel: '12', status: 'proofed', caseId: a.id },
      { index: 3, printedLabel: '13', status: 'problem', caseId: b.id },
      { index: 4, printedLabel: '14', status: 'unproofed', caseId: c.id },
      { index: 5, printedLabel: '15', status: 'unproofed', caseId: d.id },
    ]);
  });

  test('open notes count top-level unresolved notes only; raised flags with reason, who and when', () => {
    assert.deepEqual(
      dash.openNotes.map((n) => [n.case.id, n.count, n.latestAt]),
      [[a.id, 1, day(3, 14)]],
    );
    assert.deepEqual(dash.flags, [
      { case: { id: b.id, number: 2, title: '乙案', stage: 'review1' }, reason: '出处？', who: '丙', at: day(4) },
    ]);
  });

  test('stuck: cases not final, longest in their stage first, since the event that brought them there', () => {
    assert.deepEqual(
      dash.stuck.map((s) => [s.case.title, s.case.stage, s.since]),
      [
        ['乙案', 'review1', day(2, 15)],
        ['甲案', 'review2', day(3)],
        ['丙案', 'imported', day(5)],
      ],
    );
  });

  test('sign-offs per local day and person (names in pinyin order)', () => {
    assert.equal(localDay(day(2, 15)), dayKey(2));
    assert.deepEqual(dash.signoffs, [
      { day: dayKey(2), who: '甲', count: 1 },
      { day: dayKey(2), who: '乙', count: 1 },
      { day: dayKey(3), who: '甲', count: 1 },
      { day: dayKey(3), who: '乙', count: 1 },
    ]);
  });

  test('recent activity: events and edits newest first, autosaves folded per person and hour, no imports', () => {
    const seen = dash.activity.map((e) => [e.kind, e.case.title, e.who, e.count]);
    assert.deepEqual(seen.slice(0, 4), [
      ['save', '乙案', '甲', 1],
      ['save', '乙案', '丙', 3],
      ['sendback', '丙案', '乙', 1],
      ['flag', '乙案', '丙', 1],
    ]);
    const sendback = dash.activity[2]!;
    assert.deepEqual([sendback.fromStage, sendback.toStage, sendback.note], ['review1', 'imported', '标题有误']);
    assert.equal(dash.activity[1]!.at, day(6, 9, 40));
    assert.ok(dash.activity.every((e) => (e.kind as string) !== 'create' && (e.kind as string) !== 'import'));
    assert.ok(dash.activity.some((e) => e.kind === 'move' && e.case.id === d.id && e.toStage === 'final'));
    const times = dash.activity.map((e) => e.at);
    assert.deepEqual(times, [...times].sort().reverse());
  });

  test('suspects left per case, counted again after an edit and after a word list change', async () => {
    assert.equal(dash.suspects.wordList, false);
    assert.deepEqual(
      dash.suspects.cases.map((s) => [s.case.id, s.count]),
      [[a.id, 2]],
    );
    const db = app.ctx.lib.db;
    setWord(db, { word: '帐号', kind: 'bad', replacement: '账号' }, '甲');
    const withWords = await load();
    assert.equal(withWords.suspects.wordList, true);
    assert.deepEqual(
      withWords.suspects.cases.map((s) => [s.case.id, s.count]),
      [
        [a.id, 2],
        [c.id, 1],
      ],
    );
    const current = getCase(db, a.id);
    saveCase(db, { id: a.id, version: current.version, doc: docOf('甲案', '2010年党员大会。', 1), who: '乙' });
    const fixed = await load();
    assert.deepEqual(
      fixed.suspects.cases.map((s) => [s.case.id, s.count]),
      [[c.id, 1]],
    );
  });

  test('a cleared flag leaves the list; an unknown volume is NOT_FOUND', async () => {
    appendEvent(app.ctx.lib.db, {
      caseId: b.id,
      kind: 'unflag',
      fromStage: 'review1',
      toStage: 'review1',
      who: '丙',
      at: day(7),
    });
    assert.deepEqual((await load()).flags, []);
    const res = await app.dispatch('dashboard:volume', { volumeId: 99_999 });
    assert.equal(res.ok ? null : res.error.code, 'NOT_FOUND');
  });

  test('recent activity keeps the newest 30 entries, edits folded per hour even when they interleave', async () => {
    const db = app.ctx.lib.db;
    const other = createVolume(db, { title: '忙碌卷' });
    const e = createCase(db, {
      volumeId: other.id,
      number: 1,
      title: '戊案',
      doc: docOf('戊案', '正文。', 0),
      who: '导入',
      at: day(1),
    });
    const f = createCase(db, {
      volumeId: other.id,
      number: 2,
      title: '己案',
      doc: docOf('己案', '正文。', 0),
      who: '导入',
      at: day(1),
    });
    // Each hour from 00:00 on the 10th: 甲 saves 戊 twice and 乙 saves 己 once, 40 hours long.
    let ve = e.version;
    let vf = f.version;
    for (let h = 0; h < 40; h++) {
      const at = (minute: number) => new Date(2025, 2, 10, h, minute).toISOString();
      ve = saveCase(db, { id: e.id, version: ve, doc: docOf('戊案', `第${h}稿。`, 0), who: '甲', at: at(10) }).version;
      vf = saveCase(db, { id: f.id, version: vf, doc: docOf('己案', `第${h}稿。`, 0), who: '乙', at: at(20) }).version;
      ve = saveCase(db, { id: e.id, version: ve, doc: docOf('戊案', `第${h}稿改。`, 0), who: '甲', at: at(30) }).version;
    }
    const { activity } = await call<VolumeDashboard>(app, 'dashboard:volume', { volumeId: other.id });
    assert.equal(activity.length, 30);
    assert.deepEqual(
      activity.slice(0, 4).map((a) => [a.case.title, a.who, a.count, a.at]),
      [
        ['戊案', '甲', 2, new Date(2025, 2, 11, 15, 30).toISOString()],
        ['己案', '乙', 1, new Date(2025, 2, 11, 15, 20).toISOString()],
        ['戊案', '甲', 2, new Date(2025, 2, 11, 14, 30).toISOString()],
        ['己案', '乙', 1, new Date(2025, 2, 11, 14, 20).toISOString()],
      ],
    );
    assert.ok(activity.every((a) => a.kind === 'save' && a.count === (a.who === '甲' ? 2 : 1)));
  });

  test('over HTTP, the same answer as through the dispatcher', async () => {
    const staticDir = fs.mkdirSync(path.join(app.dir, 'static'), { recursive: true })!;
    const server = await startWebServer({ dispatch: app.dispatch, staticDir, scansDir: app.scansDir });
    try {
      const res = await fetch(`${server.url}/api/dashboard:volume`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ volumeId }),
      });
      assert.equal(res.status, 200);
      const envelope = (await res.json()) as Envelope<VolumeDashboard>;
      assert.ok(envelope.ok);
      assert.deepEqual(envelope.value, await load());
    } finally {
      await server.close();
    }
  });
});
