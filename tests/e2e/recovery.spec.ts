import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOCK_FILE, openLibrary } from '../../main/store/index.ts';
import { test, expect, startWorkbench, type Workbench } from './fixtures.ts';
import { LibraryPage, RecoveryScreen } from './pages/index.ts';

/** A data folder whose library is set up by `prepare` before browser mode starts on it. */
async function workbenchOn(prepare: (libraryDir: string) => void): Promise<Workbench> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-'));
  const libraryDir = path.join(dataDir, 'library');
  fs.mkdirSync(libraryDir, { recursive: true });
  prepare(libraryDir);
  return startWorkbench(dataDir);
}

async function cleanUp(wb: Workbench | null): Promise<void> {
  if (!wb) return;
  await wb.stop();
  fs.rmSync(wb.dataDir, { recursive: true, force: true });
}

test.describe('library recovery', () => {
  test('a library locked by another computer: the recovery screen names it; a confirmed take-over lands in the library', async ({
    page,
  }) => {
    const foreign = { pid: 4242, hostname: 'editor-laptop', startedAt: '2024-05-01T08:30:00.000Z', heartbeatMs: 60_000 };
    let wb: Workbench | null = null;
    try {
      wb = await workbenchOn((dir) => {
        const file = path.join(dir, LOCK_FILE);
        fs.writeFileSync(file, JSON.stringify(foreign));
        // Its holder refreshes it every minute; untouched for two hours, it is called quiet.
        const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
        fs.utimesSync(file, twoHoursAgo, twoHoursAgo);
      });
      const lockFile = path.join(wb.libraryDir, LOCK_FILE);
      await page.goto(wb.url);
      const recovery = new RecoveryScreen(page);
      await expect(recovery.root).toHaveAttribute('data-code', 'LIBRARY_LOCKED');
      await expect(recovery.root).toContainText('无法打开卷册库');
      await expect(recovery.lock('host')).toHaveText('editor-laptop');
      await expect(recovery.lock('pid')).toHaveText('4242');
      await expect(recovery.lock('since')).toContainText('2024');
      await expect(recovery.lock('file')).toHaveText(lockFile);
      await expect(recovery.advice).toContainText('另一台计算机');
      await expect(recovery.quiet).toBeVisible();
      expect((await wb.call('volumes:list')).error?.code).toBe('LIBRARY_LOCKED');

      // Cancelling takes nothing.
      let confirm = await recovery.takeOver();
      await expect(confirm.message).toContainText('editor-laptop');
      await confirm.cancel();
      await expect(confirm.root).toHaveCount(0);
      expect(JSON.parse(fs.readFileSync(lockFile, 'utf8')).hostname).toBe('editor-laptop');

      confirm = await recovery.takeOver();
      await confirm.confirm();
      await expect(new LibraryPage(page).emptyLibrary).toBeVisible();
      expect(JSON.parse(fs.readFileSync(lockFile, 'utf8')).pid).toBe(wb.process.pid);
      expect((await wb.call('volumes:list')).ok).toBe(true);
    } finally {
      await cleanUp(wb);
    }
  });

  test('a library open in a running program on this computer offers no take-over; Retry opens it once that closes', async ({
    page,
  }) => {
    const held: { lib: ReturnType<typeof openLibrary> | null } = { lib: null };
    let wb: Workbench | null = null;
    try {
      wb = await workbenchOn((dir) => {
        held.lib = openLibrary(dir);
      });
      await page.goto(wb.url);
      const recovery = new RecoveryScreen(page);
      await expect(recovery.root).toHaveAttribute('data-code', 'LIBRARY_LOCKED');
      await expect(recovery.lock('pid')).toHaveText(String(process.pid));
      await expect(recovery.lock('host')).toContainText('本机');
      await expect(recovery.takeOverButton).toHaveCount(0);
      held.lib?.close();
      held.lib = null;
      await recovery.retry();
      await expect(new LibraryPage(page).emptyLibrary).toBeVisible();
    } finally {
      held.lib?.close();
      await cleanUp(wb);
    }
  });
});
