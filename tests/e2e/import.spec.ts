import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures.ts';

const SEED = path.resolve(import.meta.dirname, '..', 'fixtures', 'seed');

test.describe('import', () => {
  test('import a text layer with its scan: preview, change log, rule revert, commit', async ({ page, workbench }) => {
    await page.goto(workbench.url);
    await page.getByTestId('import-button').first().click();
    await page.getByTestId('import-text-input').setInputFiles(path.join(SEED, 'excerpt.txt'));
    await page.getByTestId('import-scan-input').setInputFiles(path.join(SEED, 'excerpt-scan.pdf'));
    await page.getByTestId('import-start').click();

    const preview = page.getByTestId('import-preview');
    await expect(preview).toBeVisible();
    // 9 pages, 11 TOC entries (090–100), 1 case, 1 foreword.
    await expect(page.getByTestId('import-summary')).toContainText('9');
    await page.getByTestId('import-tab-toc').click();
    await expect(page.getByTestId('preview-toc-row')).toHaveCount(11);
    await page.getByTestId('import-tab-cases').click();
    await expect(page.getByTestId('preview-case-row')).toHaveCount(1);
    await expect(page.getByTestId('preview-case-row').first()).toContainText('开设“民情论坛” 打造和谐家园');
    await expect(page.getByTestId('import-scan-pages')).toContainText('9');
    await expect(page.getByTestId('import-offset')).toHaveValue('0');
    // The excerpt holds 11 TOC entries but one case: said in Chinese, from the warning's key.
    await page.getByTestId('import-tab-warnings').click();
    await expect(page.locator('[data-warning="toc-case-mismatch"]')).toContainText('目录列出 11 条，实际找到 1 个案例');

    // The change log counts each rule; turning one off and re-running reverts what it did.
    await page.getByTestId('import-tab-changes').click();
    const leaders = page.locator('[data-testid="rule-row"][data-rule="strip-leaders"]');
    await expect(leaders).toBeVisible();
    expect(Number(await leaders.getByTestId('rule-count').innerText())).toBeGreaterThan(0);
    await page.getByTestId('rule-toggle-space-after-punct').uncheck();
    await page.getByTestId('import-rerun').click();
    await expect(page.getByTestId('import-preview')).toBeVisible();
    await page.getByTestId('rule-toggle-space-after-punct').check();
    await page.getByTestId('import-rerun').click();
    await expect(page.getByTestId('import-commit')).toBeEnabled();

    await page.getByTestId('import-title').fill('创先争优好做法 第一卷');
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('volume-title')).toHaveText('创先争优好做法 第一卷');
    await expect(page.getByTestId('case-row').filter({ hasText: '开设“民情论坛” 打造和谐家园' })).toBeVisible();

    const volumes = (await workbench.call('volumes:list')).value as { scan: { pageCount: number; kind: string } | null }[];
    expect(volumes[0]?.scan).toMatchObject({ kind: 'pdf', pageCount: 9 });
  });

  test('re-importing the same file asks whether to replace the volume', async ({ page, workbench }) => {
    const first = await workbench.call('sample:install');
    expect(first.ok).toBe(true);
    await page.goto(workbench.url);
    await page.getByTestId('import-button').first().click();
    await page.getByTestId('import-text-input').setInputFiles(path.join(SEED, 'excerpt.txt'));
    await page.getByTestId('import-start').click();
    await expect(page.getByTestId('import-existing')).toBeVisible();
    await page.getByTestId('import-replace').check();
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('volume-title')).toBeVisible();
    const volumes = (await workbench.call('volumes:list')).value as unknown[];
    expect(volumes).toHaveLength(1);
  });

  test('a binary file gets a translated error and nothing is written', async ({ page, workbench }, testInfo) => {
    const junk = testInfo.outputPath('scan.txt');
    fs.writeFileSync(junk, fs.readFileSync(path.join(SEED, 'scan', 'page-001.jpg')));
    await page.goto(workbench.url);
    await page.getByTestId('import-button').first().click();
    await page.getByTestId('import-text-input').setInputFiles(junk);
    await page.getByTestId('import-start').click();
    await expect(page.getByTestId('import-error')).toContainText('这不是文本文件');
    const volumes = (await workbench.call('volumes:list')).value as unknown[];
    expect(volumes).toHaveLength(0);
  });

  test('a GB18030 text layer imports like its UTF-8 original', async ({ page, workbench }, testInfo) => {
    const iconv = await import('iconv-lite');
    const gbk = testInfo.outputPath('excerpt-gb18030.txt');
    fs.writeFileSync(gbk, iconv.default.encode(fs.readFileSync(path.join(SEED, 'excerpt.txt'), 'utf8'), 'gb18030'));
    await page.goto(workbench.url);
    await page.getByTestId('import-button').first().click();
    await page.getByTestId('import-text-input').setInputFiles(gbk);
    await page.getByTestId('import-start').click();
    await expect(page.getByTestId('import-summary')).toContainText(/GB18030/i);
    await page.getByTestId('import-tab-cases').click();
    await expect(page.getByTestId('preview-case-row').first()).toContainText('开设“民情论坛” 打造和谐家园');
  });
});
