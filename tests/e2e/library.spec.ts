import { test, expect } from './fixtures.ts';

test.describe('library', () => {
  test('an empty library in Chinese offers the sample; create a volume and see it listed', async ({ page, workbench }) => {
    await page.goto(workbench.url);
    await expect(page.getByTestId('empty-library')).toBeVisible();
    await expect(page.getByTestId('install-sample')).toContainText('示例');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    await page.getByTestId('new-volume-button').click();
    await page.getByTestId('new-volume-input').fill('第二卷 创先争优');
    await page.getByTestId('new-volume-submit').click();
    await expect(page.getByTestId('volume-row').filter({ hasText: '第二卷 创先争优' })).toBeVisible();

    const listed = await workbench.call('volumes:list');
    expect(listed.ok).toBe(true);
    expect((listed.value as { title: string }[]).map((v) => v.title)).toContain('第二卷 创先争优');
  });

  test('the language switch persists across a reload', async ({ page, workbench }) => {
    await page.goto(workbench.url);
    await expect(page.getByTestId('empty-library')).toBeVisible();
    await page.getByTestId('lang-en').click();
    await expect(page.getByTestId('install-sample')).toContainText(/sample/i);
    await page.reload();
    await expect(page.getByTestId('install-sample')).toContainText(/sample/i);
    const prefs = await workbench.call('prefs:get');
    expect((prefs.value as { language: string }).language).toBe('en');
    await page.getByTestId('lang-zh').click();
    await expect(page.getByTestId('install-sample')).toContainText('示例');
  });

  test('the sample volume installs with its cases, and the case page shows them', async ({ page, workbench }) => {
    await page.goto(workbench.url);
    await page.getByTestId('install-sample').click();
    await expect(page.getByTestId('case-row').first()).toBeVisible();
    const row = page.getByTestId('case-row').filter({ hasText: '开设“民情论坛” 打造和谐家园' });
    await expect(row).toContainText('兰州市西固区临洮街街道康乐路社区党总支');
    await row.getByTestId('case-link').click();
    await expect(page.getByTestId('case-title')).toContainText('开设“民情论坛” 打造和谐家园');
    await expect(page.getByTestId('proof-editor')).toBeVisible();
  });

  test('rename and delete a volume (with confirmation)', async ({ page, workbench }) => {
    await workbench.call('volumes:create', { title: '待删卷册' });
    await page.goto(workbench.url);
    await page.getByRole('link', { name: '待删卷册' }).click();
    await page.getByTestId('rename-volume').click();
    await page.getByTestId('rename-input').fill('改名卷册');
    await page.getByTestId('rename-submit').click();
    await expect(page.getByTestId('volume-title')).toHaveText('改名卷册');
    await page.getByTestId('delete-volume').click();
    await expect(page.getByTestId('delete-message')).toContainText('改名卷册');
    await page.getByTestId('delete-confirm').click();
    await expect(page.getByTestId('volume-row')).toHaveCount(0);
  });
});

test.describe('editorial stages', () => {
  test('a stage change is recorded with who and when, and the volume table filters and sorts by stage', async ({ page, workbench }) => {
    await workbench.call('sample:install');
    await page.goto(workbench.url);
    await page.getByTestId('open-settings').click();
    await page.getByTestId('settings-username').fill('张校对');
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('header-user')).toContainText('张校对');

    await page.getByRole('link', { name: '创先争优好做法（示例）' }).click();
    await page.getByTestId('case-row').filter({ hasText: '开设“民情论坛”' }).getByTestId('case-link').click();
    await page.getByTestId('stage-select').selectOption('proof1');
    await page.getByTestId('stage-note').fill('一校完成');
    await page.getByTestId('stage-confirm').click();
    await expect(page.getByTestId('case-stage')).toHaveAttribute('data-stage', 'proof1');
    await page.getByTestId('event-history-section').locator('summary').click();
    const event = page.locator('[data-testid="event-row"][data-to="proof1"]');
    await expect(event).toContainText('张校对');
    await expect(event).toContainText('一校完成');

    await page.getByTestId('case-back').click();
    await expect(page.locator('[data-testid="stage-legend"] [data-stage="proof1"]')).toHaveAttribute('data-count', '1');
    await page.getByTestId('stage-filter').selectOption('proof1');
    await expect(page.getByTestId('case-row')).toHaveCount(1);
    await expect(page.getByTestId('case-row').first()).toHaveAttribute('data-stage', 'proof1');
    await page.getByTestId('stage-filter').selectOption('');
    await expect(page.getByTestId('case-row')).toHaveCount(2);
    await page.getByTestId('sort-stage').click();
    await expect(page.locator('th', { has: page.getByTestId('sort-stage') })).toHaveAttribute('aria-sort', /ascending|descending/);
    await expect(page.getByTestId('case-row').first()).toHaveAttribute('data-stage', 'imported');
  });
});
