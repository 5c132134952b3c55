import { test, expect } from './fixtures.ts';
import { AppHeader, LibraryPage, ProofreadPage } from './pages/index.ts';

test.describe('library', () => {
  test('an empty library in Chinese offers the sample; create a volume and see it listed', async ({ page, workbench }) => {
    const library = new LibraryPage(page);
    await library.goto(workbench.url);
    await expect(library.emptyLibrary).toBeVisible();
    await expect(library.installSampleButton).toContainText('示例');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    await library.createVolume('第二卷 创先争优');
    await expect(library.volumeRow('第二卷 创先争优')).toBeVisible();

    const listed = await workbench.call('volumes:list');
    expect(listed.ok).toBe(true);
    expect((listed.value as { title: string }[]).map((v) => v.title)).toContain('第二卷 创先争优');
  });

  test('the language switch persists across a reload', async ({ page, workbench }) => {
    const library = new LibraryPage(page);
    const header = new AppHeader(page);
    await library.goto(workbench.url);
    await expect(library.emptyLibrary).toBeVisible();
    await header.switchLanguage('en');
    await expect(library.installSampleButton).toContainText(/sample/i);
    await page.reload();
    await expect(library.installSampleButton).toContainText(/sample/i);
    const prefs = await workbench.call('prefs:get');
    expect((prefs.value as { language: string }).language).toBe('en');
    await header.switchLanguage('zh');
    await expect(library.installSampleButton).toContainText('示例');
  });

  test('the sample volume installs with its cases, and the case page shows them', async ({ page, workbench }) => {
    const library = new LibraryPage(page);
    await library.goto(workbench.url);
    await library.installSample();
    await expect(library.caseRows.first()).toBeVisible();
    await expect(library.caseRow('开设“民情论坛” 打造和谐家园')).toContainText('兰州市西固区临洮街街道康乐路社区党总支');
    await library.openCase('开设“民情论坛” 打造和谐家园');
    const proof = new ProofreadPage(page);
    await expect(proof.title).toContainText('开设“民情论坛” 打造和谐家园');
    await expect(proof.editor).toBeVisible();
  });

  test('rename and delete a volume (with confirmation)', async ({ page, workbench }) => {
    await workbench.call('volumes:create', { title: '待删卷册' });
    const library = new LibraryPage(page);
    await library.goto(workbench.url);
    await library.openVolume('待删卷册');
    await library.renameVolume('改名卷册');
    await expect(library.volumeTitle).toHaveText('改名卷册');
    const confirm = await library.deleteVolume();
    await expect(confirm.message).toContainText('改名卷册');
    await confirm.confirm();
    await expect(library.volumeRows).toHaveCount(0);
  });
});

test.describe('editorial stages', () => {
  test('a sign-off is recorded with who and when, and the volume table filters and sorts by stage', async ({
    page,
    workbench,
  }) => {
    await workbench.call('sample:install');
    const library = new LibraryPage(page);
    const header = new AppHeader(page);
    const proof = new ProofreadPage(page);
    await library.goto(workbench.url);
    const settings = await header.openSettings();
    await settings.setUserName('张校对');
    await expect(header.user).toContainText('张校对');

    await library.openVolume('创先争优好做法（示例）');
    await library.openCase('开设“民情论坛”');
    await proof.signOff('初审完成');
    await expect(proof.stage).toHaveAttribute('data-stage', 'review1');
    // The timeline sits in the same popover, under the forms.
    await proof.showStageHistory();
    const event = proof.stageEvents('review1');
    await expect(event).toContainText('张校对');
    await expect(event).toContainText('初审完成');

    await proof.back();
    await expect(library.stageLegend('review1')).toHaveAttribute('data-count', '1');
    await library.filterByStage('review1');
    await expect(library.caseRows).toHaveCount(1);
    await expect(library.caseRows.first()).toHaveAttribute('data-stage', 'review1');
    await library.filterByStage('');
    await expect(library.caseRows).toHaveCount(2);
    await library.sortBy('stage');
    await expect(library.columnHeader('stage')).toHaveAttribute('aria-sort', /ascending|descending/);
    await expect(library.caseRows.first()).toHaveAttribute('data-stage', 'imported');
  });
});
