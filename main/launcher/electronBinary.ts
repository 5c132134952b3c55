import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './rendererBuild.ts';

/**
 * The Electron executable if it is installed. Electron 45 downloads its binary lazily on first
 * `require('electron')`, which fails offline, so look for it without requiring the package.
 */
export function findElectronBinary(): string | null {
  const pkg = path.join(ROOT, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const bin = path.join(pkg, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(bin) ? bin : null;
}
