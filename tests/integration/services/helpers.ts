import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { boot, type Booted } from '../../../main/services/boot.ts';
import { openConfPrefs } from '../../../main/services/prefs.ts';

export const SEED = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'seed');
export const GENERATED = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'generated');

/** Boots the real services on a fresh library in a temp folder; `done()` shuts down and removes it. */
export async function bootTemp(): Promise<Booted & { dir: string; done(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-svc-'));
  const prefs = await openConfPrefs(dir);
  const app = await boot({ libraryDir: path.join(dir, 'library'), mode: 'web', prefs });
  return {
    ...app,
    dir,
    async done() {
      await app.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Calls a channel and returns its value, throwing the error shape on failure. */
export async function call<T = unknown>(app: Booted, channel: string, input: unknown = {}): Promise<T> {
  const res = await app.dispatch(channel, input);
  if (!res.ok) throw Object.assign(new Error(`${channel}: ${res.error.code} ${res.error.message}`), { shape: res.error });
  return res.value as T;
}

/** Polls a job until it leaves `running`. */
export async function waitJob(app: Booted, jobId: string): Promise<{ state: string; error: { code: string } | null }> {
  for (;;) {
    const status = await call<{ state: string; error: { code: string } | null }>(app, 'jobs:get', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function stageFile(app: Booted, file: string, name = path.basename(file)): Promise<string> {
  const staged = await call<{ fileId: string }>(app, 'files:stage', { name, bytes: new Uint8Array(fs.readFileSync(file)) });
  return staged.fileId;
}

export async function stageBytes(app: Booted, name: string, bytes: Uint8Array): Promise<string> {
  return (await call<{ fileId: string }>(app, 'files:stage', { name, bytes })).fileId;
}
