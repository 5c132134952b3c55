// `pages:ocr` as the editor reaches it in browser mode: what OCR read on a page, null for a page with
// a text layer, refused input and missing pages answered with their codes and statuses.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { AppErrorShape } from '../../../shared/ipc/errors.ts';
import { OcrPage } from '../../../shared/model/ocr.ts';
import { contract } from '../../../shared/ipc/contract.ts';
import { writeImport } from '../../../main/store/index.ts';
import { startWebServer, type WebServer } from '../../../main/web/server.ts';
import { seedImport } from '../store/helpers/fixtures.ts';
import { bootTemp, call } from './helpers.ts';

type Booted = Awaited<ReturnType<typeof bootTemp>>;
type Answer = { status: number } & ({ ok: true; value: unknown } | { ok: false; error: AppErrorShape });

const ocr6 = OcrPage.parse(
  JSON.parse(fs.readFileSync(new URL('../../fixtures/ocr-pages/seed-page-6.ocr.json', import.meta.url), 'utf8')),
);

describe('pages:ocr', () => {
  let app: Booted;
  let server: WebServer;
  let volumeId: number;

  async function post(body: unknown): Promise<Answer> {
    const res = await fetch(`${server.url}/api/pages:ocr`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, ...((await res.json()) as { ok: true; value: unknown } | { ok: false; error: AppErrorShape }) };
  }

  before(async () => {
    app = await bootTemp();
    const base = seedImport();
    volumeId = writeImport(
      app.ctx.lib.db,
      seedImport({ pages: base.pages.map((p) => (p.index === 6 ? { ...p, ocr: ocr6 } : p)) }),
    ).id;
    const staticDir = fs.mkdirSync(path.join(app.dir, 'static'), { recursive: true })!;
    server = await startWebServer({ dispatch: app.dispatch, staticDir, scansDir: app.scansDir });
  });
  after(async () => {
    await server.close();
    await app.done();
  });

  test('answers the page’s OCR, as the contract’s output schema reads it, and null for a text-layer page', async () => {
    const answer = await post({ volumeId, index: 6 });
    assert.equal(answer.status, 200);
    assert.ok(answer.ok);
    assert.deepEqual(contract['pages:ocr'].output.parse(answer.value), ocr6);
    assert.equal(await call(app, 'pages:ocr', { volumeId, index: 0 }), null);
  });

  test('a page or volume that does not exist is NOT_FOUND (404); bad input is VALIDATION (400)', async () => {
    for (const body of [
      { volumeId, index: 99 },
      { volumeId: 12345, index: 0 },
    ]) {
      const a = await post(body);
      assert.equal(a.status, 404, JSON.stringify(body));
      assert.equal(a.ok ? 'ok' : a.error.code, 'NOT_FOUND');
    }
    for (const body of [{ volumeId, index: -1 }, { volumeId, index: 1.5 }, { volumeId }, { index: 0 }]) {
      const a = await post(body);
      assert.equal(a.status, 400, JSON.stringify(body));
      assert.equal(a.ok ? 'ok' : a.error.code, 'VALIDATION');
    }
  });
});
