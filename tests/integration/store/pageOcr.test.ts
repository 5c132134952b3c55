// What OCR read on a page, stored with the page (migration 0007, pagesRepo, importRepo): an older
// library upgrades with its pages kept and no OCR, an import writes OCR and reads it back exactly.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  DB_FILE,
  LATEST_VERSION,
  MIGRATIONS,
  checkIntegrity,
  getPageOcr,
  getUserVersion,
  listPages,
  listVolumes,
  migrate,
  openLibrary,
  schemaSnapshot,
  writeImport,
} from '../../../main/store/index.ts';
import { OcrPage } from '../../../shared/model/ocr.ts';
import { writeParsedImport } from '../../../main/import/importWrite.ts';
import { importText } from '../../../shared/import/pipeline.ts';
import { isAppError } from './helpers/appError.ts';
import { openTemp, seedImport, tempDir } from './helpers/fixtures.ts';

function ocrFixture(index: number): OcrPage {
  const url = new URL(`../../fixtures/ocr-pages/seed-page-${index}.ocr.json`, import.meta.url);
  return OcrPage.parse(JSON.parse(fs.readFileSync(url, 'utf8')));
}

/** The seed import with pages 5 and 6 read by OCR (the others as from a text layer). */
function importWithOcr() {
  const base = seedImport();
  return seedImport({
    pages: base.pages.map((p) => (p.index === 5 || p.index === 6 ? { ...p, ocr: ocrFixture(p.index) } : p)),
  });
}

describe('page OCR in the store', () => {
  test('a v6 library with pages upgrades to v7: pages kept, no OCR, schema as a fresh one', (t) => {
    const dir = tempDir(t);
    const raw = new DatabaseSync(path.join(dir, DB_FILE), { enableForeignKeyConstraints: true });
    assert.deepEqual(migrate(raw, MIGRATIONS.slice(0, 6)), [1, 2, 3, 4, 5, 6]);
    const at = '2026-11-30T08:00:00.000Z';
    raw
      .prepare(`INSERT INTO volumes (id, uuid, title, created_at, updated_at) VALUES (1, ?, '创先争优好做法', ?, ?)`)
      .run('0190a4c0-0000-7000-8000-000000000001', at, at);
    const insert = raw.prepare(`INSERT INTO pages (volume_id, idx, printed_label, raw_text, status) VALUES (1, ?, ?, ?, ?)`);
    insert.run(0, null, '学习先进典型 争创一流业绩', 'proofed');
    insert.run(1, '1', '临洮街街道康乐路社区共有居民1412户', 'unproofed');
    raw.close();

    const lib = openLibrary(dir);
    t.after(() => lib.close());
    assert.equal(getUserVersion(lib.db), LATEST_VERSION);
    assert.deepEqual(checkIntegrity(lib.db), []);
    assert.deepEqual(
      listPages(lib.db, 1).map((p) => [p.index, p.printedLabel, p.rawText, p.status]),
      [
        [0, null, '学习先进典型 争创一流业绩', 'proofed'],
        [1, '1', '临洮街街道康乐路社区共有居民1412户', 'unproofed'],
      ],
    );
    assert.equal(getPageOcr(lib.db, 1, 0), null);
    assert.equal(getPageOcr(lib.db, 1, 1), null);
    const fresh = openTemp(t);
    assert.deepEqual(schemaSnapshot(lib.db), schemaSnapshot(fresh.db), 'upgraded schema equals a fresh one');
  });

  test('an import stores each page’s OCR and reads it back exactly; pages from a text layer have none', (t) => {
    const lib = openTemp(t);
    const volume = writeImport(lib.db, importWithOcr());
    assert.deepEqual(getPageOcr(lib.db, volume.id, 5), ocrFixture(5));
    assert.deepEqual(getPageOcr(lib.db, volume.id, 6), ocrFixture(6));
    assert.equal(getPageOcr(lib.db, volume.id, 0), null);
    // Compact: the JSON as given, no pretty-printing; listPages does not carry it.
    const row = lib.db.prepare('SELECT length(ocr) AS n FROM pages WHERE volume_id = ? AND idx = 6').get(volume.id);
    assert.equal(Number(row?.n), JSON.stringify(ocrFixture(6)).length);
    assert.ok(listPages(lib.db, volume.id).every((p) => !('ocr' in p)));
  });

  test('a parsed import commits the OCR its pages carry (importWrite)', (t) => {
    const lib = openTemp(t);
    const excerpt = fs.readFileSync(new URL('../../fixtures/seed/excerpt.txt', import.meta.url), 'utf8');
    const result = importText(excerpt, { sourceName: 'excerpt.txt', encoding: 'utf-8' });
    const page = result.pages.find((p) => p.index === 6)!;
    page.ocr = ocrFixture(6);
    const volume = writeParsedImport(
      lib.db,
      lib.scansDir,
      { result, scanPageCount: 0, suggestedOffset: 0 },
      { title: '卷', sourceName: 'excerpt.txt', sourceHash: 'h', scans: [], scanOffset: 0, replaceVolumeId: null, who: '审校员' },
    );
    assert.deepEqual(getPageOcr(lib.db, volume.id, 6), ocrFixture(6));
    assert.equal(getPageOcr(lib.db, volume.id, 5), null);
  });

  test('a re-import replaces the pages’ OCR with the new one', (t) => {
    const lib = openTemp(t);
    const volume = writeImport(lib.db, importWithOcr());
    const again = writeImport(lib.db, seedImport({ replaceVolumeId: volume.id }));
    assert.equal(again.id, volume.id);
    assert.equal(getPageOcr(lib.db, volume.id, 5), null);
  });

  test('a missing page or volume is NOT_FOUND; invalid OCR is refused and writes nothing', (t) => {
    const lib = openTemp(t);
    const volume = writeImport(lib.db, importWithOcr());
    assert.throws(() => getPageOcr(lib.db, volume.id, 99), isAppError('NOT_FOUND'));
    assert.throws(() => getPageOcr(lib.db, 9999, 0), isAppError('NOT_FOUND'));

    const other = openTemp(t);
    const bad = seedImport();
    const broken = { ...ocrFixture(5), width: -1 } as OcrPage;
    assert.throws(
      () => writeImport(other.db, { ...bad, pages: bad.pages.map((p) => (p.index === 2 ? { ...p, ocr: broken } : p)) }),
      isAppError('VALIDATION', (e) => assert.equal(e.details?.page, 2)),
    );
    assert.deepEqual(listVolumes(other.db), [], 'the whole import rolled back');
  });

  test('OCR damaged in the file is DB_CORRUPT, not a crash; the column refuses text that is not JSON', (t) => {
    const lib = openTemp(t);
    const volume = writeImport(lib.db, importWithOcr());
    lib.db.prepare(`UPDATE pages SET ocr = '{"width": 3}' WHERE volume_id = ? AND idx = 5`).run(volume.id);
    assert.throws(() => getPageOcr(lib.db, volume.id, 5), isAppError('DB_CORRUPT'));
    assert.throws(
      () => lib.db.prepare(`UPDATE pages SET ocr = 'not json' WHERE volume_id = ? AND idx = 6`).run(volume.id),
      /CHECK/,
    );
    assert.deepEqual(getPageOcr(lib.db, volume.id, 6), ocrFixture(6));
  });
});
