import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { createVolume, listVolumes, openLibrary, withTransaction, type Library } from '../../../main/store/index.ts';
import { tempDir } from './helpers/fixtures.ts';

function open(t: TestContext): Library {
  const lib = openLibrary(tempDir(t));
  t.after(() => lib.close());
  return lib;
}

const titles = (lib: Library) => listVolumes(lib.db).map((v) => v.title);

describe('withTransaction', () => {
  test('commits on return and rolls back on throw', (t) => {
    const lib = open(t);
    assert.equal(
      withTransaction(lib.db, () => createVolume(lib.db, { title: '留下' }).title),
      '留下',
    );
    assert.throws(
      () =>
        withTransaction(lib.db, () => {
          createVolume(lib.db, { title: '撤销' });
          throw new Error('boom');
        }),
      /boom/,
    );
    assert.deepEqual(titles(lib), ['留下']);
    assert.equal(lib.db.isTransaction, false);
  });

  test('nested calls are savepoints: an inner failure caught by the outer keeps the outer work', (t) => {
    const lib = open(t);
    withTransaction(lib.db, () => {
      createVolume(lib.db, { title: '外层' });
      assert.throws(() =>
        withTransaction(lib.db, () => {
          createVolume(lib.db, { title: '内层' });
          throw new Error('inner');
        }),
      );
      withTransaction(lib.db, () => createVolume(lib.db, { title: '内层二' }));
    });
    assert.deepEqual(titles(lib), ['外层', '内层二']);
  });

  test('an async function is refused and rolled back, since it would commit before its awaits', (t) => {
    const lib = open(t);
    assert.throws(
      () =>
        withTransaction(lib.db, async () => {
          createVolume(lib.db, { title: '异步' });
        }),
      /synchronous/,
    );
    assert.deepEqual(titles(lib), []);
    assert.equal(lib.db.isTransaction, false);
  });
});
