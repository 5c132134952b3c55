import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DB_FILE, openLibrary } from '../../main/store/index.ts';
import { takeBackup } from '../../main/store/backups.ts';
import { test, expect, startWorkbench, type Workbench } from './fixtures.ts';
import { AppHeader, LibraryPage, RecoveryScreen } from './pages/index.ts';

test.describe('backups', () => {
  test('Settings lists the backups; back up now adds one; restore asks first, then brings the library back', async ({
    page,
    workbench,
  }) => {
    await workbench.call('volumes:create', { title: '备份前的卷册' });
    const library = new LibraryPage(page);
    const header = new AppHeader(page);
    await library.goto(workbench.url);
    await expect(library.volumeRows).toHaveCount(1);
    const settings = await header.openSettings();
    const section = settings.backups;
    await expect(section.root).toContainText('备份');
    // The schedule's copy at start-up was skipped (the library was empty then): nothing listed yet.
    await expect(section.empty).toBeVisible();

    await section.backUpNow();
    await expect(section.table.rows).toHaveCount(1);
    await expect(section.table.rows.first()).toContainText('手动');
    await expect(section.table.rows.first()).toContainText(/\d+(\.\d)? KB/);

    await workbench.call('volumes:create', { title: '备份后的卷册' });
    let dialog = await section.table.restore();
    await expect(dialog.message).toContainText('手动');
    await dialog.cancel();
    await expect(dialog.root).toHaveCount(0);
    expect(((await workbench.call('volumes:list')).value as unknown[]).length, 'cancel restores nothing').toBe(2);

    dialog = await section.table.restore();
    await dialog.confirm();
    // The page reloads onto the restored library.
    await expect(settings.root).toHaveCount(0);
    await expect(library.volumeRows).toHaveCount(1);
    await expect(library.volumeRows).toContainText('备份前的卷册');

    const kinds = (await header.openSettings()).backups.table.rows;
    await expect(kinds.filter({ hasText: '恢复前' })).toHaveCount(1);
  });

  test('a 0-byte library: the recovery screen lists its backups, and restoring one opens it', async ({ page }) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-'));
    const libraryDir = path.join(dataDir, 'library');
    const lib = openLibrary(libraryDir);
    lib.db
      .prepare(
        `INSERT INTO volumes (title, created_at, updated_at) VALUES ('救回来的卷册', '2025-03-01T08:00:00Z', '2025-03-01T08:00:00Z')`,
      )
      .run();
    await takeBackup(lib.db, libraryDir, 'daily', 'daily');
    lib.close();
    fs.truncateSync(path.join(libraryDir, DB_FILE), 0);
    let wb: Workbench | null = null;
    try {
      wb = await startWorkbench(dataDir);
      await page.goto(wb.url);
      const recovery = new RecoveryScreen(page);
      await expect(recovery.root).toHaveAttribute('data-code', 'DB_CORRUPT');
      const rows = recovery.backups.rows;
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText('每日');
      expect(fs.statSync(path.join(libraryDir, DB_FILE)).size, 'the refused file is untouched').toBe(0);

      await (await recovery.backups.restore()).confirm();
      await expect(new LibraryPage(page).volumeRows).toContainText('救回来的卷册');
    } finally {
      await wb?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
