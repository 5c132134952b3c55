import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures.ts';
import { LibraryPage, ProofreadPage } from './pages/index.ts';

const SCAN = path.resolve(import.meta.dirname, '..', 'fixtures', 'seed', 'scan');

/** A page image as the file chooser hands it over, under another name. */
const image = (file: string, name: string) => ({ name, mimeType: 'image/jpeg', buffer: fs.readFileSync(path.join(SCAN, file)) });

test.describe('several page images as one scan', () => {
  // OCR of three pages: a few seconds alone, more when other tests share the cores.
  test.setTimeout(180_000);

  test('chosen together: one volume, pages in name order, OCR progress over all of them', async ({ page, workbench }) => {
    const library = new LibraryPage(page);
    await library.goto(workbench.url);
    const dialog = await library.openImport();
    // Case 001's opener and first body pages, chosen in another order; by name, 康乐路-8 comes first.
    await dialog.textInput.setInputFiles([
      image('page-008.jpg', '康乐路-10.jpg'),
      image('page-006.jpg', '康乐路-8.jpg'),
      image('page-007.jpg', '康乐路-9.jpg'),
    ]);
    await expect(dialog.root.getByTestId('import-text-name')).toHaveText('3 张页面图片（一卷，按文件名排页）');
    await dialog.startButton.click();

    const phase = dialog.root.getByTestId('import-phase');
    await expect(phase).toHaveAttribute('data-phase', 'ocr', { timeout: 60_000 });
    await expect(dialog.root.getByTestId('import-progress')).toContainText('/ 3', { timeout: 60_000 });

    await expect(dialog.preview).toBeVisible({ timeout: 150_000 });
    await dialog.showTab('cases');
    await expect(dialog.caseRows).toHaveCount(1);
    await expect(dialog.caseRows.first()).toContainText('打造和谐家园');
    // The images are the volume's scan, one page each; the title defaults to what their names share.
    await expect(dialog.scanPages).toContainText('3');
    await expect(dialog.title).toHaveValue('康乐路');
    await dialog.commit();
    await expect(library.volumeTitle).toHaveText('康乐路', { timeout: 30_000 });

    await expect(library.caseRow('001')).toHaveCount(1);
    await library.caseRow('001').getByTestId('case-link').click();
    const proof = new ProofreadPage(page);
    await expect(proof.editor).toBeVisible();
    // The opener (康乐路-8, the scan's first page) begins the case: its title is there, read by OCR.
    await expect(proof.editor).toContainText('打造和谐家园');
    const volume = ((await workbench.call('volumes:list')).value as Array<{ pageCount: number; scan: { kind: string } }>)[0]!;
    expect([volume.pageCount, volume.scan.kind]).toEqual([3, 'images']);
  });

  test('several files that are not all page images are refused before anything is uploaded', async ({ page, workbench }) => {
    const library = new LibraryPage(page);
    await library.goto(workbench.url);
    const dialog = await library.openImport();
    await dialog.textInput.setInputFiles([
      image('page-006.jpg', '1.jpg'),
      { name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('不是图片') },
    ]);
    await expect(dialog.root.getByTestId('import-text-refused')).toHaveText(
      '一次选择多个文件时，只能是页面图片（JPEG、PNG、TIFF），合为一卷扫描件。',
    );
    await expect(dialog.root.getByTestId('import-text-name')).toHaveText('未选择文件');
    await expect(dialog.startButton).toBeDisabled();
  });
});
