import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface Workbench {
  /** The URL printed by browser mode, with `#token=…`. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  libraryDir: string;
  process: ChildProcess;
  /** What browser mode wrote to stderr so far (start-up messages). */
  stderr(): string;
  /** POST a contract channel with the token, returning the parsed envelope. */
  call(channel: string, input?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface WorkbenchOptions {
  /**
   * The user name already in the preferences (default {@link E2E_USER}), so the first-start prompt
   * for a name stays away; '' starts without one, as a first start does.
   */
  userName?: string;
}

/** The signer of tests that do not choose one. */
export const E2E_USER = '测试员';

/** Starts browser mode on a random port with its own data folder and waits for its one URL line. */
export async function startWorkbench(
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-')),
  { userName = E2E_USER }: WorkbenchOptions = {},
): Promise<Workbench> {
  const prefsFile = path.join(dataDir, 'preferences.json');
  if (userName && !fs.existsSync(prefsFile)) fs.writeFileSync(prefsFile, JSON.stringify({ userName }));
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'main/launcher/web.ts'), '--port', '0', '--data-dir', dataDir, '--no-open'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start in time:\n${out}\n${stderr}`)), 60_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^WORKBENCH_URL=(\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${out}\n${stderr}`));
    });
  });
  const parsed = new URL(url);
  const token = new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '';
  const wb: Workbench = {
    url,
    origin: parsed.origin,
    token,
    dataDir,
    libraryDir: path.join(dataDir, 'library'),
    process: child,
    stderr: () => stderr,
    async call(channel, input = {}) {
      const res = await fetch(`${parsed.origin}/api/${channel}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      return res.json();
    },
    stop(signal = 'SIGTERM') {
      return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      });
    },
  };
  return wb;
}
