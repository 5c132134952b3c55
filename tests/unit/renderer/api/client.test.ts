import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDispatcher } from '../../../../main/ipc/dispatch.ts';
import type { Handlers } from '../../../../shared/ipc/contract.ts';
import { AppError } from '../../../../shared/ipc/errors.ts';
import { API_PREFIX, FILE_NAME_HEADER } from '../../../../shared/ipc/transport.ts';
import { createClient, ApiError } from '../../../../renderer/api/client.ts';
import { httpTransport, parseTokenHash, takeTokenFromLocation } from '../../../../renderer/api/transport.ts';

const TOKEN = 'secret-token';
const volume = (id: number, title: string) => ({
  id,
  title,
  sourceName: null,
  sourceHash: null,
  scan: null,
  caseCount: 0,
  pageCount: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

// Handlers for the channels these tests call; the server follows shared/ipc/transport.ts to the letter.
const handlers: Partial<Handlers> = {
  'volumes:create': ({ title }) => volume(7, title),
  'volumes:list': () => [volume(1, '甲'), volume(2, '乙')],
  'volumes:get': ({ id }) => {
    throw new AppError('NOT_FOUND', `Volume ${id} not found`, { id });
  },
  // Deliberately breaks the contract's output schema.
  'volumes:delete': () => ({ ok: 'yes' }) as never,
  'files:stage': ({ name, bytes }) => ({ fileId: 'f1', name, size: bytes.length, sha256: '0'.repeat(64) }),
};
const dispatch = createDispatcher(handlers as Handlers);
const seen: Array<{ channel: string; contentType: string | undefined; fileName: string | undefined }> = [];

let server: http.Server;
let baseUrl: string;

before(async () => {
  server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    if (url.pathname === '/api/broken') {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<h1>Bad gateway</h1>');
      return;
    }
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: { code: 'UNAUTHORIZED', message: 'Bad token' } }));
      return;
    }
    const channel = decodeURIComponent(url.pathname.slice(API_PREFIX.length));
    const fileName = req.headers[FILE_NAME_HEADER] as string | undefined;
    seen.push({ channel, contentType: req.headers['content-type'], fileName });
    const input =
      channel === 'files:stage'
        ? { name: decodeURIComponent(fileName ?? ''), bytes: new Uint8Array(body) }
        : JSON.parse(body.toString('utf8') || '{}');
    const envelope = await dispatch(channel, input);
    res.writeHead(envelope.ok ? 200 : 400, { 'content-type': 'application/json' });
    res.end(JSON.stringify(envelope));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = (token: string | null = TOKEN) => createClient(() => httpTransport({ baseUrl, token }));

describe('typed client over the browser transport', () => {
  test('namespaced sugar reaches the channel and returns the parsed output', async () => {
    const v = await client().volumes.create({ title: '创先争优好做法' });
    assert.equal(v.id, 7);
    assert.equal(v.title, '创先争优好做法');
    const list = await client().volumes.list();
    assert.deepEqual(
      list.map((x) => x.title),
      ['甲', '乙'],
    );
    assert.equal(seen.at(-1)?.contentType, 'application/json');
  });

  test('invoke(channel, input) is the same call', async () => {
    const v = await client().invoke('volumes:create', { title: 'x' });
    assert.equal(v.title, 'x');
  });

  test('a refused call throws ApiError with code, server message and details', async () => {
    await assert.rejects(client().volumes.get({ id: 3 }), (err: unknown) => {
      assert.ok(err instanceof ApiError);
      assert.equal(err.code, 'NOT_FOUND');
      assert.equal(err.message, 'Volume 3 not found');
      assert.deepEqual(err.details, { id: 3 });
      return true;
    });
  });

  test('input the contract refuses comes back as VALIDATION', async () => {
    await assert.rejects(client().volumes.create({ title: '   ' }), { code: 'VALIDATION' });
  });

  test('an answer that breaks the output schema is refused as INTERNAL', async () => {
    await assert.rejects(client().volumes.delete({ id: 1 }), (err: unknown) => {
      assert.ok(err instanceof ApiError);
      assert.equal(err.code, 'INTERNAL');
      assert.equal(err.details?.['channel'], 'volumes:delete');
      return true;
    });
  });

  test('files:stage sends raw bytes with the URI-encoded name', async () => {
    const bytes = new TextEncoder().encode('第一页\f第二页');
    const file = new File([bytes], '创先争优 好做法.txt');
    const staged = await client().stageFile(file);
    assert.equal(staged.name, '创先争优 好做法.txt');
    assert.equal(staged.size, bytes.length);
    const call = seen.at(-1);
    assert.equal(call?.channel, 'files:stage');
    assert.equal(call?.contentType, 'application/octet-stream');
    assert.equal(call?.fileName, encodeURIComponent('创先争优 好做法.txt'));
  });

  test('a missing or wrong token is UNAUTHORIZED', async () => {
    await assert.rejects(client(null).volumes.list(), { code: 'UNAUTHORIZED' });
    await assert.rejects(client('nope').volumes.list(), { code: 'UNAUTHORIZED' });
  });

  test('a non-JSON error page becomes INTERNAL with the status', async () => {
    const broken = httpTransport({ baseUrl, token: TOKEN });
    const env = await broken('broken', {});
    assert.equal(env.ok, false);
    if (!env.ok) {
      assert.equal(env.error.code, 'INTERNAL');
      assert.equal(env.error.details?.['status'], 502);
    }
  });

  test('an unreachable server is reported, not thrown raw', async () => {
    const dead = createClient(() => httpTransport({ baseUrl: 'http://127.0.0.1:9', token: TOKEN }));
    await assert.rejects(dead.volumes.list(), { code: 'INTERNAL' });
  });
});

describe('token from the address bar', () => {
  test('parseTokenHash reads the token and an optional route', () => {
    assert.deepEqual(parseTokenHash('#token=abc'), { token: 'abc', rest: '' });
    assert.deepEqual(parseTokenHash('#token=a%2Bb&route=/case/3'), { token: 'a+b', rest: '/case/3' });
    assert.equal(parseTokenHash('#/volume/3'), null);
    assert.equal(parseTokenHash(''), null);
    assert.equal(parseTokenHash('#token='), null);
  });

  function fakeWindow(hash: string) {
    const store = new Map<string, string>();
    const replaced: string[] = [];
    const loc = { hash, pathname: '/', search: '' } as Location;
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    } as Storage;
    const history = {
      state: null,
      replaceState: (_s: unknown, _t: string, url: string) => void replaced.push(url),
    } as unknown as History;
    return { loc, storage, history, replaced };
  }

  test('the token is kept for the tab and removed from the address bar', () => {
    const w = fakeWindow('#token=abc');
    assert.equal(takeTokenFromLocation(w.loc, w.storage, w.history), 'abc');
    assert.deepEqual(w.replaced, ['/']);
    // A reload has no token in the hash any more: it comes from sessionStorage.
    const again = { ...w, loc: { ...w.loc, hash: '#/case/3' } as Location };
    assert.equal(takeTokenFromLocation(again.loc, again.storage, again.history), 'abc');
    assert.deepEqual(w.replaced, ['/']);
  });

  test('a route travelling with the token is kept', () => {
    const w = fakeWindow('#token=abc&route=/volume/2');
    takeTokenFromLocation(w.loc, w.storage, w.history);
    assert.deepEqual(w.replaced, ['/#/volume/2']);
  });
});
