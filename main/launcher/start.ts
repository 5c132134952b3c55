// `npm start`: the Electron app, or browser mode where Electron's binary is missing (as offline).
import './guardNode.ts';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { findElectronBinary } from './electronBinary.ts';
import { ROOT } from './rendererBuild.ts';
import { bilingual } from '../i18n/strings.ts';

const argv = process.argv.slice(2);
const electron = findElectronBinary();

function run(cmd: string, args: string[]): never {
  const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  const forward = (sig: NodeJS.Signals) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return undefined as never;
}

if (electron) {
  const build = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--config', 'electron.config.ts'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
  run(electron, [ROOT, ...argv]);
} else {
  console.error(bilingual('launcher.noElectron'));
  run(process.execPath, [path.join(ROOT, 'main/launcher/web.ts'), ...argv]);
}
