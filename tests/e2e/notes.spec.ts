import { test, expect } from './fixtures.ts';
import { openSampleCase } from './sampleCase.ts';
import { NotesPanel } from './pages/index.ts';

const TARGET = '知民情、解民忧';
const INSERTED = '新插入的一段说明。';

test.describe('notes', () => {
  test('a note stays on its block when a paragraph is inserted above it; reply and resolve', async ({ page, workbench }) => {
    const { id, proof } = await openSampleCase(page, workbench);
    const notes = new NotesPanel(page);
    const target = proof.block(TARGET);
    const targetId = await target.getAttribute('data-block-id');
    expect(targetId).toBeTruthy();

    await proof.caretToEnd(TARGET);
    await notes.open();
    await notes.add('“一站式服务”的表述请与原稿核对');
    const note = notes.note('一站式服务');
    await expect(note).toBeVisible();
    await expect(notes.author(note)).toHaveText('测试员');
    expect(await notes.blockIdOf(note)).toBe(targetId);
    await expect(notes.toggle).toContainText('1');
    await expect(notes.notedBlocks).toHaveCount(1);
    await expect(notes.notedBlocks).toContainText(TARGET);

    // Enter at the start of the noted block opens an empty block above it; type a paragraph there.
    await notes.caretToStartOf(target);
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type(INSERTED);
    await expect(proof.saveState).toHaveAttribute('data-state', 'saved');
    await expect(proof.block(TARGET)).toHaveAttribute('data-block-id', targetId!);
    await expect(notes.notedBlocks).toContainText(TARGET);

    await page.reload();
    await expect(proof.block(INSERTED)).toBeVisible();
    await expect(proof.block(TARGET)).toHaveAttribute('data-block-id', targetId!);
    await expect(notes.notedBlocks).toHaveCount(1);
    await expect(notes.notedBlocks).toContainText(TARGET);
    await notes.open();
    const again = notes.note('一站式服务');
    expect(await notes.blockIdOf(again)).toBe(targetId);
    await expect(again).toContainText(TARGET);

    // A click on the note puts the caret in its block.
    await proof.caretToEnd(INSERTED);
    await notes.goTo(again);
    await expect.poll(() => notes.caretBlockId()).toBe(targetId);

    await notes.reply(again, '已核对，原稿如此');
    await expect(notes.replies(again)).toHaveCount(1);
    await expect(notes.replies(again)).toContainText('已核对，原稿如此');

    await notes.resolve(again);
    await expect(notes.items).toHaveCount(0);
    await expect(notes.empty).toBeVisible();
    await expect(notes.notedBlocks).toHaveCount(0);
    await notes.showAll();
    await expect(notes.resolution(notes.note('一站式服务'))).toContainText('测试员');

    const workflow = await workbench.call('cases:workflow', { id });
    expect((workflow.value as { openNotes: number }).openNotes).toBe(0);

    // A paragraph typed just now takes a note at once (Ctrl+Alt+M): it is saved first, with its id.
    await proof.caretToEnd(INSERTED);
    await page.keyboard.press('Enter');
    await page.keyboard.type('刚敲的一段');
    await notes.addWithShortcut('这一段是新加的，请复核');
    const fresh = notes.note('刚敲的一段');
    await expect(fresh).toContainText('这一段是新加的，请复核');
    const freshId = await notes.blockIdOf(fresh);
    expect(freshId).toBeTruthy();
    await expect(proof.block('刚敲的一段')).toHaveAttribute('data-block-id', freshId!);
    const stored = (await workbench.call('cases:get', { id })).value as { doc: { blocks: { id?: string; text: string }[] } };
    expect(stored.doc.blocks.find((b) => b.id === freshId)?.text).toBe('刚敲的一段');
  });
});
