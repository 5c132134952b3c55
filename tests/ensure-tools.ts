// The suite drives real tools: Debian's Chromium (end-to-end tests, PDF export), poppler's pdftotext (the
// PDF bench and fixtures), pandoc and epubcheck (independent readers of the exports) and ripgrep (the
// search bench's yardstick). They are never skipped for want of one: as root the missing ones are
// installed, otherwise the command is printed.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Each tool with the Debian packages that bring it (fonts come with Chromium: without them CJK renders as boxes). */
const TOOLS: Array<{ present: () => boolean; packages: string[] }> = [
  { present: () => existsSync(CHROMIUM), packages: ['chromium', 'fonts-noto-cjk'] },
  { present: () => onPath('pdftotext'), packages: ['poppler-utils'] },
  { present: () => onPath('pandoc'), packages: ['pandoc'] },
  { present: () => existsSync('/usr/bin/epubcheck') && onPath('java'), packages: ['epubcheck'] },
  { present: () => onPath('rg'), packages: ['ripgrep'] },
];

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

const missing = TOOLS.filter((t) => !t.present()).flatMap((t) => t.packages);
if (missing.length > 0) {
  const install = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() === 0) {
    console.log(`Installing the tools the tests need: ${install}`);
    const res = spawnSync('sh', ['-c', install], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (res.status !== 0 || TOOLS.some((t) => !t.present())) {
      console.error('Installing the test tools failed; the suite cannot run.');
      process.exit(1);
    }
  } else {
    console.error(`Missing tools for the tests. Install them (as root) and run the tests again:\n  sudo sh -c '${install}'`);
    process.exit(1);
  }
}
