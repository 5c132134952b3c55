import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
export const SEED = path.join(ROOT, 'tests', 'fixtures', 'seed');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real command line in a child process, with preferences (and the default library) under `dataDir`. */
export function runCli(dataDir: string, args: string[], timeoutMs = 60_000): CliRun {
  const res = spawnSync(process.execPath, [path.join(ROOT, 'main', 'cli', 'index.ts'), '--data-dir', dataDir, ...args], {
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** `serve` running in a child process, once it has printed its lines. */
export interface Serving {
  url: string;
  /** SYNC_FINGERPRINT, printed with --tls (or --tls-cert); else null. */
  fingerprint: string | null;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  kill: (signal: NodeJS.Signals) => void;
}

/**
 * Runs `serve --library LIBRARY --port 0 …extra` until it prints SYNC_URL (and, for TLS,
 * SYNC_FINGERPRINT); killed (SIGKILL) if it does not within 20 s.
 */
export async function startServe(dataDir: string, library: string, extra: string[] = []): Promise<Serving> {
  const tls = extra.includes('--tls') || extra.includes('--tls-cert');
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'main', 'cli', 'index.ts'), '--data-dir', dataDir, 'serve', '--library', library, '--port', '0', ...extra],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const printed = await new Promise<{ url: string; fingerprint: string | null }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no SYNC_URL: ${stdout} ${stderr}`)), 20_000);
      child.stdout.on('data', () => {
        const url = /^SYNC_URL=(wss?:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout)?.[1];
        const fingerprint = /^SYNC_FINGERPRINT=((?:[0-9A-F]{2}:){31}[0-9A-F]{2})$/m.exec(stdout)?.[1] ?? null;
        if (url && (fingerprint || !tls)) {
          clearTimeout(timer);
          resolve({ url, fingerprint });
        }
      });
      void exited.then((code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    });
    return { ...printed, stdout: () => stdout, stderr: () => stderr, exited, kill: (signal) => child.kill(signal) };
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
}
