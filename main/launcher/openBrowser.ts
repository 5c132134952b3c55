import { spawn, spawnSync } from 'node:child_process';

/** Opens the system browser when there is one; says nothing otherwise (the URL is printed anyway). */
export function openBrowser(url: string): boolean {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  if (process.platform === 'linux' && spawnSync('sh', ['-c', `command -v ${cmd}`]).status !== 0) return false;
  try {
    const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
