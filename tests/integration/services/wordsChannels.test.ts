// The library word list through the contract, as the UI reaches it: in process and over HTTP.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Case, CaseSummary, Volume } from '../../../shared/model/entities.ts';
import type { WordEntry, WordExport, WordImportResult } from '../../../shared/model/wordList.ts';
import { findSuspects } from '../../../shared/proof/suspects.ts';
import { compileWordList } from '../../../shared/proof/wordList.ts';
import { createClient } from '../../../renderer/api/client.ts';
import { httpTransport } from '../../../renderer/api/transport.ts';
import { startWebServer, type WebServer } from '../../../main/web/server.ts';
import { bootTemp, call, stageBytes } from './helpers.ts';

type Booted = Awaited<ReturnType<typeof bootTemp>>;

async function code(app: Booted, channel: string, input: unknown): Promise<{ code: string | null; details: unknown }> {
  const res = await app.dispatch(channel, input);
  return res.ok ? { code: null, details: undefined } : { code: res.error.code, details: res.error.details };
}

const list = async (app: Booted) =>
  (await call<WordEntry[]>(app, 'words:list')).map(
    (w) => `${w.kind === 'good' ? '+' : '-'}${w.word}${w.replacement ? `=${w.replacement}` : ''}`,
  );

describe('word list channels', () => {
  let app: Booted;

  before(async () => {
    app = await bootTemp();
    await call(app, 'prefs:set', { userName: '李编辑' });
  });
  after(() => app.done());

  test('set normalizes, records who, edits by id; remove; bad input is refused by the contract', async () => {
    const a = await call<WordEntry>(app, 'words:set', { word: '  Cafe\u0301  ', kind: 'bad', replacement: ' Café! ' });
    assert.equal(a.word, 'Café');
    assert.equal(a.replacement, 'Café!');
    assert.equal(a.who, '李编辑');
    // A blank replacement is none.
    const b = await call<WordEntry>(app, 'words:set', { word: '的的', kind: 'bad', replacement: '   ' });
    assert.equal(b.replacement, null);
    const edited = await call<WordEntry>(app, 'words:set', { id: b.id, word: '的的的', kind: 'bad', replacement: '的' });
    assert.equal(edited.id, b.id);
    assert.deepEqual(await list(app), ['-Café=Café!', '-的的的=的']);

    assert.equal((await code(app, 'words:set', { word: '好', kind: 'good', replacement: '坏' })).code, 'VALIDATION');
    assert.equal((await code(app, 'words:set', { word: '   ', kind: 'good' })).code, 'VALIDATION');
    assert.equal((await code(app, 'words:set', { word: '长'.repeat(51), kind: 'good' })).code, 'VALIDATION');
    assert.equal((await code(app, 'words:set', { word: '制\t表', kind: 'good' })).code, 'VALIDATION');
    assert.equal((await code(app, 'words:set', { word: 'a=>b', kind: 'bad' })).code, 'VALIDATION');
    assert.equal((await code(app, 'words:set', { word: '词', kind: 'neutral' })).code, 'VALIDATION');

    await call(app, 'words:remove', { id: a.id });
    assert.equal((await code(app, 'words:remove', { id: a.id })).code, 'NOT_FOUND');
    await call(app, 'words:remove', { id: b.id });
    assert.deepEqual(await call(app, 'words:list'), []);
  });

  test('import merges a text; a malformed line refuses the whole file with its number', async () => {
    await call(app, 'words:set', { word: '象', kind: 'bad', replacement: '像' });
    const r = await call<WordImportResult>(app, 'words:import', {
      text: '# 词表\n+现象\n-象 => 像\n-帐号 => 账号\n+现象\n',
    });
    assert.deepEqual(r, { added: 2, updated: 0, skipped: 2, total: 3 });
    const before = await call<WordEntry[]>(app, 'words:list');

    const bad = await code(app, 'words:import', { text: '+新词\n-另一个 => 另1个\n错词 => 正词\n+ \n' });
    assert.equal(bad.code, 'WORDLIST_FORMAT');
    const details = bad.details as { line: number; problem: string; reason: string; errors: unknown[] };
    assert.equal(details.line, 3);
    assert.equal(details.problem, 'prefix');
    assert.match(details.reason, /\+/);
    assert.deepEqual(details.errors, [
      { line: 3, problem: 'prefix' },
      { line: 4, problem: 'empty' },
    ]);
    assert.deepEqual(await call(app, 'words:list'), before);
  });

  test('a staged file in GBK, or UTF-8 with a BOM, reads as its text; the upload is let go', async () => {
    const text = '+社区\n-帐户 => 账户\n';
    const gbk = await stageBytes(app, '词表-gbk.txt', new Uint8Array(iconv.encode(text, 'gbk')));
    assert.deepEqual(await call<WordImportResult>(app, 'words:import', { fileId: gbk }), {
      added: 2,
      updated: 0,
      skipped: 0,
      total: 5,
    });
    assert.throws(() => app.ctx.staging.get(gbk), /No staged file/);
    const bom = await stageBytes(
      app,
      '词表-bom.txt',
      new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])),
    );
    assert.deepEqual(await call<WordImportResult>(app, 'words:import', { fileId: bom }), {
      added: 0,
      updated: 0,
      skipped: 2,
      total: 5,
    });
    // A refused file names itself.
    const broken = await stageBytes(app, '坏词表.txt', new Uint8Array(Buffer.from('+好\n?\n')));
    const res = await app.dispatch('words:import', { fileId: broken });
    assert.equal(res.ok ? null : res.error.code, 'WORDLIST_FORMAT');
    assert.equal(res.ok ? null : res.error.details?.file, '坏词表.txt');
    assert.equal((await code(app, 'words:import', { fileId: 'no-such-file' })).code, 'NOT_FOUND');
  });

  test('export then import into another library gives the same list; into the same, nothing changes', async () => {
    const exported = await call<WordExport>(app, 'words:export');
    assert.equal(exported.count, 5);
    const other = await bootTemp();
    try {
      assert.deepEqual(await call<WordImportResult>(other, 'words:import', { text: exported.text }), {
        added: 5,
        updated: 0,
        skipped: 0,
        total: 5,
      });
      assert.deepEqual(await list(other), await list(app));
      assert.equal((await call<WordExport>(other, 'words:export')).text, exported.text);
    } finally {
      await other.done();
    }
    const again = await call<WordImportResult>(app, 'words:import', { text: exported.text });
    assert.deepEqual(again, { added: 0, updated: 0, skipped: 5, total: 5 });
  });

  test("the library's list feeds the suspects of a case", async () => {
    const volume = await call<Volume>(app, 'sample:install');
    const [first] = await call<CaseSummary[]>(app, 'cases:list', { volumeId: volume.id });
    const c = await call<Case>(app, 'cases:get', { id: first!.id });
    const text = c.doc.blocks.map((b) => b.text).join('\n');
    assert.ok(text.includes('民情'));
    await call(app, 'words:set', { word: '民情', kind: 'bad', replacement: '民意' });
    const matcher = compileWordList(await call<WordEntry[]>(app, 'words:list'));
    const flagged = c.doc.blocks.flatMap((b) =>
      findSuspects(b.text, { words: matcher })
        .filter((s) => s.kind === 'bad-word')
        .map((s) => `${b.text.slice(s.start, s.end)}=>${s.fix}`),
    );
    assert.ok(flagged.includes('民情=>民意'), flagged.join());
  });
});

describe('word list over HTTP, through the renderer’s typed client', () => {
  let app: Booted;
  let server: WebServer;
  let client: ReturnType<typeof createClient>;

  before(async () => {
    app = await bootTemp();
    // Inside the temp library's folder, so that app.done() removes it too.
    const staticDir = path.join(app.dir, 'static');
    fs.mkdirSync(staticDir, { recursive: true });
    server = await startWebServer({ dispatch: app.dispatch, staticDir, scansDir: app.scansDir });
    client = createClient(() => httpTransport({ baseUrl: server.url, token: server.token }));
  });
  after(async () => {
    await server.close();
    await app.done();
  });

  test('set, list, upload a GBK file, export and remove', async () => {
    const w = await client.words.set({ word: '帐号', kind: 'bad', replacement: '账号' });
    assert.equal(w.word, '帐号');
    const file = new File([new Uint8Array(iconv.encode('+乾隆\n-的的\n', 'gb18030'))], '词表.txt');
    const staged = await client.stageFile(file);
    assert.deepEqual(await client.words.import({ fileId: staged.fileId }), { added: 2, updated: 0, skipped: 0, total: 3 });
    assert.deepEqual(
      (await client.words.list()).map((e) => e.word),
      ['乾隆', '帐号', '的的'],
    );
    const { text, count } = await client.words.export();
    assert.equal(count, 3);
    assert.match(text, /^-帐号 => 账号$/m);
    await client.words.remove({ id: w.id });
    assert.equal((await client.words.list()).length, 2);
  });

  test('a malformed file comes back as WORDLIST_FORMAT (HTTP 422) with its line', async () => {
    const res = await fetch(`${server.url}/api/words:import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: '+好\n\n-好 => 坏\n' }),
    });
    assert.equal(res.status, 422);
    const body = (await res.json()) as { ok: false; error: { code: string; details: { line: number; problem: string } } };
    assert.equal(body.error.code, 'WORDLIST_FORMAT');
    assert.equal(body.error.details.line, 3);
    assert.equal(body.error.details.problem, 'conflict');
    await assert.rejects(
      client.words.import({ text: 'oops' }),
      (err: unknown) => (err as { code?: string }).code === 'WORDLIST_FORMAT',
    );
  });
});
