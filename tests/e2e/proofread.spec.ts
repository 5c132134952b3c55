import fs from 'node:fs';
import { test, expect, startWorkbench, type Workbench } from './fixtures.ts';
import { openSampleCase } from './sampleCase.ts';
import { LibraryPage } from './pages/index.ts';

async function storedText(wb: Workbench, id: number): Promise<string> {
  const res = await wb.call('cases:get', { id });
  return (res.value as { text: string }).text;
}

test.describe('proofreading', () => {
  test('edit and tag a block, reload and see both', async ({ page, workbench }) => {
    const { id, proof } = await openSampleCase(page, workbench);
    const heading = proof.block('件件实事系民心');
    await expect(heading).toHaveAttribute('data-kind', 'heading');
    await proof.appendTo('件件实事系民心', '（校）');
    await page.keyboard.press('Alt+9');
    await expect(proof.block('件件实事系民心（校）')).toHaveAttribute('data-kind', 'caption');
    await expect(proof.saveState).toHaveAttribute('data-state', 'saved');
    expect(await storedText(workbench, id)).toContain('件件实事系民心（校）');

    await page.reload();
    await expect(proof.block('件件实事系民心（校）')).toHaveAttribute('data-kind', 'caption');
    // Page markers survive the round trip.
    await expect(proof.pageMarkers).toHaveCount(4);
  });

  test('the scan follows the caret to the third page; page status is set and drawn', async ({ page, workbench }) => {
    const { proof } = await openSampleCase(page, workbench);
    await proof.block('特色活动聚民心').click();
    // Case 001 starts on text page 5 (printed 1); its third page is text page 7, scan page 7.
    await expect(proof.scanPane).toHaveAttribute('data-page', '7');
    await expect(proof.scanPane).toHaveAttribute('data-scan-page', '7');
    await expect(proof.pageChip(7)).toHaveAttribute('aria-current', 'page');
    await expect(proof.scanCanvas).toHaveAttribute('data-rendered-page', '7');

    await proof.setPageStatus('proofed');
    await expect(proof.pageChip(7)).toHaveAttribute('data-status', 'proofed');
    await page.reload();
    await expect(proof.pageChip(7)).toHaveAttribute('data-status', 'proofed');
    const pages = (await workbench.call('pages:list', { volumeId: 1 })).value as { index: number; status: string }[];
    expect(pages.find((p) => p.index === 7)?.status).toBe('proofed');

    // The volume view draws every page's status.
    await proof.back();
    const library = new LibraryPage(page);
    await expect(library.pageCells('proofed')).toHaveCount(1);
    await expect(library.pageTotal('unproofed')).toHaveAttribute('data-count', '8');
    await page.goBack();

    // Clicking a page in the strip moves the editor (and the scan) there.
    await proof.goToPage(6);
    await expect(proof.scanPane).toHaveAttribute('data-page', '6');
  });

  test('F8 jumps to a suspect and its one-click fix applies', async ({ page, workbench }) => {
    const { id, proof } = await openSampleCase(page, workbench);
    await proof.appendTo('特色活动聚民心', '甲,乙');
    await proof.showSuspects();
    const item = proof.suspect(',');
    await expect(item).toBeVisible();
    await proof.block('开设').click();
    await page.keyboard.press('F8');
    // F8 selects the suspect itself: the half-width comma between 甲 and 乙.
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(',');
    await proof.fixSuspect(item);
    await expect(proof.block('特色活动聚民心甲，乙')).toBeVisible();
    await expect(proof.saveState).toHaveAttribute('data-state', 'saved');
    expect(await storedText(workbench, id)).toContain('特色活动聚民心甲，乙');
  });

  test('restore an earlier revision from the history panel', async ({ page, workbench }) => {
    const { id, proof } = await openSampleCase(page, workbench);
    await proof.appendTo('获奖情况', '（待删）');
    await expect(proof.saveState).toHaveAttribute('data-state', 'saved');
    expect(await storedText(workbench, id)).toContain('获奖情况（待删）');

    await proof.toggleHistory();
    const imported = proof.revisions('import');
    await proof.compareWithCurrent(imported);
    await expect(proof.diffView).toContainText('待删');
    await proof.restoreRevision(imported);
    await expect(proof.block('获奖情况')).not.toContainText('待删');
    await expect.poll(() => storedText(workbench, id)).not.toContain('待删');
    await expect(proof.revisions('restore')).toHaveCount(1);
  });
});

test.describe('proofreading tools', () => {
  test('a save from elsewhere is shown as a conflict, never silently overwritten', async ({ page, workbench }) => {
    const { id, proof } = await openSampleCase(page, workbench);
    // Another window saves the same case first.
    const current = (await workbench.call('cases:get', { id })).value as { version: number; doc: { blocks: { text: string }[] } };
    const doc = structuredClone(current.doc);
    doc.blocks[0]!.text += '（别处修改）';
    const other = await workbench.call('cases:save', { id, version: current.version, doc });
    expect(other.ok).toBe(true);

    await proof.appendTo('获奖情况', '（本窗修改）');
    await expect(proof.conflictBanner).toBeVisible();
    await expect(proof.saveState).toHaveAttribute('data-state', 'conflict');
    let text = await storedText(workbench, id);
    expect(text).toContain('别处修改');
    expect(text).not.toContain('本窗修改');

    // Choosing to overwrite saves on top of the stored version, deliberately.
    await proof.overwriteConflict();
    await expect(proof.saveState).toHaveAttribute('data-state', 'saved');
    text = await storedText(workbench, id);
    expect(text).toContain('本窗修改');
  });

  test('find and replace within the case (Ctrl+H), with undo', async ({ page, workbench }) => {
    const { id, proof } = await openSampleCase(page, workbench);
    await proof.block('开设').click();
    await proof.openReplace();
    await proof.find('民心');
    await expect(proof.findStatus).toContainText('/5');
    await proof.replaceAll('民意');
    await expect(proof.block('件件实事系民意')).toBeVisible();
    await expect(proof.saveState).toHaveAttribute('data-state', 'saved');
    expect(await storedText(workbench, id)).not.toContain('系民心');
    await proof.undo();
    await expect(proof.block('件件实事系民心')).toBeVisible();
  });
});

test('a kill during autosave loses nothing the server acknowledged', async ({ page }) => {
  const wb = await startWorkbench();
  let restarted: Workbench | null = null;
  try {
    const { id, proof } = await openSampleCase(page, wb);
    // Every save the server answered 200 to: what it acknowledged must survive the kill.
    const acknowledged: string[] = [];
    page.on('response', async (res) => {
      if (!res.url().endsWith('/api/cases:save') || res.status() !== 200) return;
      const body = res.request().postDataJSON() as { doc: { blocks: Array<{ text: string }> } };
      acknowledged.push(body.doc.blocks.map((b) => b.text).join('\n'));
    });
    await proof.caretToEnd('获奖情况');
    // Type steadily, never pausing long enough for the idle save: only the bounded autosave saves.
    const marks: string[] = [];
    for (let i = 0; i < 16; i++) {
      const text = `〔${String(i).padStart(2, '0')}〕`;
      await page.keyboard.type(text);
      marks.push(text);
      await page.waitForTimeout(150);
    }
    await wb.stop('SIGKILL');
    const lastAck = acknowledged.at(-1) ?? '';
    const mustHave = marks.filter((m) => lastAck.includes(m));
    expect(mustHave.length, 'autosave acknowledged saves while typing went on').toBeGreaterThan(0);
    restarted = await startWorkbench(wb.dataDir);
    const text = await storedText(restarted, id);
    for (const m of mustHave) expect(text).toContain(m);
    const check = await restarted.call('app:info');
    expect(check.ok).toBe(true);
  } finally {
    await restarted?.stop();
    await wb.stop();
    fs.rmSync(wb.dataDir, { recursive: true, force: true });
  }
});
