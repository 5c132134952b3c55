import fs from 'node:fs';
import iconv from 'iconv-lite';
import { test, expect, type Workbench } from './fixtures.ts';
import { openSampleCase } from './sampleCase.ts';
import { LibraryPage, WordListDialog, installMenuStandIn } from './pages/index.ts';

async function storedWords(wb: Workbench): Promise<Array<{ word: string; kind: string; replacement: string | null }>> {
  return (await wb.call('words:list')).value as Array<{ word: string; kind: string; replacement: string | null }>;
}

test.describe('library word list', () => {
  test('a suspect added as a good word is no longer marked, here or after a reload', async ({ page, workbench }) => {
    const proof = (await openSampleCase(page, workbench)).proof;
    await proof.appendTo('特色活动聚民心', '甲2O1O乙，中间隔开十个以上的字丙l9丁');
    await proof.showSuspects();
    const item = proof.suspect('2O1O');
    await expect(item).toHaveAttribute('data-kind', 'lookalike');
    await expect.poll(() => proof.markedTexts()).toContain('2O1O');

    await proof.addGoodWord(item);
    await expect(item).toHaveCount(0);
    await expect.poll(() => proof.markedTexts()).not.toContain('2O1O');
    await expect(proof.suspect('l9')).toBeVisible();
    expect(await storedWords(workbench)).toContainEqual(expect.objectContaining({ word: '2O1O', kind: 'good' }));

    await expect(proof.saveState).toHaveAttribute('data-state', 'saved');
    await page.reload();
    await expect(proof.block('甲2O1O乙，中间隔开十个以上的字丙l9丁')).toBeVisible();
    // Once the suspects are computed again (l9 is marked), 2O1O is not.
    await expect
      .poll(async () => {
        const marked = await proof.markedTexts();
        return marked.includes('l9') && !marked.includes('2O1O');
      })
      .toBe(true);
    await expect(proof.suspect('2O1O')).toHaveCount(0);
  });

  test('a selected word marked bad is flagged with its replacement, reached by F8 and fixed', async ({ page, workbench }) => {
    const proof = (await openSampleCase(page, workbench)).proof;
    await proof.appendTo('特色活动聚民心', '登录帐号');
    await proof.selectBack(2);
    await expect.poll(() => proof.selection()).toBe('帐号');

    await proof.openWordList();
    const dialog = new WordListDialog(page);
    await expect(dialog.wordInput).toHaveValue('帐号');
    await dialog.add({ kind: 'bad', replacement: '账号' });
    await expect(dialog.row('帐号')).toHaveAttribute('data-kind', 'bad');
    await dialog.close();
    expect(await storedWords(workbench)).toContainEqual(
      expect.objectContaining({ word: '帐号', kind: 'bad', replacement: '账号' }),
    );

    await proof.showSuspects();
    const item = proof.suspect('帐号');
    await expect(item).toHaveAttribute('data-kind', 'bad-word');
    await expect(item.getByTestId('suspect-fix')).toContainText('账号');
    await expect.poll(() => proof.markedTexts()).toContain('帐号');

    // From the start of its block, F8 selects it.
    await proof.block('特色活动聚民心').click();
    await page.keyboard.press('Home');
    await page.keyboard.press('F8');
    await expect.poll(() => proof.selection()).toBe('帐号');

    await proof.fixSuspect(item);
    await expect(proof.block('特色活动聚民心登录账号')).toBeVisible();
    await expect.poll(() => proof.markedTexts()).not.toContain('帐号');
  });

  test('opened from the menu: import a GBK file, refuse a malformed one by line, export the list', async ({
    page,
    workbench,
  }) => {
    const menu = await installMenuStandIn(page);
    const library = new LibraryPage(page);
    await library.goto(workbench.url);
    await expect(library.emptyLibrary).toBeVisible();
    await menu('wordList');
    const dialog = new WordListDialog(page);
    await expect(dialog.root).toBeVisible();
    await expect(dialog.count).toHaveAttribute('data-count', '0');

    await dialog.importFile('词表.txt', iconv.encode('# 旧系统导出\n+乾隆\n-帐户 => 账户\n', 'gbk'));
    await expect(dialog.done).toContainText('2');
    await expect(dialog.row('乾隆')).toHaveAttribute('data-kind', 'good');
    await expect(dialog.row('帐户')).toHaveAttribute('data-kind', 'bad');

    await dialog.importFile('坏词表.txt', Buffer.from('+新词\n新词2\n'));
    await expect(dialog.importError).toHaveAttribute('data-code', 'WORDLIST_FORMAT');
    await expect(dialog.importError).toContainText('第 2 行');
    await expect(dialog.importError).toContainText('每行要以 +（好词）或 -（错词）开头');
    await expect(dialog.count).toHaveAttribute('data-count', '2');

    await dialog.filter.fill('帐');
    await expect(dialog.rows).toHaveCount(1);
    await dialog.filter.fill('');

    const download = await dialog.export();
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text.split('\n')).toEqual(expect.arrayContaining(['+乾隆', '-帐户 => 账户']));

    await dialog.remove('乾隆');
    await expect(dialog.row('乾隆')).toHaveCount(0);
    await expect(dialog.count).toHaveAttribute('data-count', '1');
  });
});
