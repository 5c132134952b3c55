import { test, expect, type Workbench } from './fixtures.ts';
import { LibraryPage, ProofreadPage, SearchPage } from './pages/index.ts';

interface Volume {
  id: number;
}

/** The sample volume twice, the second renamed: one word in both volumes. */
async function twoVolumes(wb: Workbench): Promise<[Volume, Volume]> {
  const first = (await wb.call('sample:install')).value as Volume;
  const second = (await wb.call('sample:install')).value as Volume;
  expect((await wb.call('volumes:rename', { id: second.id, title: '第二卷' })).ok).toBe(true);
  return [first, second];
}

test.describe('search across volumes', () => {
  test('Ctrl+Shift+F, a word found in two volumes, grouped; a hit opens its case with the word selected', async ({
    page,
    workbench,
  }) => {
    const [first, second] = await twoVolumes(workbench);
    const library = new LibraryPage(page);
    await library.goto(workbench.url);
    await expect(library.volumeRows).toHaveCount(2);

    const search = new SearchPage(page);
    await search.search('民情论坛');
    await expect(search.view).toBeVisible();
    await expect(search.summary).toHaveAttribute('data-total', '2');
    await expect(search.groups).toHaveCount(2);
    for (const v of [first, second]) {
      const group = search.group(v.id);
      await expect(search.cases(group)).toHaveCount(1);
      await expect(search.marks(group).first()).toHaveText('民情论坛');
      await expect(search.hits(group).first()).toContainText('第 001 页');
    }
    await expect(search.group(second.id)).toContainText('第二卷');

    // A short (two-character) word answers too; the volume filter narrows to one group.
    await search.search('民情');
    await expect(search.groups).toHaveCount(2);
    await search.volumeFilter.selectOption(String(second.id));
    await expect(search.groups).toHaveCount(1);
    await expect(search.group(second.id)).toBeVisible();
    await expect(search.box).toHaveValue('民情');

    // Open a hit of the second volume: its case, the hit selected in the editor.
    await search.search('民情论坛');
    await expect(search.groups).toHaveCount(1);
    const caseId = Number(await search.cases().first().getAttribute('data-case-id'));
    await search.hits().first().click();
    const proof = new ProofreadPage(page);
    await expect(proof.editor).toBeVisible();
    expect(await proof.caseId()).toBe(caseId);
    await expect.poll(() => search.selectedText()).toBe('民情论坛');
    await expect(proof.editor).toBeFocused();

    // Ctrl+Shift+F from inside the editor reaches the header's box.
    await page.keyboard.press('Control+Shift+F');
    await expect(search.box).toBeFocused();
  });

  test('exact phrase, nothing found, and a punctuation-only query refused with its reason', async ({ page, workbench }) => {
    await twoVolumes(workbench);
    const library = new LibraryPage(page);
    await library.goto(workbench.url);
    const search = new SearchPage(page);
    await search.search('民情 论坛');
    await expect(search.summary).toHaveAttribute('data-total', '2');
    // The switch lives in the URL: the box shows it once the route has changed (click, then wait).
    await search.exact.click();
    await expect(search.exact).toBeChecked();
    await expect(search.empty).toBeVisible();
    await search.search('，。');
    await expect(search.error).toHaveAttribute('data-code', 'SEARCH_EMPTY_QUERY');
    await expect(search.error).toContainText('只有标点或空白');
  });
});
