import { spawnSync } from 'node:child_process';
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
