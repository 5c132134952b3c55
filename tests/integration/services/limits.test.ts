// Bounds at the boundary: what a careless client or a hostile page sends is refused, and nothing is left behind.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Case, Volume } from '../../../shared/model/entities.ts';
import { bootTemp, call, SEED, stageFile } from './helpers.ts';

type Booted = Awaited<ReturnType<typeof bootTemp>>;

describe('limits of cases:save and volumes:attachScan', () => {
  let app: Booted;
  let volume: Volume;
  let first: Case;

  before(async () => {
    app = await bootTemp();
    volume = await call<Volume>(app, 'sample:install');
    const cases = await call<Array<{ id: number }>>(app, 'cases:list', { volumeId: volume.id });
    first = await call<Case>(app, 'cases:get', { id: cases[0]!.id });
  });
  after(() => app.done());

  async function save(extra: Record<string, unknown>, doc: unknown = first.doc) {
    return app.dispatch('cases:save', { id: first.id, version: first.version, doc, ...extra });
  }

  test('an empty, blank or 5 MB title is refused; a real one is saved', async () => {
    for (const title of ['', '   ', '题'.repeat(5 * 1024 * 1024)]) {
      const res = await save({ title });
      assert.equal(res.ok, false);
      if (!res.ok) assert.equal(res.error.code, 'VALIDATION');
    }
    const res = await save({ title: '开设“民情论坛” 打造和谐家园（修订）' });
    assert.ok(res.ok);
    first = await call<Case>(app, 'cases:get', { id: first.id });
    assert.equal(first.title, '开设“民情论坛” 打造和谐家园（修订）');
  });

  test('a document pointing at pages the volume does not have is refused, and nothing changes', async () => {
    const beyond = volume.pageCount + 3;
    for (const doc of [
      { ...first.doc, blocks: first.doc.blocks.map((b, i) => (i === 0 ? { ...b, page: beyond } : b)) },
      { ...first.doc, blocks: first.doc.blocks.map((b, i) => (i === 1 ? { ...b, breaks: [{ at: 0, page: 100_000 }] } : b)) },
    ]) {
      const res = await save({}, doc);
      assert.equal(res.ok, false);
      if (!res.ok) {
        assert.equal(res.error.code, 'VALIDATION');
        assert.ok(Array.isArray(res.error.details?.pages));
      }
    }
    const again = await call<Case>(app, 'cases:get', { id: first.id });
    assert.equal(again.version, first.version);
  });

  test('an oversized document is refused before it reaches the store', async () => {
    const huge = { ...first.doc, blocks: [{ kind: 'body', text: '字'.repeat(300_000), page: 0, breaks: [] }] };
    const res = await save({}, huge);
    assert.equal(res.ok, false);
    if (!res.ok) assert.equal(res.error.code, 'VALIDATION');
  });

  test('attaching a scan to an unknown volume is refused before the file is stored', async () => {
    // A PDF the sample's volume does not use, so that storing it would show.
    const before = fs.readdirSync(app.ctx.lib.scansDir).sort();
    const fileId = await stageFile(app, path.join(SEED, 'excerpt.pdf'), '另一份扫描.pdf');
    const res = await app.dispatch('volumes:attachScan', { id: 9999, fileId, offset: 0 });
    assert.equal(res.ok, false);
    if (!res.ok) assert.equal(res.error.code, 'NOT_FOUND');
    assert.deepEqual(fs.readdirSync(app.ctx.lib.scansDir).sort(), before, 'no scan file left behind');
  });
});
