import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError, toErrorShape } from '../../../../shared/ipc/errors.ts';
import { call, withLibrary } from '../../../../main/cli/context.ts';

test('call answers with the channel’s output, and a refusal is thrown as the contract’s AppError', async (t) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-cli-call-'));
  t.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const opts = { library: path.join(tmp, 'library'), dataDir: path.join(tmp, 'data'), json: false };
  await withLibrary(opts, async (app) => {
    const volume = await call(app, 'volumes:create', { title: '第一卷' });
    assert.equal(volume.title, '第一卷');
    assert.deepEqual(
      (await call(app, 'volumes:list', {})).map((v) => v.id),
      [volume.id],
    );

    // Validated by the dispatcher as a call from the app would be; the issues say where.
    const refused = await call(app, 'cases:list', { volumeId: 'one' } as never).then(
      () => assert.fail('expected a refusal'),
      (err: unknown) => err,
    );
    assert.ok(refused instanceof AppError);
    assert.equal(refused.code, 'VALIDATION');
    assert.deepEqual(
      (refused.details?.issues as Array<{ path: string }>).map((i) => i.path),
      ['volumeId'],
    );
    // What the CLI prints is built from this shape.
    assert.equal(toErrorShape(refused).code, 'VALIDATION');
  });
});
