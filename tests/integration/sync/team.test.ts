import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  addNote,
  addReply,
  appendEvent,
  caseState,
  createCase,
  getCase,
  listEvents,
  setNoteResolved,
  tagCases,
  untagCase,
  type Library,
} from '../../../main/store/index.ts';
import { addUser } from '../../../main/sync/users.ts';
import { clearReviewMark } from '../../../main/sync/reviewMarks.ts';
import {
  caseRows,
  cloneLibrary,
  edit,
  ftsHits,
  makeLibraryWithCases,
  startApp,
  startTestServer,
  sleep,
  tempRoot,
  waitFor,
  within,
  type TestApp,
  type TestServer,
} from './helpers.ts';

/** The log of a case as every machine should have it: without local ids, in log order. */
function portableLog(lib: Library, caseUuid: string) {
  const row = lib.db.prepare('SELECT id FROM cases WHERE uuid = ?').get(caseUuid);
  if (!row) return null;
  return listEvents(lib.db, Number(row.id)).map(({ id: _id, caseId: _c, ...e }) => e);
}

function caseIdOf(lib: Library, uuid: string): number {
  return Number(lib.db.prepare('SELECT id FROM cases WHERE uuid = ?').get(uuid)!.id);
}

async function settled(...apps: TestApp[]): Promise<void> {
  for (const app of apps) app.client.syncLocal();
  for (const app of apps) await within(`${app.dir} synced`, app.client.whenSynced());
  // The other side's changes may still be arriving: sync again, then write what came in.
  for (const app of apps) await within(`${app.dir} synced again`, app.client.whenSynced());
  for (const app of apps) {
    app.client.flushVolumes();
    app.client.flushRebuilds();
  }
}

describe('a team on one volume: two apps, a viewer and the office server', () => {
  let root: string;
  let server: TestServer;
  let a: TestApp;
  let b: TestApp;
  let caseUuid: string;
  let viewerToken: string;

  before(async () => {
    root = tempRoot('casebook-team-');
    const origin = path.join(root, 'origin');
    makeLibraryWithCases(origin);
    for (const name of ['server', 'a', 'b']) cloneLibrary(origin, path.join(root, name));
    server = await startTestServer(path.join(root, 'server'), ['甲', '乙']);
    viewerToken = addUser(server.lib.db, '丁', 'viewer').token;
    await server.start();
    a = startApp(path.join(root, 'a'), server.url, server.tokens.get('甲')!, '甲');
    b = startApp(path.join(root, 'b'), server.url, server.tokens.get('乙')!, '乙');
    caseUuid = String(a.lib.db.prepare('SELECT uuid FROM cases ORDER BY id LIMIT 1').get()!.uuid);
    await settled(a, b);
  });

  after(async () => {
    await a?.close();
    await b?.close();
    await server?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('two sign-offs of one pass made while the server is down: both kept everywhere, the fork flagged', async () => {
    await server.stop();
    const ea = appendEvent(a.lib.db, {
      caseId: caseIdOf(a.lib, caseUuid),
      kind: 'signoff',
      fromStage: 'imported',
      toStage: 'review1',
      who: '甲',
    });
    const eb = appendEvent(b.lib.db, {
      caseId: caseIdOf(b.lib, caseUuid),
      kind: 'signoff',
      fromStage: 'imported',
      toStage: 'review1',
      who: '乙',
    });
    a.client.syncLocal();
    b.client.syncLocal();
    await server.start();
    await settled(a, b);
    await waitFor('both sign-offs on both machines', () =>
      [a, b].every((app) => {
        app.client.flushVolumes();
        return caseState(app.lib.db, caseIdOf(app.lib, caseUuid)).conflict?.length === 2;
      }),
    );
    for (const lib of [a.lib, b.lib]) {
      const state = caseState(lib.db, caseIdOf(lib, caseUuid));
      assert.equal(state.stage, 'review1');
      assert.deepEqual([...(state.conflict ?? [])].sort(), [ea.uuid, eb.uuid].sort(), 'the stage conflict is shown');
    }
    assert.deepEqual(portableLog(a.lib, caseUuid), portableLog(b.lib, caseUuid), 'one log, one order');
    await waitFor(
      'the server’s rows',
      () => JSON.stringify(portableLog(server.lib, caseUuid)) === JSON.stringify(portableLog(a.lib, caseUuid)),
    );
    assert.deepEqual(caseState(server.lib.db, caseIdOf(server.lib, caseUuid)).conflict?.length, 2);
    // Each sign-off pinned the text its signer saw.
    const pinned = a.lib.db
      .prepare('SELECT count(*) AS n FROM case_events WHERE uuid IN (?, ?) AND snapshot IS NOT NULL')
      .get(ea.uuid, eb.uuid);
    assert.equal(Number(pinned?.n), 2);
  });

  test('the server refuses a sign-off in another user’s name; every machine keeps it, refused, without effect', async () => {
    const id = caseIdOf(a.lib, caseUuid);
    const forged = appendEvent(a.lib.db, { caseId: id, kind: 'signoff', fromStage: 'review1', toStage: 'review2', who: '丙' });
    assert.equal(caseState(a.lib.db, id).stage, 'review2', 'locally it looks signed');
    await settled(a, b);
    for (const app of [a, b]) {
      await waitFor(`the refusal to reach ${app.dir}`, () => {
        app.client.flushVolumes();
        const cid = caseIdOf(app.lib, caseUuid);
        return listEvents(app.lib.db, cid).find((e) => e.uuid === forged.uuid)?.rejected === 'sync.otherSigner';
      });
    }
    for (const lib of [a.lib, b.lib]) {
      const cid = caseIdOf(lib, caseUuid);
      assert.equal(caseState(lib.db, cid).stage, 'review1');
      assert.equal(listEvents(lib.db, cid).find((e) => e.uuid === forged.uuid)?.rejected, 'sync.otherSigner');
    }
    assert.ok(server.log.some((l) => l.includes(forged.uuid) && l.includes('sync.otherSigner')));
  });

  test('a merge touching a signed case marks it for review', async () => {
    const ida = caseIdOf(a.lib, caseUuid);
    const idb = caseIdOf(b.lib, caseUuid);
    await server.stop();
    edit(a, ida, (d) => {
      d.blocks[0]!.text += '（甲改）';
      return d;
    });
    edit(b, idb, (d) => {
      d.blocks[1]!.text += '（乙改）';
      return d;
    });
    await server.start();
    await settled(a, b);
    // The server tells every machine on the case, whichever came back first (both may come back at once).
    await waitFor('a review mark on both machines', () =>
      [a.lib, b.lib].every((lib) => lib.db.prepare('SELECT 1 FROM sync_reviews WHERE case_id = ?').get(caseIdOf(lib, caseUuid))),
    );
    assert.ok(server.log.some((l) => l.includes(caseUuid) && l.includes('merged with changes it had not seen')));
    await waitFor('both rows hold both edits', () => {
      a.client.flushRebuilds();
      b.client.flushRebuilds();
      const ta = getCase(a.lib.db, ida).text;
      return ta === getCase(b.lib.db, idb).text && /（甲改）[\s\S]*（乙改）/.test(ta);
    });
  });

  test('the review mark is the team’s: a machine that joins later has it, against the signed text', async () => {
    const dir = path.join(root, 'late');
    fs.mkdirSync(dir);
    const late = startApp(dir, server.url, server.tokens.get('乙')!, '乙');
    try {
      await within('the late machine discovers the library', late.client.discover());
      await waitFor('the mark on the late machine', () => {
        late.client.flushVolumes();
        const id = late.lib.db.prepare('SELECT id FROM cases WHERE uuid = ?').get(caseUuid);
        return (
          id !== undefined && late.lib.db.prepare('SELECT 1 FROM sync_reviews WHERE case_id = ?').get(Number(id.id)) !== undefined
        );
      });
      const mark = late.lib.db
        .prepare('SELECT e.kind, e.who FROM sync_reviews r JOIN case_events e ON e.uuid = r.event_uuid')
        .get();
      assert.equal(mark?.kind, 'signoff', 'the mark names the sign-off its diff starts from');
    } finally {
      await late.close();
    }
  });

  test('changes made on one machine only while the server was down merge nothing: no review mark', async () => {
    const ida = caseIdOf(a.lib, caseUuid);
    const idb = caseIdOf(b.lib, caseUuid);
    clearReviewMark(a.lib.db, caseIdOf(a.lib, caseUuid));
    await waitFor('the clear to reach B', () => {
      b.client.flushVolumes();
      return b.lib.db.prepare('SELECT 1 FROM sync_reviews').get() === undefined;
    });
    await server.stop();
    edit(a, ida, (d) => {
      d.blocks[0]!.text += '（甲独改）';
      return d;
    });
    await server.start();
    await settled(a, b);
    await waitFor('B has the change', () => {
      b.client.flushRebuilds();
      return getCase(b.lib.db, idb).text.includes('（甲独改）');
    });
    for (const lib of [a.lib, b.lib]) {
      assert.equal(lib.db.prepare('SELECT 1 FROM sync_reviews').get(), undefined, 'catching up is not a merge');
    }
  });

  test('a case made on one machine reaches the other, text and all', async () => {
    const volumeId = Number(a.lib.db.prepare('SELECT volume_id FROM cases WHERE uuid = ?').get(caseUuid)!.volume_id);
    const made = createCase(a.lib.db, {
      volumeId,
      number: 500,
      title: '新增案例',
      doc: {
        version: 1,
        blocks: [
          { kind: 'title', text: '新增案例', page: 0, breaks: [] },
          { kind: 'body', text: '甲在本机新加的案例正文。', page: 0, breaks: [] },
        ],
      },
      who: '甲',
    });
    const madeUuid = String(a.lib.db.prepare('SELECT uuid FROM cases WHERE id = ?').get(made.id)!.uuid);
    await waitFor('the new case on B', () => {
      a.client.syncLocal();
      b.client.flushVolumes();
      b.client.flushRebuilds();
      const row = b.lib.db.prepare('SELECT text FROM cases WHERE uuid = ?').get(madeUuid);
      return row !== undefined && String(row.text).includes('新加的案例正文');
    });
    assert.deepEqual(ftsHits(b.lib, '新加的案例'), [madeUuid]);
  });

  test('a viewer receives everything, and its writes reach no one', async () => {
    const dir = path.join(root, 'viewer');
    fs.mkdirSync(dir);
    const v = startApp(dir, server.url, viewerToken, '丁');
    try {
      await within('viewer discovers and syncs', v.client.discover());
      await waitFor('viewer has every case', () => {
        v.client.flushVolumes();
        return (
          Number(v.lib.db.prepare('SELECT count(*) AS n FROM cases').get()!.n) ===
          Number(a.lib.db.prepare('SELECT count(*) AS n FROM cases').get()!.n)
        );
      });
      const id = caseIdOf(v.lib, caseUuid);
      await waitFor('viewer has the text', () => {
        v.client.flushRebuilds();
        return getCase(v.lib.db, id).text === getCase(a.lib.db, caseIdOf(a.lib, caseUuid)).text;
      });
      const before = getCase(a.lib.db, caseIdOf(a.lib, caseUuid)).text;
      edit(v, id, (d) => ({ ...d, blocks: [{ kind: 'body', text: '观众改的', page: 0, breaks: [] }] }));
      await sleep(300);
      await settled(a, b);
      assert.equal(getCase(a.lib.db, caseIdOf(a.lib, caseUuid)).text, before);
    } finally {
      await v.close();
    }
  });

  test('different fields of one case and page statuses changed apart all land on both machines', async () => {
    await server.stop();
    const pageUuid = String(a.lib.db.prepare('SELECT uuid FROM pages ORDER BY id LIMIT 1').get()!.uuid);
    a.lib.db.prepare('UPDATE cases SET title = ? WHERE uuid = ?').run('甲改的标题', caseUuid);
    b.lib.db.prepare('UPDATE cases SET organization = ?, assignee = ? WHERE uuid = ?').run('乙改的单位', '乙', caseUuid);
    b.lib.db.prepare('UPDATE pages SET status = ? WHERE uuid = ?').run('problem', pageUuid);
    a.client.syncLocal();
    b.client.syncLocal();
    await server.start();
    await settled(a, b);
    await settled(a, b);
    for (const lib of [a.lib, b.lib, server.lib]) {
      await waitFor('the fields on every machine', () => {
        a.client.flushVolumes();
        b.client.flushVolumes();
        const row = lib.db.prepare('SELECT title, organization, assignee FROM cases WHERE uuid = ?').get(caseUuid)!;
        const page = lib.db.prepare('SELECT status FROM pages WHERE uuid = ?').get(pageUuid)!;
        return (
          row.title === '甲改的标题' && row.organization === '乙改的单位' && row.assignee === '乙' && page.status === 'problem'
        );
      });
    }
  });

  test('notes, replies, resolutions and tags made apart reach every machine', async () => {
    await server.stop();
    const ida = caseIdOf(a.lib, caseUuid);
    const idb = caseIdOf(b.lib, caseUuid);
    const blockId = getCase(a.lib.db, ida).doc.blocks[0]!.id!;
    const noteId = addNote(a.lib.db, { caseId: ida, blockId, body: '甲：标题是否要改？', author: '甲' });
    addReply(a.lib.db, { noteId, body: '甲：补充一句', author: '甲' });
    tagCases(b.lib.db, [idb], '重点', '#cc3300');
    tagCases(b.lib.db, [idb], '待核');
    a.client.syncLocal();
    b.client.syncLocal();
    await server.start();
    await settled(a, b);
    const notesOf = (lib: Library) =>
      lib.db
        .prepare(
          'SELECT n.uuid, n.body, n.block_id, n.resolved_by, p.uuid AS parent FROM case_notes n LEFT JOIN case_notes p ON p.id = n.parent_id ORDER BY n.uuid',
        )
        .all()
        .map((r) => ({ ...r }));
    const tagsOf = (lib: Library) =>
      lib.db
        .prepare('SELECT t.name, t.color FROM case_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.case_id = ? ORDER BY t.name')
        .all(caseIdOf(lib, caseUuid))
        .map((r) => ({ ...r }));
    await waitFor('notes and tags on both', () => {
      a.client.flushVolumes();
      b.client.flushVolumes();
      return notesOf(b.lib).length === 2 && tagsOf(a.lib).length === 2;
    });
    assert.deepEqual(notesOf(a.lib), notesOf(b.lib));
    assert.deepEqual(tagsOf(a.lib), tagsOf(b.lib));
    assert.deepEqual(tagsOf(a.lib), [
      { name: '待核', color: '' },
      { name: '重点', color: '#cc3300' },
    ]);

    // B resolves the thread and takes a tag off; A sees both.
    const noteOnB = Number(b.lib.db.prepare('SELECT id FROM case_notes WHERE parent_id IS NULL').get()!.id);
    setNoteResolved(b.lib.db, { noteId: noteOnB, resolved: true, who: '乙' });
    untagCase(b.lib.db, idb, Number(b.lib.db.prepare("SELECT id FROM tags WHERE name = '待核'").get()!.id));
    await settled(a, b);
    await waitFor('the resolution and the removal on A', () => {
      a.client.flushVolumes();
      return tagsOf(a.lib).length === 1 && notesOf(a.lib).some((n) => n.resolved_by === '乙');
    });
    assert.deepEqual(notesOf(a.lib), notesOf(b.lib));
  });

  test('who is online, and on which case, reaches the other machines', async () => {
    a.client.setPresence(caseUuid);
    await waitFor('B sees 甲 on the case', () => b.client.peers().some((p) => p.user === '甲' && p.caseUuid === caseUuid));
    a.client.setPresence(null);
    await waitFor('B sees 甲 on no case', () => b.client.peers().some((p) => p.user === '甲' && p.caseUuid === null));
  });

  test('a fresh machine gets the whole library from the server: same rows, same search results, same logs', async () => {
    await settled(a, b);
    const dir = path.join(root, 'fresh');
    fs.mkdirSync(dir);
    const c = startApp(dir, server.url, server.tokens.get('乙')!, '乙');
    try {
      await within('discovered', c.client.discover());
      await waitFor('every row equal to A’s', () => {
        c.client.flushVolumes();
        c.client.flushRebuilds();
        return JSON.stringify(caseRows(c.lib)) === JSON.stringify(caseRows(a.lib));
      });
      assert.deepEqual(caseRows(c.lib), caseRows(b.lib));
      for (const q of ['创先争优', '社区党建', '（甲改）']) assert.deepEqual(ftsHits(c.lib, q), ftsHits(a.lib, q), q);
      assert.deepEqual(portableLog(c.lib, caseUuid), portableLog(a.lib, caseUuid));
      const pages = (lib: Library) =>
        lib.db
          .prepare('SELECT uuid, idx, printed_label, raw_text, status FROM pages ORDER BY uuid')
          .all()
          .map((r) => ({ ...r }));
      assert.deepEqual(pages(c.lib), pages(a.lib));
      const extras = (lib: Library) => ({
        notes: lib.db
          .prepare('SELECT uuid, body, block_id, resolved_at, resolved_by FROM case_notes ORDER BY uuid')
          .all()
          .map((r) => ({ ...r })),
        tags: lib.db
          .prepare(
            'SELECT c.uuid, t.name, t.color FROM case_tags ct JOIN cases c ON c.id = ct.case_id JOIN tags t ON t.id = ct.tag_id ORDER BY 1, 2',
          )
          .all()
          .map((r) => ({ ...r })),
      });
      await waitFor('notes and tags on the new machine', () => {
        c.client.flushVolumes();
        return JSON.stringify(extras(c.lib)) === JSON.stringify(extras(a.lib));
      });
    } finally {
      await c.close();
    }
  });
});
