import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli, copyLibrary, sampleForTheOffice, serveOffice } from './office.ts';
import { test, expect, startWorkbench } from './fixtures.ts';
import { ProofreadPage, StagePanel } from './pages/index.ts';

test.describe('a viewer of a shared library', () => {
  test.setTimeout(120_000);

  test('the app offers no change: the text is read-only, sign-off, tags, notes and import are disabled and say why', async ({
    browser,
  }) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-viewer-'));
    const stops: (() => Promise<void>)[] = [];
    try {
      const { originLibrary, serverDir, caseId } = await sampleForTheOffice(root);
      const token = cli(['users', 'add', '丁', '--role', 'viewer', '--library', serverDir]);
      const office = await serveOffice(serverDir);
      stops.push(() => office.stop());

      const dataDir = path.join(root, 'viewer');
      fs.mkdirSync(dataDir, { recursive: true });
      copyLibrary(originLibrary, dataDir);
      const wb = await startWorkbench(dataDir, { userName: '丁' });
      stops.push(() => wb.stop());
      expect((await wb.call('sync:connect', { url: office.url, user: '丁', token })).ok).toBe(true);
      await expect
        .poll(async () => ((await wb.call('sync:status')).value as { readOnly: boolean }).readOnly, { timeout: 20_000 })
        .toBe(true);
      // Main refuses a write over the contract, whatever the UI shows.
      const refused = await wb.call('cases:act', { id: caseId, action: { kind: 'signoff', to: 'review1' } });
      expect(refused.error?.code).toBe('SYNC_VIEWER_READ_ONLY');

      const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
      const proof = new ProofreadPage(page);
      await proof.goto(wb.url, caseId);
      await expect(proof.editor).toBeVisible();
      await expect(page.getByTestId('viewer-banner')).toBeVisible({ timeout: 15_000 });
      await expect(proof.editor).toHaveAttribute('contenteditable', 'false');

      const stages = new StagePanel(page);
      await stages.open();
      await expect(stages.popover.getByTestId('viewer-read-only')).toBeVisible();
      await expect(stages.signoffButton).toBeDisabled();
      await expect(stages.signoffButton).toHaveAttribute('title', /查看者/);
      await expect(stages.popover.getByTestId('flag-open')).toBeDisabled();
      await stages.close();

      await page.getByTestId('case-tags-toggle').click();
      await page.getByTestId('case-tag-input').fill('观众的标签');
      await expect(page.getByTestId('case-tag-add')).toBeDisabled();
      await page.keyboard.press('Escape');

      await page.getByTestId('notes-toggle').click();
      await expect(page.getByTestId('note-add')).toBeDisabled();

      await page.getByTestId('case-back').click();
      await expect(page.getByTestId('import-button')).toBeDisabled();
      await expect(page.getByTestId('import-button')).toHaveAttribute('title', /查看者/);
      await expect(page.getByTestId('rename-volume')).toBeDisabled();

      // A shared case opened at a page (as the dashboard's page grid links): its text comes from
      // the hub after the editor mounts, and the editor still goes to that page once it is there.
      const last = ((await wb.call('cases:get', { id: caseId })).value as { pageEnd: number }).pageEnd;
      const short = await (await browser.newContext({ viewport: { width: 1400, height: 420 } })).newPage();
      const atPage = new ProofreadPage(short);
      await short.goto(`${wb.url}&route=/case/${caseId}?page=${last}`);
      await expect(atPage.editor).toBeVisible();
      await expect(atPage.pageChip(last)).toHaveAttribute('aria-current', 'page');
      await expect(atPage.pageMarkers.and(short.locator(`[data-page="${last}"]`))).toBeInViewport({ timeout: 10_000 });
      await expect(atPage.pageMarkers.first()).not.toBeInViewport();

      // Nothing was tagged, signed or queued for the server.
      const tags = (await wb.call('cases:tags', { id: caseId })).value as unknown[];
      expect(tags).toEqual([]);
      expect(((await wb.call('sync:status')).value as { pending: number }).pending).toBe(0);
    } finally {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
