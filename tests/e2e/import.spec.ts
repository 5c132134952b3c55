import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures.ts';
import { LibraryPage } from './pages/index.ts';

const SEED = path.resolve(import.meta.dirname, '..', 'fixtures', 'seed');

test.describe('import', () => {
  test('import a text layer with its scan: preview, change log, rule revert, commit', async ({ page, workbench }) => {
    const library = new LibraryPage(page);
    await library.goto(workbench.url);
    const dialog = await library.openImport();
    await dialog.load(path.join(SEED, 'excerpt.txt'), path.join(SEED, 'excerpt-scan.pdf'));

    await expect(dialog.preview).toBeVisible();
    // 9 pages, 11 TOC entries (090–100), 1 case, 1 foreword.
    await expect(dialog.summary).toContainText('9');
    await dialog.showTab('toc');
    await expect(dialog.tocRows).toHaveCount(11);
    await dialog.showTab('cases');
    await expect(dialog.caseRows).toHaveCount(1);
    await expect(dialog.caseRows.first()).toContainText('开设“民情论坛” 打造和谐家园');
    await expect(dialog.scanPages).toContainText('9');
    await expect(dialog.offset).toHaveValue('0');
    // The excerpt holds 11 TOC entries but one case: said in Chinese, from the warning's key.
    await dialog.showTab('warnings');
    await expect(dialog.warning('toc-case-mismatch')).toContainText('目录列出 11 条，实际找到 1 个案例');

    // The change log counts each rule; turning one off and re-running reverts what it did.
    await dialog.showTab('changes');
    await expect(dialog.rule('strip-leaders')).toBeVisible();
    expect(Number(await dialog.ruleCount('strip-leaders').innerText())).toBeGreaterThan(0);
    // A rule's sites are fetched when its list is opened.
    const sites = await dialog.showRuleSites('strip-leaders');
    await expect(sites.first()).toContainText('!!!');
    await dialog.setRule('space-after-punct', false);
    await dialog.rerun();
    await expect(dialog.preview).toBeVisible();
    await dialog.setRule('space-after-punct', true);
    await dialog.rerun();
    await expect(dialog.commitButton).toBeEnabled();

    await dialog.commit('创先争优好做法 第一卷');
    await expect(library.volumeTitle).toHaveText('创先争优好做法 第一卷');
    await expect(library.caseRow('开设“民情论坛” 打造和谐家园')).toBeVisible();

    const volumes = (await workbench.call('volumes:list')).value as { scan: { pageCount: number; kind: string } | null }[];
    expect(volumes[0]?.scan).toMatchObject({ kind: 'pdf', pageCount: 9 });
  });

  test('re-importing the same file asks whether to replace the volume', async ({ page, workbench }) => {
    const first = await workbench.call('sample:install');
    expect(first.ok).toBe(true);
    const library = new LibraryPage(page);
    await library.goto(workbench.url);
    const dialog = await library.openImport();
    await dialog.load(path.join(SEED, 'excerpt.txt'));
    await expect(dialog.existing).toBeVisible();
    await dialog.replaceExisting();
    await dialog.commit();
    await expect(library.volumeTitle).toBeVisible();
    const volumes = (await workbench.call('volumes:list')).value as unknown[];
    expect(volumes).toHaveLength(1);
  });

  test('a binary file gets a translated error and nothing is written', async ({ page, workbench }, testInfo) => {
    const junk = testInfo.outputPath('scan.txt');
    // Binary, and no page image (an image is read by OCR).
    fs.writeFileSync(junk, Buffer.from([0x41, 0, 0x42, 0, 0, 0x43]));
    const library = new LibraryPage(page);
    await library.goto(workbench.url);
    const dialog = await library.openImport();
    await dialog.load(junk);
    await expect(dialog.error).toContainText('这不是文本文件');
    const volumes = (await workbench.call('volumes:list')).value as unknown[];
    expect(volumes).toHaveLength(0);
  });

  test('a GB18030 text layer imports like its UTF-8 original', async ({ page, workbench }, testInfo) => {
    const iconv = await import('iconv-lite');
    const gbk = testInfo.outputPath('excerpt-gb18030.txt');
    fs.writeFileSync(gbk, iconv.default.encode(fs.readFileSync(path.join(SEED, 'excerpt.txt'), 'utf8'), 'gb18030'));
    const library = new LibraryPage(page);
    await library.goto(workbench.url);
    const dialog = await library.openImport();
    await dialog.load(gbk);
    await expect(dialog.summary).toContainText(/GB18030/i);
    await dialog.showTab('cases');
    await expect(dialog.caseRows.first()).toContainText('开设“民情论坛” 打造和谐家园');
  });

  test('a text with no structure is warned about in the preview, before anything is written', async ({
    page,
    workbench,
  }, testInfo) => {
    const notes = testInfo.outputPath('notes.txt');
    let a = 5;
    let text = '';
    for (let i = 0; i < 20_000; i++) {
      a = (a * 1103515245 + 12345) >>> 0;
      text += String.fromCharCode(0x4e00 + ((a >>> 8) % 0x5000)) + (i % 40 === 39 ? '\n' : '');
    }
    fs.writeFileSync(notes, text);
    const library = new LibraryPage(page);
    await library.goto(workbench.url);
    const dialog = await library.openImport();
    await dialog.load(notes);
    const warning = dialog.structureWarning;
    await expect(warning.locator('[data-warning="no-structure"]')).toContainText('没有分页符、没有目录');
    await expect(warning.locator('[data-warning="page-split"]')).toBeVisible();
    const volumes = (await workbench.call('volumes:list')).value as unknown[];
    expect(volumes).toHaveLength(0);
  });

  test('a huge text in which no case is found is refused with a translated message, and nothing is written', async ({
    page,
    workbench,
  }, testInfo) => {
    const huge = testInfo.outputPath('huge.txt');
    let a = 9;
    const parts: string[] = [];
    for (let i = 0; i < 300_000; i++) {
      a = (a * 1103515245 + 12345) >>> 0;
      parts.push(String.fromCharCode(0x4e00 + ((a >>> 8) % 0x5000)));
      if (i % 40 === 39) parts.push('\n');
    }
    fs.writeFileSync(huge, parts.join(''));
    const library = new LibraryPage(page);
    await library.goto(workbench.url);
    const dialog = await library.openImport();
    await dialog.load(huge);
    await expect(dialog.error).toContainText('长达 300000 字，超过单篇 100000 字的上限');
    await expect(dialog.error).toContainText('「huge.txt」');
    const volumes = (await workbench.call('volumes:list')).value as unknown[];
    expect(volumes).toHaveLength(0);
  });
});
