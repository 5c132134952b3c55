import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bilingual } from '../i18n/strings.ts';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const RENDERER_OUT = path.join(ROOT, 'out', 'renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds the renderer when there is no build or the sources are newer than it (a fresh clone, a pull). */
export function ensureRendererBuilt(log: (line: string) => void): void {
  const index = path.join(RENDERER_OUT, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = Math.max(newestMtime(path.join(ROOT, 'renderer')), newestMtime(path.join(ROOT, 'shared')));
  if (built > sources) return;
  log(bilingual('launcher.building'));
  const res = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'renderer/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (res.status !== 0) throw new Error('Building the renderer failed');
}
