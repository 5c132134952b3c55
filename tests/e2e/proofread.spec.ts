import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, startWorkbench, type Workbench } from './fixtures.ts';

interface CaseSummary { id: number; number: number | null }

/** Installs the sample volume and opens case 001 in the proofreading view. */
async function openSampleCase(page: Page, wb: Workbench): Promise<number> {
  const installed = await wb.call('sample:install');
  expect(installed.ok).toBe(true);
  const volumeId = (installed.value as { id: number }).id;
  const cases = (await wb.call('cases:list', { volumeId })).value as CaseSummary[];
  const id = cases.find((c) => c.number === 1)!.id;
  await page.goto(`${wb.url}&route=/case/${id}`);
  await expect(page.getByTestId('proof-editor')).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  return id;
}

async function storedText(wb: Workbench, id: number): Promise<string> {
  const res = await wb.call('cases:get', { id });
  return (res.value as { text: string }).text;
}

const editor = (page: Page) => page.getByTestId('proof-editor');
const block = (page: Page, text: string) => editor(page).locator('[data-kind]', { hasText: text }).first();

test.describe('proofreading', () => {
  test('edit and tag a block, reload and see both', async ({ page, workbench }) => {
    const id = await openSampleCase(page, workbench);
    const heading = block(page, '件件实事系民心');
    await expect(heading).toHaveAttribute('data-kind', 'heading');
    await heading.click();
    await page.keyboard.press('End');
    await page.keyboard.type('（校）');
    await page.keyboard.press('Alt+9');
    await expect(block(page, '件件实事系民心（校）')).toHaveAttribute('data-kind', 'caption');
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
    expect(await storedText(workbench, id)).toContain('件件实事系民心（校）');

    await page.reload();
    await expect(block(page, '件件实事系民心（校）')).toHaveAttribute('data-kind', 'caption');
    // Page markers survive the round trip.
    await expect(editor(page).getByTestId('page-marker')).toHaveCount(4);
  });

  test('the scan follows the caret to the third page; page status is set and drawn', async ({ page, workbench }) => {
    await openSampleCase(page, workbench);
    await block(page, '特色活动聚民心').click();
    // Case 001 starts on text page 5 (printed 1); its third page is text page 7, scan page 7.
    await expect(page.getByTestId('scan-pane')).toHaveAttribute('data-page', '7');
    await expect(page.getByTestId('scan-pane')).toHaveAttribute('data-scan-page', '7');
    await expect(page.getByTestId('page-chip-7')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('scan-canvas-host')).toHaveAttribute('data-rendered-page', '7');

    await page.getByTestId('page-status-proofed').click();
    await expect(page.getByTestId('page-chip-7')).toHaveAttribute('data-status', 'proofed');
    await page.reload();
    await expect(page.getByTestId('page-chip-7')).toHaveAttribute('data-status', 'proofed');
    const pages = (await workbench.call('pages:list', { volumeId: 1 })).value as { index: number; status: string }[];
    expect(pages.find((p) => p.index === 7)?.status).toBe('proofed');

    // The volume view draws every page's status.
    await page.getByTestId('case-back').click();
    await expect(page.locator('[data-testid="page-cells"] [data-status="proofed"]')).toHaveCount(1);
    await expect(page.locator('[data-testid="page-overview"] li[data-status="unproofed"]')).toHaveAttribute('data-count', '8');
    await page.goBack();

    // Clicking a page in the strip moves the editor (and the scan) there.
    await page.getByTestId('page-chip-6').click();
    await expect(page.getByTestId('scan-pane')).toHaveAttribute('data-page', '6');
  });

  test('F8 jumps to a suspect and its one-click fix applies', async ({ page, workbench }) => {
    const id = await openSampleCase(page, workbench);
    const heading = block(page, '特色活动聚民心');
    await heading.click();
    await page.keyboard.press('End');
    await page.keyboard.type('甲,乙');
    const list = page.getByTestId('suspect-list');
    if ((await page.getByTestId('suspects-toggle').getAttribute('aria-pressed')) !== 'true') {
      await page.getByTestId('suspects-toggle').click();
    }
    const item = list.getByTestId('suspect-item').filter({ hasText: ',' }).first();
    await expect(item).toBeVisible();
    await block(page, '开设').click();
    await page.keyboard.press('F8');
    // F8 selects the suspect itself: the half-width comma between 甲 and 乙.
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(',');
    await item.getByTestId('suspect-fix').click();
    await expect(block(page, '特色活动聚民心甲，乙')).toBeVisible();
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
    expect(await storedText(workbench, id)).toContain('特色活动聚民心甲，乙');
  });

  test('restore an earlier revision from the history panel', async ({ page, workbench }) => {
    const id = await openSampleCase(page, workbench);
    await block(page, '获奖情况').click();
    await page.keyboard.press('End');
    await page.keyboard.type('（待删）');
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
    expect(await storedText(workbench, id)).toContain('获奖情况（待删）');

    await page.getByTestId('history-toggle').click();
    const imported = page.locator('[data-testid="revision-item"][data-kind="import"]');
    await imported.getByTestId('revision-compare-current').click();
    await expect(page.getByTestId('diff-view')).toContainText('待删');
    await imported.getByTestId('revision-restore').click();
    await expect(block(page, '获奖情况')).not.toContainText('待删');
    await expect.poll(() => storedText(workbench, id)).not.toContain('待删');
    await expect(page.locator('[data-testid="revision-item"][data-kind="restore"]')).toHaveCount(1);
  });
});

test.describe('proofreading tools', () => {
  test('a save from elsewhere is shown as a conflict, never silently overwritten', async ({ page, workbench }) => {
    const id = await openSampleCase(page, workbench);
    // Another window saves the same case first.
    const current = (await workbench.call('cases:get', { id })).value as { version: number; doc: { blocks: { text: string }[] } };
    const doc = structuredClone(current.doc);
    doc.blocks[0]!.text += '（别处修改）';
    const other = await workbench.call('cases:save', { id, version: current.version, doc });
    expect(other.ok).toBe(true);

    await block(page, '获奖情况').click();
    await page.keyboard.press('End');
    await page.keyboard.type('（本窗修改）');
    await expect(page.getByTestId('conflict-banner')).toBeVisible();
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'conflict');
    let text = await storedText(workbench, id);
    expect(text).toContain('别处修改');
    expect(text).not.toContain('本窗修改');

    // Choosing to overwrite saves on top of the stored version, deliberately.
    await page.getByTestId('conflict-overwrite').click();
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
    text = await storedText(workbench, id);
    expect(text).toContain('本窗修改');
  });

  test('find and replace within the case (Ctrl+H), with undo', async ({ page, workbench }) => {
    const id = await openSampleCase(page, workbench);
    await block(page, '开设').click();
    await page.keyboard.press('Control+h');
    await page.getByTestId('find-input').fill('民心');
    await expect(page.getByTestId('find-status')).toContainText('/5');
    await page.getByTestId('replace-input').fill('民意');
    await page.getByTestId('replace-all').click();
    await expect(block(page, '件件实事系民意')).toBeVisible();
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
    expect(await storedText(workbench, id)).not.toContain('系民心');
    await page.getByTestId('undo').click();
    await expect(block(page, '件件实事系民心')).toBeVisible();
  });
});

test('a kill during autosave loses nothing older than a second', async ({ page }) => {
  const wb = await startWorkbench();
  let restarted: Workbench | null = null;
  try {
    const id = await openSampleCase(page, wb);
    await block(page, '获奖情况').click();
    await page.keyboard.press('End');
    // Type steadily (never pausing long enough for the idle save) and note when each mark went in.
    const marks: { text: string; at: number }[] = [];
    for (let i = 0; i < 16; i++) {
      const text = `〔${String(i).padStart(2, '0')}〕`;
      await page.keyboard.type(text);
      marks.push({ text, at: Date.now() });
      await page.waitForTimeout(150);
    }
    await wb.stop('SIGKILL');
    const killedAt = Date.now();
    restarted = await startWorkbench(wb.dataDir);
    const text = await storedText(restarted, id);
    // Allow for the save's own round trip on top of the one-second bound.
    const mustHave = marks.filter((m) => m.at < killedAt - 1300);
    expect(mustHave.length).toBeGreaterThan(5);
    for (const m of mustHave) expect(text).toContain(m.text);
    const check = await restarted.call('app:info');
    expect(check.ok).toBe(true);
  } finally {
    await restarted?.stop();
    await wb.stop();
    fs.rmSync(wb.dataDir, { recursive: true, force: true });
  }
});
