import { test, expect, type Workbench } from './fixtures.ts';
import { LibraryPage, ProofreadPage } from './pages/index.ts';

const VOLUME = '创先争优好做法（示例）';
const CASE_TITLE = '开设“民情论坛” 打造和谐家园';
/** Three times in the sample volume, all in its first case. */
const WORD = '特色';
const NEW_WORD = '亮点';

interface CaseRow {
  id: number;
  title: string;
}

async function caseText(workbench: Workbench, id: number): Promise<string> {
  return ((await workbench.call('cases:get', { id })).value as { text: string }).text;
}

test.describe('volume-wide find and replace', () => {
  test('replace a word in two of its three hits, check the texts, then undo the batch and get them back', async ({
    page,
    workbench,
  }) => {
    await workbench.call('prefs:set', { userName: '校对员乙' });
    const volume = (await workbench.call('sample:install')).value as { id: number };
    const cases = (await workbench.call('cases:list', { volumeId: volume.id })).value as CaseRow[];
    const target = cases.find((c) => c.title === CASE_TITLE)!;
    const original = await caseText(workbench, target.id);
    expect(original.split(WORD)).toHaveLength(4);
    expect(original).not.toContain(NEW_WORD);

    const library = new LibraryPage(page);
    await library.goto(workbench.url);
    await library.openVolume(VOLUME);
    const dialog = await library.openReplace();
    await dialog.preview(WORD, NEW_WORD);
    await expect(dialog.hits).toHaveCount(3);
    await expect(dialog.newText(dialog.hits.first())).toHaveText(NEW_WORD);
    await expect(dialog.hitChecks).toHaveCount(3);
    for (const check of await dialog.hitChecks.all()) await expect(check).toBeChecked();

    // Keep the second hit as it is.
    await dialog.untick(1);
    await expect(dialog.summary).toContainText('已选 2 处');
    await expect(dialog.applyButton).toBeDisabled(); // no reason yet
    await dialog.apply('统一提法');
    await expect(dialog.done).toContainText('已替换 2 处');

    const parts = original.split(WORD);
    const replaced = `${parts[0]}${NEW_WORD}${parts[1]}${WORD}${parts[2]}${NEW_WORD}${parts[3]}`;
    expect(await caseText(workbench, target.id)).toBe(replaced);

    // A new preview finds only the hit left alone.
    await dialog.preview(WORD, NEW_WORD);
    await expect(dialog.hits).toHaveCount(1);

    await dialog.openBatches();
    await expect(dialog.batches).toHaveCount(1);
    const batch = dialog.batches.first();
    await expect(batch).toContainText('校对员乙');
    await expect(batch).toContainText('统一提法');
    await dialog.undo(batch);
    await expect(batch).toHaveAttribute('data-undone', 'true');
    expect(await caseText(workbench, target.id)).toBe(original);

    // The case page shows the restored text.
    await dialog.close();
    await library.openCase(CASE_TITLE);
    const proof = new ProofreadPage(page);
    await expect(proof.editor).toContainText(WORD);
    await expect(proof.editor).not.toContainText(NEW_WORD);
  });
});
