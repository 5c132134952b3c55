import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli, serveOffice } from './office.ts';
import { test, expect } from './fixtures.ts';
import { AppHeader, LibraryPage } from './pages/index.ts';

test.describe('team sync over wss://', () => {
  test.setTimeout(120_000);

  test('Settings shows the server certificate’s fingerprint, pins the confirmed one, and refuses a server whose certificate changed', async ({
    page,
    workbench,
  }) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-tls-'));
    const serverDir = path.join(root, 'server');
    const token = cli(['users', 'add', '甲', '--role', 'editor', '--library', serverDir]);
    let office = await serveOffice(serverDir, { tls: true });
    try {
      const library = new LibraryPage(page);
      await library.goto(workbench.url);
      const settings = await new AppHeader(page).openSettings();
      const section = settings.root.getByTestId('sync-settings');
      await section.getByTestId('sync-url').fill(office.url);
      await section.getByTestId('sync-user').fill('甲');
      await section.getByTestId('sync-token').fill(token);
      await section.getByTestId('sync-connect').click();

      // Before anything is sent, the user sees the fingerprint the server printed and confirms it.
      await expect(section.getByTestId('sync-cert-fingerprint')).toHaveText(office.fingerprint!);
      await expect(section.getByTestId('sync-cert')).toContainText('自签名');
      expect(((await workbench.call('sync:status')).value as { mode: string }).mode).toBe('local');
      await section.getByTestId('sync-cert-confirm').click();
      await expect(section.getByTestId('sync-connected')).toBeVisible();
      await expect(section.getByTestId('sync-pinned')).toContainText(office.fingerprint!);
      await expect(page.getByTestId('sync-badge')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });

      // The server comes back on the same address with another certificate: refused, and said so.
      const port = new URL(office.url).port;
      await office.stop();
      fs.rmSync(path.join(serverDir, 'sync-tls'), { recursive: true });
      office = await serveOffice(serverDir, { port: Number(port), tls: true });
      await expect(page.getByTestId('sync-badge')).toHaveAttribute('data-state', 'refused', { timeout: 30_000 });
      await expect(section).toContainText('服务器出示的证书与你确认过的不同');
    } finally {
      await office.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
