// Volume-wide replace and batch undo on a real SQLite library: versions, revisions, FTS, exact undo.
import { describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { DatabaseSync } from 'node:sqlite';
import type { Block, CaseDoc } from '../../../shared/model/caseDoc.ts';
import type { ReplaceApplyInput, ReplacePreview, ReplacePreviewInput } from '../../../shared/model/replace.ts';
import {
  createCase,
  createVolume,
  getCase,
  listRevisions,
  saveCase,
  setStage,
  thinRevisions,
} from '../../../main/store/index.ts';
import { applyReplace, listReplaceBatches, previewReplace, undoReplaceBatch } from '../../../main/services/replaceService.ts';
import { isAppError } from '../store/helpers/appError.ts';
import { openTemp } from '../store/helpers/fixtures.ts';

const WHO = '编辑甲';

function block(kind: Block['kind'], text: string, breaks: Block['breaks'] = []): Block {
  return { kind, text, page: 0, breaks };
}

interface Fixture {
  db: DatabaseSync;
  volumeId: number;
  /** Case ids by name. */
  ids: Record<'a' | 'b' | 'c', number>;
}

/** A volume of three cases: 'a' has two hits of 村委, 'b' one, 'c' none (it says 居委). */
function setup(t: TestContext): Fixture {
  const lib = openTemp(t);
  const db = lib.db;
  const volumeId = createVolume(db, { title: '卷一' }).id;
  const make = (number: number, title: string, ...blocks: Block[]) =>
    createCase(db, { volumeId, number, title, organization: '某街道', doc: { version: 1, blocks }, who: WHO }).id;
  const ids = {
    a: make(1, '村委换届', block('title', '村委换届'), block('body', '村委组织村民议事，村委成员带头。')),
    b: make(2, '民情论坛', block('title', '民情论坛'), block('body', '每月一次，由村委主持。')),
    c: make(3, '社区服务', block('title', '社区服务'), block('body', '居委会开展便民服务。')),
  };
  return { db, volumeId, ids };
}

function query(f: Fixture, over: Partial<ReplacePreviewInput> = {}): ReplacePreviewInput {
  return { volumeId: f.volumeId, pattern: '村委', replacement: '村民委员会', regex: false, caseSensitive: true, ...over };
}

/** Apply input choosing every previewed hit (or those `keep` accepts). */
function pickAll(preview: ReplacePreview, q: ReplacePreviewInput, keep: (id: string) => boolean = () => true): ReplaceApplyInput {
  const picks = preview.cases
    .map((c) => ({ caseId: c.id, version: c.version, hitIds: c.hits.map((h) => h.id).filter(keep) }))
    .filter((p) => p.hitIds.length > 0);
  return { ...q, reason: '统一用语', picks };
}

/** The case's stored row, as bytes: what an undo must put back exactly. */
function rawRow(db: DatabaseSync, id: number): Record<string, unknown> {
  return { ...db.prepare('SELECT doc, text, title, organization FROM cases WHERE id = ?').get(id) };
}

function ftsIds(db: DatabaseSync, phrase: string): number[] {
  return db
    .prepare('SELECT rowid FROM cases_fts WHERE cases_fts MATCH ? ORDER BY rowid')
    .all(`"${phrase}"`)
    .map((r) => Number(r.rowid));
}

describe('volume replace (service on SQLite)', () => {
  test('preview lists every hit with context and replacement, grouped by case in case order', (t) => {
    const f = setup(t);
    const p = previewReplace(f.db, query(f));
    assert.equal(p.total, 4);
    assert.equal(p.truncated, false);
    assert.deepEqual(
      p.cases.map((c) => [c.id, c.total, c.hits.length]),
      [
        [f.ids.a, 3, 3],
        [f.ids.b, 1, 1],
      ],
    );
    const hit = p.cases[1]!.hits[0]!;
    assert.deepEqual(
      { before: hit.before, match: hit.match, after: hit.after, replacement: hit.replacement, kind: hit.blockKind },
      { before: '每月一次，由', match: '村委', after: '主持。', replacement: '村民委员会', kind: 'body' },
    );
    assert.deepEqual(p.locked, []);
  });

  test('apply: each changed case gets a new version and a replace revision; unchosen hits and cases stay', (t) => {
    const f = setup(t);
    const q = query(f);
    const preview = previewReplace(f.db, q);
    const skipped = preview.cases[0]!.hits[2]!.id; // 'a': title, body's first, body's second (this one)
    const beforeC = rawRow(f.db, f.ids.c);
    const { batch, locked } = applyReplace(
      f.db,
      pickAll(preview, q, (id) => id !== skipped),
      WHO,
    );

    assert.deepEqual(locked, []);
    assert.equal(batch.hits, 3);
    assert.equal(batch.cases, 2);
    assert.equal(batch.reason, '统一用语');
    assert.equal(batch.who, WHO);
    assert.equal(batch.undoneAt, null);
    const a = getCase(f.db, f.ids.a);
    assert.equal(a.version, 2);
    assert.deepEqual(
      a.doc.blocks.map((b) => b.text),
      ['村民委员会换届', '村民委员会组织村民议事，村委成员带头。'],
    );
    assert.equal(a.title, '村民委员会换届', 'the title follows its block');
    assert.equal(a.text, '村民委员会换届\n村民委员会组织村民议事，村委成员带头。');
    assert.equal(getCase(f.db, f.ids.b).doc.blocks[1]!.text, '每月一次，由村民委员会主持。');
    for (const id of [f.ids.a, f.ids.b]) {
      const [latest] = listRevisions(f.db, id);
      assert.deepEqual([latest!.version, latest!.kind, latest!.who], [2, 'replace', WHO]);
    }
    assert.deepEqual(rawRow(f.db, f.ids.c), beforeC);
    assert.equal(getCase(f.db, f.ids.c).version, 1);
    assert.deepEqual(
      listReplaceBatches(f.db, f.volumeId).map((b) => b.id),
      [batch.id],
    );
  });

  test('FTS follows the replace and its undo: the new word is found, the old one not, then back', (t) => {
    const f = setup(t);
    const q = query(f, { pattern: '民情论坛', replacement: '百姓议事会' });
    const { batch } = applyReplace(f.db, pickAll(previewReplace(f.db, q), q), WHO);
    assert.deepEqual(ftsIds(f.db, '百姓议事会'), [f.ids.b]);
    assert.deepEqual(ftsIds(f.db, '民情论坛'), []);
    undoReplaceBatch(f.db, batch.id, WHO);
    assert.deepEqual(ftsIds(f.db, '百姓议事会'), []);
    assert.deepEqual(ftsIds(f.db, '民情论坛'), [f.ids.b]);
    assert.doesNotThrow(() => f.db.exec(`INSERT INTO cases_fts(cases_fts, rank) VALUES ('integrity-check', 1)`));
  });

  test('undo restores every touched case byte for byte, even after thinning, as a new version', (t) => {
    const f = setup(t);
    // A stored doc whose JSON is not what JSON.stringify of the parsed doc would give (key order,
    // spacing): the undo must put back these bytes, not an equivalent document.
    const odd = `{"blocks":[{"text":"村委换届","kind":"title","page":0,"breaks":[]},{"breaks":[{"page":0,"at":3}],"page":0,"kind":"body","text":"村委组织村民议事，村委成员带头。"}], "version":1}`;
    f.db.prepare('UPDATE cases SET doc = ?, organization = ? WHERE id = ?').run(odd, ' 某街道 ', f.ids.a);
    const before = { a: rawRow(f.db, f.ids.a), b: rawRow(f.db, f.ids.b) };
    const q = query(f);
    const { batch } = applyReplace(f.db, pickAll(previewReplace(f.db, q), q), WHO);
    assert.notDeepEqual(rawRow(f.db, f.ids.a), before.a);
    // The page break after the first hit moved by the change in length (3 → 6).
    assert.deepEqual(getCase(f.db, f.ids.a).doc.blocks[1]!.breaks, [{ at: 6, page: 0 }]);

    // Thinning far in the future drops the revisions between; the batch keeps its own copy.
    for (const id of [f.ids.a, f.ids.b]) thinRevisions(f.db, id, new Date(Date.now() + 400 * 86_400_000));
    const undone = undoReplaceBatch(f.db, batch.id, '编辑乙');
    assert.equal(undone.undoneBy, '编辑乙');
    assert.ok(undone.undoneAt);
    assert.deepEqual(rawRow(f.db, f.ids.a), before.a);
    assert.equal(rawRow(f.db, f.ids.a).doc, odd);
    assert.deepEqual(rawRow(f.db, f.ids.b), before.b);
    const a = getCase(f.db, f.ids.a);
    assert.equal(a.version, 3);
    assert.deepEqual(
      listRevisions(f.db, f.ids.a)
        .slice(0, 2)
        .map((r) => [r.version, r.kind, r.who]),
      [
        [3, 'undo-replace', '编辑乙'],
        [2, 'replace', WHO],
      ],
    );
    assert.throws(
      () => undoReplaceBatch(f.db, batch.id, WHO),
      isAppError('BATCH_ALREADY_UNDONE', (e) => assert.equal(e.details?.who, '编辑乙')),
    );
    assert.equal(getCase(f.db, f.ids.a).version, 3, 'the refused second undo wrote nothing');
    assert.equal(listReplaceBatches(f.db, f.volumeId)[0]!.undoneBy, '编辑乙');
  });

  test('an earlier batch can be undone when a later batch touched other cases', (t) => {
    const f = setup(t);
    const q1 = query(f, { pattern: '村委', caseIds: [f.ids.a] });
    const first = applyReplace(f.db, pickAll(previewReplace(f.db, q1), q1), WHO).batch;
    const q2 = query(f, { pattern: '居委会', replacement: '社区居委会' });
    const second = applyReplace(f.db, pickAll(previewReplace(f.db, q2), q2), WHO).batch;
    assert.deepEqual(
      listReplaceBatches(f.db, f.volumeId).map((b) => b.id),
      [second.id, first.id],
    );
    undoReplaceBatch(f.db, first.id, WHO);
    assert.equal(getCase(f.db, f.ids.a).doc.blocks[1]!.text, '村委组织村民议事，村委成员带头。');
    assert.equal(getCase(f.db, f.ids.c).doc.blocks[1]!.text, '社区居委会开展便民服务。', 'the later batch stays');
    assert.equal(listReplaceBatches(f.db, f.volumeId).find((b) => b.id === second.id)!.undoneAt, null);
  });

  test('undo is refused, listing them, when a touched case was edited after the batch; nothing is written', (t) => {
    const f = setup(t);
    const q = query(f);
    const { batch } = applyReplace(f.db, pickAll(previewReplace(f.db, q), q), WHO);
    const edited = getCase(f.db, f.ids.b);
    saveCase(f.db, { id: f.ids.b, version: edited.version, doc: edited.doc, who: '编辑乙' });
    const rowA = rawRow(f.db, f.ids.a);
    assert.throws(
      () => undoReplaceBatch(f.db, batch.id, WHO),
      isAppError('BATCH_UNDO_REFUSED', (e) => {
        assert.equal(e.details?.count, 1);
        assert.equal(e.details?.cases, '《民情论坛》');
        assert.deepEqual(e.details?.list, [{ id: f.ids.b, number: 2, title: '民情论坛' }]);
      }),
    );
    assert.deepEqual(rawRow(f.db, f.ids.a), rowA, 'the other case was not undone either');
    assert.equal(listReplaceBatches(f.db, f.volumeId)[0]!.undoneAt, null);
  });

  test('locked cases: listed apart in the preview, skipped and listed by apply; an undo into one is refused', (t) => {
    const f = setup(t);
    setStage(f.db, { id: f.ids.b, stage: 'final', who: WHO });
    const q = query(f);
    const preview = previewReplace(f.db, q);
    assert.deepEqual(
      preview.cases.map((c) => c.id),
      [f.ids.a],
    );
    assert.deepEqual(
      preview.locked.map((c) => [c.id, c.hits.length]),
      [[f.ids.b, 1]],
    );
    assert.equal(preview.total, 3, 'locked hits are not counted as replaceable');

    // A case locked between the preview and the apply is skipped and named.
    const q2 = query(f, { pattern: '服务', replacement: '服務' });
    const p2 = previewReplace(f.db, q2);
    const withA = applyReplace(f.db, { ...pickAll(preview, q) }, WHO);
    assert.equal(withA.batch.cases, 1);
    setStage(f.db, { id: f.ids.c, stage: 'final', who: WHO });
    assert.throws(
      () => applyReplace(f.db, pickAll(p2, q2), WHO),
      isAppError('CASE_LOCKED', (e) => assert.deepEqual(e.details?.list, [{ id: f.ids.c, number: 3, title: '社区服务' }])),
    );

    // Undoing a batch whose case has been locked since would change a final text: refused.
    setStage(f.db, { id: f.ids.a, stage: 'final', who: WHO });
    assert.throws(() => undoReplaceBatch(f.db, withA.batch.id, WHO), isAppError('CASE_LOCKED'));
    assert.equal(getCase(f.db, f.ids.a).doc.blocks[1]!.text, '村民委员会组织村民议事，村民委员会成员带头。');
  });

  test('apply with some picks locked since the preview replaces the rest and lists the locked', (t) => {
    const f = setup(t);
    const q = query(f);
    const preview = previewReplace(f.db, q);
    setStage(f.db, { id: f.ids.a, stage: 'final', who: WHO });
    const { batch, locked } = applyReplace(f.db, pickAll(preview, q), WHO);
    assert.deepEqual(locked, [{ id: f.ids.a, number: 1, title: '村委换届' }]);
    assert.equal(batch.cases, 1);
    assert.equal(getCase(f.db, f.ids.a).version, 1);
    assert.equal(getCase(f.db, f.ids.b).version, 2);
  });

  test('a case saved since the preview is a CONFLICT naming it; nothing is written', (t) => {
    const f = setup(t);
    const q = query(f);
    const preview = previewReplace(f.db, q);
    const b = getCase(f.db, f.ids.b);
    saveCase(f.db, { id: b.id, version: b.version, doc: b.doc, who: '编辑乙' });
    assert.throws(
      () => applyReplace(f.db, pickAll(preview, q), WHO),
      isAppError('CONFLICT', (e) => assert.deepEqual(e.details?.list, [{ id: f.ids.b, number: 2, title: '民情论坛' }])),
    );
    assert.equal(getCase(f.db, f.ids.a).version, 1);
    assert.deepEqual(listReplaceBatches(f.db, f.volumeId), []);
  });

  test('a hit id the query does not produce is refused', (t) => {
    const f = setup(t);
    const q = query(f);
    const input = pickAll(previewReplace(f.db, q), q);
    assert.throws(() => applyReplace(f.db, { ...input, pattern: '村民' }, WHO), isAppError('VALIDATION'));
    assert.throws(
      () => applyReplace(f.db, { ...input, caseIds: [f.ids.c] }, WHO),
      isAppError('VALIDATION'),
      'a pick outside the scope',
    );
    assert.deepEqual(listReplaceBatches(f.db, f.volumeId), []);
  });

  test('regex mode with groups over the scope of some cases; unknown cases are NOT_FOUND', (t) => {
    const f = setup(t);
    const q = query(f, {
      pattern: '(\\p{Script=Han})委(?!会)',
      replacement: '$1民委员会',
      regex: true,
      caseIds: [f.ids.b, f.ids.c],
    });
    const p = previewReplace(f.db, q);
    assert.deepEqual(
      p.cases.map((c) => c.id),
      [f.ids.b],
    );
    applyReplace(f.db, pickAll(p, q), WHO);
    assert.equal(getCase(f.db, f.ids.b).doc.blocks[1]!.text, '每月一次，由村民委员会主持。');
    const other = createVolume(f.db, { title: '卷二' }).id;
    assert.throws(() => previewReplace(f.db, { ...q, volumeId: other }), isAppError('NOT_FOUND'));
    assert.throws(() => previewReplace(f.db, { ...q, volumeId: 99_999 }), isAppError('NOT_FOUND'));
  });

  test('a catastrophic regex is REGEX_TIMEOUT in preview and apply; an invalid one REGEX_INVALID', (t) => {
    const f = setup(t);
    const long = createCase(f.db, {
      volumeId: f.volumeId,
      title: '长',
      doc: { version: 1, blocks: [block('body', `${'a'.repeat(40)}b`)] },
      who: WHO,
    });
    const q = query(f, { pattern: '(a+)+$', replacement: '', regex: true });
    assert.throws(
      () => previewReplace(f.db, q, 100),
      isAppError('REGEX_TIMEOUT', (e) => assert.equal(e.details?.ms, 100)),
    );
    const input: ReplaceApplyInput = { ...q, reason: '试', picks: [{ caseId: long.id, version: 1, hitIds: [`${long.id}:0:0`] }] };
    assert.throws(() => applyReplace(f.db, input, WHO, 100), isAppError('REGEX_TIMEOUT'));
    assert.deepEqual(listReplaceBatches(f.db, f.volumeId), [], 'the timed-out apply rolled back');
    assert.throws(() => previewReplace(f.db, { ...q, pattern: '(?<' }), isAppError('REGEX_INVALID'));
  });

  test('a preview past its bound lists the first hits and says how many there are', (t) => {
    const f = setup(t);
    const many: CaseDoc = { version: 1, blocks: [block('body', '的'.repeat(1500)), block('body', '的'.repeat(1500))] };
    createCase(f.db, { volumeId: f.volumeId, number: 4, title: '多', doc: many, who: WHO });
    createCase(f.db, { volumeId: f.volumeId, number: 5, title: '又多', doc: many, who: WHO });
    const p = previewReplace(f.db, query(f, { pattern: '的', replacement: '地' }));
    assert.equal(p.truncated, true);
    assert.equal(p.total, 6000);
    assert.equal(
      p.cases.reduce((n, c) => n + c.hits.length, 0),
      p.limit,
    );
    assert.deepEqual(
      p.cases.map((c) => [c.total, c.hits.length]),
      [
        [3000, 2000],
        [3000, 0],
      ],
    );
  });
});
