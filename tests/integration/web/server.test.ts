import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Handlers } from '../../../shared/ipc/contract.ts';
import { createDispatcher } from '../../../main/ipc/dispatch.ts';
import { startWebServer, type WebServer } from '../../../main/web/server.ts';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** node:http rather than fetch: fetch forbids setting Host and normalizes `..` out of paths. */
function request(
  port: number,
  rawPath: string,
  opts: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: rawPath,
        method: opts.method ?? 'GET',
        headers: { Host: `127.0.0.1:${port}`, ...opts.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const json = (r: Reply) =>
  JSON.parse(r.body.toString('utf8')) as { ok: boolean; value?: unknown; error?: { code: string; details?: unknown } };

describe('browser-mode web server', () => {
  let dir: string;
  let server: WebServer;
  let port: number;
  let auth: Record<string, string>;
  const staged: { name: string; bytes: Uint8Array }[] = [];
  const pdfBytes = randomBytes(5000);
  const pdfName = `${createHash('sha256').update(pdfBytes).digest('hex')}.pdf`;
  const jpgName = `${'a'.repeat(64)}.jpg`;
  const linkName = `${'b'.repeat(64)}.pdf`;
  const secret = 'TOP-SECRET-CONTENT';

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-server-'));
    const scans = path.join(dir, 'library', 'scans');
    const staticDir = path.join(dir, 'static');
    fs.mkdirSync(scans, { recursive: true });
    fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(scans, pdfName), pdfBytes);
    fs.writeFileSync(path.join(scans, jpgName), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    fs.writeFileSync(path.join(dir, 'library', 'secret.txt'), secret);
    fs.writeFileSync(path.join(dir, 'outside.pdf'), secret);
    fs.symlinkSync(path.join(dir, 'outside.pdf'), path.join(scans, linkName));
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>编校台</title><div id="root"></div>');
    fs.writeFileSync(path.join(staticDir, 'assets', 'app-1234.js'), 'console.log("app")');
    fs.writeFileSync(path.join(staticDir, '.env'), secret);
    fs.symlinkSync(path.join(dir, 'outside.pdf'), path.join(staticDir, 'leak.txt'));

    // Two fake handlers behind the real dispatcher: the server, not the services, is under test.
    const handlers = {
      'volumes:create': ({ title }: { title: string }) => ({ id: 1, title }),
      'files:stage': (input: { name: string; bytes: Uint8Array }) => {
        staged.push(input);
        return { fileId: 'f1', name: input.name, size: input.bytes.byteLength, sha256: 'x' };
      },
    } as unknown as Handlers;
    server = await startWebServer({
      dispatch: createDispatcher(handlers),
      staticDir,
      scansDir: () => scans,
      port: 0,
      limits: { maxJsonBytes: 1024, maxStageBytes: 1024 * 1024 },
    });
    port = server.port;
    auth = { Authorization: `Bearer ${server.token}` };
  });

  after(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('binds to loopback with a 64-hex-digit token handed over in the fragment', () => {
    assert.equal(server.url, `http://127.0.0.1:${port}`);
    assert.match(server.token, /^[0-9a-f]{64}$/);
    assert.equal(server.launchUrl, `${server.url}/#token=${server.token}`);
  });

  test('API without or with a wrong token: 401 and no data', async () => {
    const body = JSON.stringify({ title: 'x' });
    const variants: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer nope' },
      { Authorization: `Basic ${server.token}` },
      { Cookie: `token=${server.token}` },
    ];
    for (const headers of variants) {
      const r = await request(port, '/api/volumes:create', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body,
      });
      assert.equal(r.status, 401);
      const env = json(r);
      assert.equal(env.ok, false);
      assert.equal(env.error?.code, 'UNAUTHORIZED');
      assert.equal(env.value, undefined);
    }
  });

  test('a foreign Host header is refused on every path (DNS rebinding)', async () => {
    for (const p of ['/api/volumes:create', `/scans/${pdfName}`, '/', '/index.html', '/assets/app-1234.js']) {
      for (const host of [`evil.example:${port}`, `127.0.0.1:${port + 1}`, 'localhost', `127.0.0.1.evil.example:${port}`]) {
        const r = await request(port, p, {
          method: p.startsWith('/api') ? 'POST' : 'GET',
          headers: { ...auth, Host: host, 'Content-Type': 'application/json' },
          body: p.startsWith('/api') ? '{"title":"x"}' : undefined,
        });
        assert.equal(r.status, 403, `${host} ${p}`);
        assert.ok(!r.body.includes(pdfBytes.subarray(0, 16)));
      }
    }
    const ok = await request(port, '/', { headers: { Host: `localhost:${port}` } });
    assert.equal(ok.status, 200);
  });

  test('a foreign Origin is refused on the API even with the token', async () => {
    const r = await request(port, '/api/volumes:create', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json', Origin: 'http://evil.example' },
      body: '{"title":"x"}',
    });
    assert.equal(r.status, 403);
  });

  test('a valid call returns the envelope with 200', async () => {
    const r = await request(port, '/api/volumes:create', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json; charset=utf-8', Origin: server.url },
      body: JSON.stringify({ title: '  第一卷 ' }),
    });
    assert.equal(r.status, 200);
    assert.deepEqual(json(r), { ok: true, value: { id: 1, title: '第一卷' } });
    assert.equal(r.headers['cache-control'], 'no-store');
  });

  test('wrong content type is 415', async () => {
    const r = await request(port, '/api/volumes:create', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'text/plain' },
      body: '{"title":"x"}',
    });
    assert.equal(r.status, 415);
    const stage = await request(port, '/api/files:stage', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json', 'x-file-name': 'a.txt' },
      body: '{}',
    });
    assert.equal(stage.status, 415);
  });

  test('only POST on /api', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const r = await request(port, '/api/volumes:create', { method, headers: auth });
      assert.equal(r.status, 405, method);
      assert.equal(r.headers.allow, 'POST');
    }
  });

  test('unknown channel is 404 UNKNOWN_CHANNEL', async () => {
    for (const ch of ['nope:nothing', '__proto__', 'constructor']) {
      const r = await request(port, `/api/${ch}`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: '{}',
      });
      assert.equal(r.status, 404, ch);
      assert.equal(json(r).error?.code, 'UNKNOWN_CHANNEL');
    }
  });

  test('validation errors pass through as 400 with their issues', async () => {
    const r = await request(port, '/api/volumes:create', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 42 }),
    });
    assert.equal(r.status, 400);
    const env = json(r);
    assert.equal(env.error?.code, 'VALIDATION');
    assert.ok(Array.isArray((env.error?.details as { issues: unknown[] }).issues));
    const bad = await request(port, '/api/volumes:create', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: '{"title":',
    });
    assert.equal(bad.status, 400);
    assert.equal(json(bad).error?.code, 'VALIDATION');
  });

  test('JSON bodies over the cap are 413', async () => {
    const r = await request(port, '/api/volumes:create', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'x'.repeat(2000) }),
    });
    assert.equal(r.status, 413);
  });

  test('files:stage hands the exact bytes and the Chinese file name to dispatch', async () => {
    const bytes = randomBytes(300_000);
    const name = '病例汇编 第3卷（扫描）.pdf';
    const r = await request(port, '/api/files:stage', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) },
      body: bytes,
    });
    assert.equal(r.status, 200);
    const got = staged.at(-1)!;
    assert.equal(got.name, name);
    assert.equal(Object.getPrototypeOf(got.bytes), Uint8Array.prototype);
    assert.ok(Buffer.from(got.bytes).equals(bytes));
    assert.deepEqual(json(r).value, { fileId: 'f1', name, size: bytes.length, sha256: 'x' });

    const noName = await request(port, '/api/files:stage', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/octet-stream' },
      body: bytes,
    });
    assert.equal(noName.status, 400);
    const tooBig = await request(port, '/api/files:stage', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/octet-stream', 'x-file-name': 'big.pdf' },
      body: randomBytes(1024 * 1024 + 1),
    });
    assert.equal(tooBig.status, 413);
    assert.equal(json(tooBig).error?.code, 'IMPORT_TOO_LARGE');
  });

  test('scans need the token', async () => {
    const r = await request(port, `/scans/${pdfName}`);
    assert.equal(r.status, 401);
    assert.ok(!r.body.includes(pdfBytes.subarray(0, 16)));
  });

  test('a scan is served whole with its type, and by byte range', async () => {
    const full = await request(port, `/scans/${pdfName}`, { headers: auth });
    assert.equal(full.status, 200);
    assert.equal(full.headers['content-type'], 'application/pdf');
    assert.equal(full.headers['accept-ranges'], 'bytes');
    assert.ok(full.body.equals(pdfBytes));

    const part = await request(port, `/scans/${pdfName}`, { headers: { ...auth, Range: 'bytes=100-1099' } });
    assert.equal(part.status, 206);
    assert.equal(part.headers['content-range'], `bytes 100-1099/${pdfBytes.length}`);
    assert.equal(part.headers['content-length'], '1000');
    assert.ok(part.body.equals(pdfBytes.subarray(100, 1100)));

    const tail = await request(port, `/scans/${pdfName}`, { headers: { ...auth, Range: 'bytes=-10' } });
    assert.equal(tail.status, 206);
    assert.ok(tail.body.equals(pdfBytes.subarray(pdfBytes.length - 10)));

    const open = await request(port, `/scans/${pdfName}`, { headers: { ...auth, Range: 'bytes=4990-' } });
    assert.ok(open.body.equals(pdfBytes.subarray(4990)));

    const head = await request(port, `/scans/${pdfName}`, { method: 'HEAD', headers: auth });
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], String(pdfBytes.length));

    const jpg = await request(port, `/scans/${jpgName}`, { headers: auth });
    assert.equal(jpg.headers['content-type'], 'image/jpeg');
  });

  test('unsatisfiable ranges are 416', async () => {
    for (const range of [`bytes=${pdfBytes.length}-`, 'bytes=50-10', 'bytes=abc', 'bytes=-0']) {
      const r = await request(port, `/scans/${pdfName}`, { headers: { ...auth, Range: range } });
      assert.equal(r.status, 416, range);
      assert.equal(r.headers['content-range'], `bytes */${pdfBytes.length}`);
    }
  });

  test('scan paths cannot leave the scans folder', async () => {
    const attempts = [
      '/scans/../secret.txt',
      '/scans/%2e%2e/secret.txt',
      '/scans/%2e%2e%2fsecret.txt',
      '/scans/..%2fsecret.txt',
      '/scans/..%5csecret.txt',
      '/scans//etc/passwd',
      '/scans/%2Fetc%2Fpasswd',
      `/scans/${encodeURIComponent(path.join(dir, 'outside.pdf'))}`,
      `/scans/${pdfName}%00.pdf`,
      '/scans/secret.txt',
    ];
    for (const p of attempts) {
      const r = await request(port, p, { headers: auth });
      assert.ok(r.status === 400 || r.status === 404, `${p} → ${r.status}`);
      assert.ok(!r.body.toString().includes(secret), p);
    }
    const link = await request(port, `/scans/${linkName}`, { headers: auth });
    assert.equal(link.status, 404);
    assert.ok(!link.body.toString().includes(secret));
    const missing = await request(port, `/scans/${'c'.repeat(64)}.png`, { headers: auth });
    assert.equal(missing.status, 404);
  });

  test('index.html carries the strict CSP and companion headers, without a token', async () => {
    const r = await request(port, '/');
    assert.equal(r.status, 200);
    assert.match(r.headers['content-type'] ?? '', /^text\/html/);
    assert.ok(r.body.toString().includes('编校台'));
    const csp = String(r.headers['content-security-policy'] ?? '');
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "worker-src 'self' blob:",
      "img-src 'self' blob: data:",
      "connect-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ]) {
      assert.ok(csp.split('; ').includes(directive), directive);
    }
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.equal(r.headers['referrer-policy'], 'no-referrer');
  });

  test('static files: assets served, navigations fall back to index.html, nothing else leaks', async () => {
    const js = await request(port, '/assets/app-1234.js');
    assert.equal(js.status, 200);
    assert.match(js.headers['content-type'] ?? '', /^text\/javascript/);

    const nav = await request(port, '/volumes/3', { headers: { 'Sec-Fetch-Mode': 'navigate', Accept: 'text/html' } });
    assert.equal(nav.status, 200);
    assert.ok(nav.body.toString().includes('<div id="root">'));

    const missingScript = await request(port, '/assets/missing.js', { headers: { 'Sec-Fetch-Mode': 'no-cors' } });
    assert.equal(missingScript.status, 404);

    const listing = await request(port, '/assets/', { headers: { 'Sec-Fetch-Mode': 'cors' } });
    assert.equal(listing.status, 404);
    assert.ok(!listing.body.toString().includes('app-1234.js'));

    for (const p of [
      '/../outside.pdf',
      '/%2e%2e/outside.pdf',
      '/assets/..%2f..%2foutside.pdf',
      '/.env',
      '/leak.txt',
      '//etc/passwd',
    ]) {
      const r = await request(port, p, { headers: { 'Sec-Fetch-Mode': 'no-cors' } });
      assert.ok(r.status === 400 || r.status === 404, `${p} → ${r.status}`);
      assert.ok(!r.body.toString().includes(secret), p);
    }
    const post = await request(port, '/', { method: 'POST' });
    assert.equal(post.status, 405);
  });
});

test('close() stops the server', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-close-'));
  const server = await startWebServer({ dispatch: createDispatcher({} as Handlers), staticDir: dir, scansDir: () => dir });
  assert.equal((await request(server.port, '/nothing')).status, 404);
  await server.close();
  await assert.rejects(request(server.port, '/'), /ECONNREFUSED/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('close() lets a call in flight finish before the server stops', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-graceful-'));
  let release: () => void = () => undefined;
  let started: () => void = () => undefined;
  const hasStarted = new Promise<void>((resolve) => (started = resolve));
  const handlers = {
    'volumes:list': () =>
      new Promise((resolve) => {
        release = () => resolve([]);
        started();
      }),
  } as unknown as Handlers;
  const server = await startWebServer({ dispatch: createDispatcher(handlers), staticDir: dir, scansDir: () => dir });
  const pending = request(server.port, '/api/volumes:list', {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: '{}',
  });
  await hasStarted;
  const closed = server.close();
  release();
  const r = await pending;
  assert.equal(r.status, 200);
  assert.deepEqual(json(r), { ok: true, value: [] });
  await closed;
  await assert.rejects(request(server.port, '/'), /ECONNREFUSED/);
  fs.rmSync(dir, { recursive: true, force: true });
});
