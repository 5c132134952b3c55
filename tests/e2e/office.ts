import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startWorkbench } from './workbench.ts';

/** The office (team sync) server and its users, as an administrator runs them: through the CLI. */

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(ROOT, 'main', 'cli', 'index.ts');

/** Runs a CLI command to its end; its stdout, trimmed (e.g. the token `users add` prints). */
export function cli(args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout.trim();
}

export interface Office {
  url: string;
  port: number;
  /** With `tls`, the certificate's fingerprint as `serve` prints it; else null. */
  fingerprint: string | null;
  stop(): Promise<void>;
}

/** `cli serve` on the library `dir`, on `port` (0: any), with `--tls` when asked. */
export async function serveOffice(dir: string, opts: { port?: number; tls?: boolean } = {}): Promise<Office> {
  const args = [CLI, 'serve', '--library', dir, '--port', String(opts.port ?? 0), ...(opts.tls ? ['--tls'] : [])];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const printed = await new Promise<{ url: string; fingerprint: string | null }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${err}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /^SYNC_URL=(\S+)$/m.exec(out)?.[1];
      const fingerprint = /^SYNC_FINGERPRINT=(\S+)$/m.exec(out)?.[1] ?? null;
      if (url && (fingerprint || !opts.tls)) {
        clearTimeout(timer);
        resolve({ url, fingerprint });
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${err}`)));
  });
  return {
    ...printed,
    port: Number(new URL(printed.url).port),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A copy of `fromLibrary` (closed: its database file and scans) as `dataDir`'s library; returns its folder. */
export function copyLibrary(fromLibrary: string, dataDir: string): string {
  const to = path.join(dataDir, 'library');
  fs.mkdirSync(path.join(to, 'scans'), { recursive: true });
  fs.copyFileSync(path.join(fromLibrary, 'library.sqlite'), path.join(to, 'library.sqlite'));
  for (const f of fs.readdirSync(path.join(fromLibrary, 'scans'))) {
    fs.copyFileSync(path.join(fromLibrary, 'scans', f), path.join(to, 'scans', f));
  }
  return to;
}

/**
 * The sample volume in a library made by a workbench under `root/origin` (then stopped), copied to
 * `root/server` for the office server: the library every machine of a team test starts from.
 */
export async function sampleForTheOffice(root: string): Promise<{ originLibrary: string; serverDir: string; caseId: number }> {
  fs.mkdirSync(path.join(root, 'origin'));
  const origin = await startWorkbench(path.join(root, 'origin'));
  try {
    const installed = await origin.call('sample:install');
    if (!installed.ok) throw new Error(`sample:install failed: ${JSON.stringify(installed)}`);
    const volumeId = (installed.value as { id: number }).id;
    const cases = (await origin.call('cases:list', { volumeId })).value as { id: number; number: number | null }[];
    const caseId = cases.find((c) => c.number === 1)!.id;
    return { originLibrary: origin.libraryDir, serverDir: path.join(root, 'server', 'library'), caseId };
  } finally {
    await origin.stop();
    copyLibrary(origin.libraryDir, path.join(root, 'server'));
  }
}
