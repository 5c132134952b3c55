import path from 'node:path';
import { test, expect } from './fixtures.ts';
import { LibraryPage, ProofreadPage } from './pages/index.ts';

const SEED = path.resolve(import.meta.dirname, '..', 'fixtures', 'seed');

test.describe('scan import', () => {
  // OCR of the 9-page sample takes 10–40 s on this machine, more when other tests share the cores.
  test.setTimeout(240_000);

  test('a scan alone is a source: OCR progress, commit, low-confidence suspects reached by F8', async ({ page, workbench }) => {
    const library = new LibraryPage(page);
    await library.goto(workbench.url);
    const dialog = await library.openImport();
    await dialog.load(path.join(SEED, 'excerpt-scan.pdf'));

    // OCR shows as its own phase, page by page (n / 9 once the first page is read).
    const phase = dialog.root.getByTestId('import-phase');
    await expect(phase).toHaveAttribute('data-phase', 'ocr', { timeout: 60_000 });
    await expect(phase).toHaveText('文字识别（OCR）');
    await expect(dialog.root.getByTestId('import-progress')).toContainText('/ 9', { timeout: 60_000 });

    await expect(dialog.preview).toBeVisible({ timeout: 180_000 });
    await dialog.showTab('cases');
    await expect(dialog.caseRows).toHaveCount(1);
    // The scan is its own: all 9 pages.
    await expect(dialog.scanPages).toContainText('9');
    await dialog.commit('创先争优好做法（扫描）');
    await expect(library.volumeTitle).toHaveText('创先争优好做法（扫描）', { timeout: 30_000 });

    // The foreword is listed too (unnumbered); case 001 is the one the excerpt holds.
    await expect(library.caseRow('001')).toHaveCount(1);
    await expect(library.caseRow('001')).toContainText('打造和谐家园');
    await library.caseRow('001').getByTestId('case-link').click();

    const proof = new ProofreadPage(page);
    await expect(proof.editor).toBeVisible();
    await proof.showSuspects();
    const ocrItems = proof.suspectList.locator('[data-testid="suspect-item"][data-kind="ocr-low-confidence"]');
    await expect(ocrItems.first()).toBeVisible();
    await expect(ocrItems.first().getByTestId('suspect-confidence')).toHaveText(/^识别置信度 \d+$/);
    const confidence = Number((await ocrItems.first().getByTestId('suspect-confidence').innerText()).replace(/\D/g, ''));
    expect(confidence).toBeLessThan(85);
    const flagged = await ocrItems.first().locator('mark').innerText();

    // F8 steps through the suspects in document order, wrapping at the end: from the end of the
    // case, the first press reaches the first suspect; the OCR one comes within one round.
    const all = proof.suspectList.getByTestId('suspect-item');
    const kinds = await all.evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')));
    const target = kinds.indexOf('ocr-low-confidence');
    expect(target).toBeGreaterThanOrEqual(0);
    await proof.editor.locator('[data-kind]').last().click();
    await page.keyboard.press('Control+End');
    // Each press waits for the editor to take the previous one's selection (F8 starts from it).
    const marked = await all.evaluateAll((items) => items.map((i) => i.querySelector('mark')?.textContent ?? ''));
    for (let i = 0; i <= target; i++) {
      await page.keyboard.press('F8');
      await expect.poll(() => proof.selection()).toBe(marked[i]);
    }
    await expect.poll(() => proof.selection()).toBe(flagged);

    // The scan and the text linked line by line: the caret's block is outlined on the scan, and a
    // click on a line of the scan puts the caret at the start of that line's text.
    await proof.block('打造和谐家园').click();
    await expect(proof.scanPane).toHaveAttribute('data-page', '5');
    const active = page.locator('[data-testid="scan-line"][data-active="true"]');
    await expect(active).toHaveCount(1);
    await expect(active).toHaveAttribute('title', /打造和谐家园/);
    const lines = page.getByTestId('scan-line');
    const commentaryLine = lines.and(page.locator('[title*="坚持为"]'));
    await commentaryLine.click();
    await expect(active.first()).toHaveAttribute('title', /坚持为/);
    const caretBlock = await page.evaluate(() => {
      const node = window.getSelection()?.anchorNode;
      const el = node instanceof Element ? node : node?.parentElement;
      return el?.closest('[data-kind]')?.getAttribute('data-kind') ?? null;
    });
    expect(caretBlock).toBe('commentary');
  });

  test('cancelling during OCR goes back to choosing and writes nothing', async ({ page, workbench }) => {
    const library = new LibraryPage(page);
    await library.goto(workbench.url);
    const dialog = await library.openImport();
    await dialog.load(path.join(SEED, 'excerpt-scan.pdf'));
    await expect(dialog.root.getByTestId('import-phase')).toHaveAttribute('data-phase', 'ocr', { timeout: 60_000 });
    await dialog.root.getByTestId('import-cancel-job').click();
    await expect(dialog.startButton).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText('已取消解析。')).toBeVisible();
    const volumes = (await workbench.call('volumes:list')).value as unknown[];
    expect(volumes).toHaveLength(0);
  });
});
