import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  DB_FILE,
  LATEST_VERSION,
  MIGRATIONS,
  checkIntegrity,
  caseState,
  getCase,
  listEvents,
  getUserVersion,
  listRevisions,
  migrate,
  openLibrary,
  saveCase,
  schemaSnapshot,
  searchCases,
} from '../../../main/store/index.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import { doc, tempDir } from './helpers/fixtures.ts';
import { assertBlockIds, withoutBlockIds } from './helpers/blockIds.ts';

const migrationsDir = new URL('../../../main/store/migrations/', import.meta.url);

describe('migrations', () => {
  test('every NNNN-kebab.ts file is listed in order, its number matching its version', () => {
    const files = fs
      .readdirSync(migrationsDir)
      .filter((f) => f !== 'index.ts')
      .sort();
    assert.ok(files.length >= 2);
    for (const f of files) assert.match(f, /^\d{4}-[a-z0-9]+(-[a-z0-9]+)*\.ts$/);
    assert.deepEqual(
      files.map((f) => Number(f.slice(0, 4))),
      MIGRATIONS.map((m) => m.version),
    );
    assert.deepEqual(
      files.map((f) => f.slice(5, -3)),
      MIGRATIONS.map((m) => m.name),
    );
    assert.equal(LATEST_VERSION, files.length);
  });

  test('a fresh library gets every migration in one go and a healthy schema', (t) => {
    const lib = openLibrary(tempDir(t));
    t.after(() => lib.close());
    assert.equal(getUserVersion(lib.db), LATEST_VERSION);
    assert.deepEqual(checkIntegrity(lib.db), []);
    assert.deepEqual(migrate(lib.db), [], 'migrating again applies nothing');
  });

  test('a v1 library with data is upgraded on open, data kept and backfilled', (t) => {
    const dir = tempDir(t);
    const file = path.join(dir, DB_FILE);
    const raw = new DatabaseSync(file, { enableForeignKeyConstraints: true });
    assert.deepEqual(migrate(raw, MIGRATIONS.slice(0, 1)), [1]);
    assert.equal(getUserVersion(raw), 1);
    // Rows written the way the v1 app wrote them (the v1 schema has no revision size column).
    const at = '2024-03-01T08:00:00.000Z';
    const body = '临洮街街道康乐路社区共有居民1412户，总人口4012人。';
    const docJson = JSON.stringify(doc('开设“民情论坛” 打造和谐家园', body));
    const text = `开设“民情论坛” 打造和谐家园\n${body}`;
    raw.prepare('INSERT INTO volumes (id, title, created_at, updated_at) VALUES (1, ?, ?, ?)').run('创先争优好做法', at, at);
    raw
      .prepare(
        `INSERT INTO cases (id, volume_id, number, title, organization, doc, text, version, created_at, updated_at)
       VALUES (1, 1, 1, ?, ?, ?, ?, 1, ?, ?)`,
      )
      .run('开设“民情论坛” 打造和谐家园', '康乐路社区党总支', docJson, text, at, at);
    raw
      .prepare(`INSERT INTO case_revisions (case_id, version, kind, who, at, doc, text) VALUES (1, 1, 'import', '甲', ?, ?, ?)`)
      .run(at, docJson, text);
    // v1 recorded stage changes as plain transitions, any direction.
    raw.prepare(`UPDATE cases SET stage = 'review2' WHERE id = 1`).run();
    raw
      .prepare(
        `INSERT INTO case_events (case_id, from_stage, to_stage, who, at) VALUES
         (1, NULL, 'imported', '甲', ?), (1, 'imported', 'review2', '乙', ?)`,
      )
      .run(at, '2024-03-02T08:00:00.000Z');
    raw.close();

    const lib = openLibrary(dir);
    t.after(() => lib.close());
    assert.equal(getUserVersion(lib.db), LATEST_VERSION);
    assert.deepEqual(checkIntegrity(lib.db), []);
    const c = getCase(lib.db, 1);
    assert.equal(c.text, text);
    assert.deepEqual(withoutBlockIds(c.doc), JSON.parse(docJson));
    assertBlockIds(c.doc); // v6: documents stored before blocks had ids get them at upgrade
    const [rev] = listRevisions(lib.db, 1);
    assert.equal(rev?.chars, [...text].length, 'v2 backfilled the size of revisions written by v1');
    assert.equal(searchCases(lib.db, '民情论坛')[0]?.id, 1, 'the v1 search index still answers');
    // v3: global ids everywhere, old transitions kept in the log as create + move, stage derived from it.
    const uuids = lib.db
      .prepare(`SELECT uuid FROM volumes UNION ALL SELECT uuid FROM cases UNION ALL SELECT uuid FROM case_events`)
      .all()
      .map((r) => String(r.uuid));
    assert.equal(uuids.length, 4);
    assert.ok(
      uuids.every((u) => /^[0-9a-f-]{36}$/.test(u) && u[14] === '7'),
      'UUIDv7',
    );
    assert.equal(new Set(uuids).size, 4);
    assert.deepEqual(
      listEvents(lib.db, 1).map((e) => [e.kind, e.toStage, e.who]),
      [
        ['create', 'imported', '甲'],
        ['move', 'review2', '乙'],
      ],
    );
    assert.equal(caseState(lib.db, 1).stage, 'review2');
    assert.equal(getCase(lib.db, 1).stage, 'review2');
    const saved = saveCase(lib.db, { id: 1, version: 1, doc: doc('新标题', '正文'), who: '乙' });
    assert.equal(saved.version, 2);
    assert.equal(listRevisions(lib.db, 1)[0]?.chars, '新标题\n正文'.length);

    const fresh = openLibrary(tempDir(t));
    t.after(() => fresh.close());
    assert.deepEqual(schemaSnapshot(lib.db), schemaSnapshot(fresh.db), 'upgraded schema equals a fresh one');
  });

  test('a failing migration rolls back every pending one and keeps the old version', (t) => {
    const raw = new DatabaseSync(path.join(tempDir(t), DB_FILE));
    t.after(() => raw.close());
    const broken = [
      ...MIGRATIONS,
      {
        version: LATEST_VERSION + 1,
        name: 'broken',
        up(db: DatabaseSync) {
          db.exec('CREATE TABLE half_done (x INTEGER)');
          db.exec('ALTER TABLE no_such_table ADD COLUMN y INTEGER');
        },
      },
    ];
    assert.throws(() => migrate(raw, broken), /no such table/);
    assert.equal(getUserVersion(raw), 0);
    assert.deepEqual(schemaSnapshot(raw), [], 'not even the good migrations stayed');
  });

  test('migrate refuses a database newer than the migrations it knows', (t) => {
    const raw = new DatabaseSync(path.join(tempDir(t), DB_FILE));
    t.after(() => raw.close());
    migrate(raw);
    assert.throws(
      () => migrate(raw, MIGRATIONS.slice(0, 1)),
      (e: unknown) => e instanceof AppError && e.code === 'DB_TOO_NEW',
    );
    assert.equal(getUserVersion(raw), LATEST_VERSION);
  });
});
