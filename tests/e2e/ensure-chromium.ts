// The end-to-end tests drive Debian's Chromium; they are never skipped for want of it.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium fonts-noto-cjk';

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0) {
    console.log(`Chromium not found at ${CHROMIUM}; installing Debian's: ${INSTALL}`);
    const res = spawnSync('sh', ['-c', INSTALL], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (res.status !== 0 || !existsSync(CHROMIUM)) {
      console.error('Installing Chromium failed; the end-to-end tests cannot run.');
      process.exit(1);
    }
  } else {
    console.error(`Chromium not found at ${CHROMIUM}. Install it (as root) and run the tests again:\n  sudo sh -c '${INSTALL}'`);
    process.exit(1);
  }
}
