import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLibrary } from '../../../main/store/index.ts';
import { probeCertificate } from '../../../main/sync/tls.ts';
import { ROOT, startServe } from './helpers.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-cli-tls-'));
const library = path.join(tmp, 'library');
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs `serve` with `flags` until it prints its lines; probes it, stops it with SIGTERM and returns them. */
async function serveOnce(flags: string[]): Promise<{ url: string; fingerprint: string; probed: string }> {
  const serving = await startServe(tmp, library, flags);
  try {
    const probed = (await probeCertificate(serving.url)).fingerprint;
    serving.kill('SIGTERM');
    assert.equal(await serving.exited, 0, serving.stderr());
    assert.match(serving.url, /^wss:/);
    return { url: serving.url, fingerprint: serving.fingerprint!, probed };
  } catch (err) {
    serving.kill('SIGKILL');
    throw err;
  }
}

test('serve --tls makes a certificate once, prints its fingerprint, and keeps it across restarts', async () => {
  openLibrary(library).close();
  const first = await serveOnce(['--tls']);
  assert.equal(first.probed, first.fingerprint, 'the fingerprint printed is the certificate served');
  const again = await serveOnce(['--tls']);
  assert.equal(again.fingerprint, first.fingerprint, 'the same certificate after a restart');
  assert.ok(fs.existsSync(path.join(library, 'sync-tls', 'cert.pem')));
});

test('serve --tls-cert/--tls-key serves the office’s own certificate; one without the other is a usage error', async () => {
  const dir = path.join(library, 'sync-tls');
  const own = await serveOnce(['--tls-cert', path.join(dir, 'cert.pem'), '--tls-key', path.join(dir, 'key.pem')]);
  assert.equal(own.probed, own.fingerprint);
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'main', 'cli', 'index.ts'), '--data-dir', tmp, 'serve', '--library', library, '--tls-cert', 'x.pem'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  assert.notEqual(code, 0);
  assert.match(stderr, /--tls-cert and --tls-key go together/);
});
