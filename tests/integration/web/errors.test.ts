// A user's bad file is answered as a client error over HTTP, naming the file they chose.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { AppErrorShape } from '../../../shared/ipc/errors.ts';
import { FILE_NAME_HEADER } from '../../../shared/ipc/transport.ts';
import { startWebServer, type WebServer } from '../../../main/web/server.ts';
import { bootTemp } from '../services/helpers.ts';

type Booted = Awaited<ReturnType<typeof bootTemp>>;
interface Answer {
  status: number;
  body: { ok: boolean; value?: unknown; error?: AppErrorShape };
}

describe('import errors over HTTP', () => {
  let app: Booted;
  let server: WebServer;

  async function post(channel: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const isBytes = body instanceof Uint8Array;
    const res = await fetch(`${server.url}/api/${channel}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${server.token}`,
        'Content-Type': isBytes ? 'application/octet-stream' : 'application/json',
        ...headers,
      },
      body: isBytes ? Buffer.from(body) : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Answer['body'] };
  }

  async function importBytes(name: string, bytes: Uint8Array): Promise<Answer> {
    const staged = await post('files:stage', bytes, { [FILE_NAME_HEADER]: encodeURIComponent(name) });
    assert.equal(staged.status, 200);
    const { fileId } = staged.body.value as { fileId: string };
    const started = await post('import:start', { fileId });
    const { jobId } = started.body.value as { jobId: string };
    for (;;) {
      const job = await post('jobs:get', { jobId });
      if ((job.body.value as { state: string }).state !== 'running') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    return post('import:preview', { jobId });
  }

  before(async () => {
    app = await bootTemp();
    // Inside the temp library's folder, so that app.done() removes it too.
    const staticDir = fs.mkdirSync(path.join(app.dir, 'static'), { recursive: true })!;
    server = await startWebServer({ dispatch: app.dispatch, staticDir, scansDir: app.scansDir });
  });
  after(async () => {
    await server.close();
    await app.done();
  });

  for (const [label, name, bytes, code, status] of [
    ['binary', '第三卷.txt', new Uint8Array([0x41, 0, 0x42, 0, 0, 0x43]), 'IMPORT_BINARY', 415],
    ['empty', '空白.txt', new Uint8Array(0), 'IMPORT_EMPTY', 422],
    ['broken PDF', '坏的.pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj <<'), 'IMPORT_PDF_BROKEN', 422],
  ] as const) {
    test(`${label}: ${code} as HTTP ${status}, naming ${name}`, async () => {
      const answer = await importBytes(name, bytes);
      assert.equal(answer.status, status);
      assert.equal(answer.body.error?.code, code);
      assert.equal(answer.body.error?.details?.file, name);
      assert.ok(answer.body.error?.message.startsWith(`${name}: `), answer.body.error?.message);
      assert.doesNotMatch(JSON.stringify(answer.body), /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/, 'no staging id');
    });
  }

  test('a cancelled import is a 409, not a 500', async () => {
    // Large enough that the worker is still parsing when the cancel arrives.
    const text = new TextEncoder().encode('第一页的正文，有几个字。\n'.repeat(100_000));
    const staged = await post('files:stage', text, { [FILE_NAME_HEADER]: 'a.txt' });
    const { jobId } = (await post('import:start', { fileId: (staged.body.value as { fileId: string }).fileId })).body.value as {
      jobId: string;
    };
    await post('jobs:cancel', { jobId });
    const preview = await post('import:preview', { jobId });
    assert.equal(preview.body.error?.code, 'CANCELLED');
    assert.equal(preview.status, 409);
  });
});
