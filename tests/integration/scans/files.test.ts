import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/ipc/errors.ts';
import { createVolume, openLibrary, setVolumeScan } from '../../../main/store/index.ts';
import { pruneScanFiles, scanFilePath, storeScanFile } from '../../../main/scans/files.ts';
import { tempDir } from '../store/helpers/fixtures.ts';

const seedScan = new URL('../../fixtures/seed/excerpt-scan.pdf', import.meta.url);

describe('scan files', () => {
  test('stored by content hash once, resolved only by valid names, pruned when unreferenced', (t) => {
    const lib = openLibrary(tempDir(t));
    t.after(() => lib.close());
    const bytes = fs.readFileSync(seedScan);
    const name = storeScanFile(lib, bytes, '.PDF');
    assert.equal(name, `${createHash('sha256').update(bytes).digest('hex')}.pdf`);
    assert.equal(storeScanFile(lib, bytes, 'pdf'), name);
    assert.deepEqual(fs.readdirSync(lib.scansDir), [name]);
    assert.deepEqual(fs.readFileSync(scanFilePath(lib, name)), bytes);
    for (const bad of ['../library.sqlite', `${name}/../../x`, 'abc.pdf', `${name}.exe`]) {
      assert.throws(
        () => scanFilePath(lib, bad),
        (e: unknown) => e instanceof AppError && e.code === 'NOT_FOUND',
        bad,
      );
    }
    assert.throws(
      () => storeScanFile(lib, bytes, 'exe'),
      (e: unknown) => e instanceof AppError && e.code === 'IMPORT_SCAN_UNSUPPORTED',
    );

    const orphan = storeScanFile(lib, Buffer.from('not referenced'), 'jpg');
    const v = createVolume(lib.db, { title: '卷' });
    setVolumeScan(lib.db, v.id, { kind: 'pdf', files: [name], pageCount: 9, offset: 0 });
    assert.deepEqual(pruneScanFiles(lib), [orphan]);
    assert.deepEqual(fs.readdirSync(lib.scansDir), [name]);
    assert.ok(path.isAbsolute(scanFilePath(lib, name)));
  });
});
