import { test, expect } from './fixtures.ts';
import { CaseTableView, CaseTagsControl, LibraryPage, ProofreadPage } from './pages/index.ts';

const BLUE = '#3b73c4';
const GREEN = '#3f9d5a';
const PURPLE = '#8a5cc2';

interface Listed {
  id: number;
  title: string;
}

/** The sample volume with its two cases, in case order. */
async function sample(workbench: { call(channel: string, input?: unknown): Promise<{ value?: unknown }> }) {
  const volume = (await workbench.call('sample:install')).value as { id: number; title: string };
  const cases = (await workbench.call('cases:list', { volumeId: volume.id })).value as Listed[];
  expect(cases).toHaveLength(2);
  return { volume, a: cases[0]!, b: cases[1]! };
}

test.describe('tags and assignees in the case table', () => {
  test('bulk-tag two cases with a coloured tag, assign them, then filter and sort by tag and assignee', async ({
    page,
    workbench,
  }) => {
    const { volume, a, b } = await sample(workbench);
    await workbench.call('cases:act', { id: b.id, action: { kind: 'flag', reason: '引文待核' } });
    const library = new LibraryPage(page);
    const table = new CaseTableView(page);
    await library.goto(workbench.url);
    await library.openVolume(volume.title);
    await expect(table.rows).toHaveCount(2);

    await table.toggleRow(a.title);
    await table.toggleRow(b.title);
    await expect(table.bulkCount).toHaveAttribute('data-count', '2');
    await table.bulkTag('社区', BLUE);
    for (const c of [a, b]) {
      await expect(table.rowTags(c.title)).toHaveText(['社区']);
      await expect(table.rowTags(c.title)).toHaveAttribute('data-color', BLUE);
      await expect(table.rowTags(c.title)).toHaveCSS('background-color', 'rgb(59, 115, 196)');
    }

    // One case only gets 农村, so the tag filter has a case to leave out.
    await table.clearSelection();
    await expect(table.bulkBar).toBeHidden();
    await table.toggleRow(b.title);
    await table.bulkTag('农村');
    await expect(table.rowTags(b.title)).toHaveText(['农村', '社区']);
    await table.toggleTagFilter('社区');
    await expect(table.tagFilterOption('社区')).toHaveAttribute('aria-pressed', 'true');
    await expect(table.rows).toHaveCount(2);
    await table.toggleTagFilter('农村');
    await expect(table.rows).toHaveCount(1);
    await expect(table.row(b.title)).toBeVisible();
    await table.clearFilters();
    await expect(table.rows).toHaveCount(2);

    // Assign one case; the filter tells it from the unassigned one.
    await table.clearSelection();
    await table.toggleRow(a.title);
    await table.bulkAssign('王编辑');
    await expect(table.rowAssignee(a.title)).toHaveText('王编辑');
    await table.filterByAssignee({ name: '王编辑' });
    await expect(table.rows).toHaveCount(1);
    await expect(table.row(a.title)).toBeVisible();
    await table.filterByAssignee('unassigned');
    await expect(table.rows).toHaveCount(1);
    await expect(table.row(b.title)).toBeVisible();
    await table.filterByAssignee('all');
    await table.filterFlagged(true);
    await expect(table.rows).toHaveCount(1);
    await expect(table.row(b.title)).toBeVisible();
    await table.filterFlagged(false);
    await expect(table.rows).toHaveCount(2);

    // Sort by assignee: 李 (lǐ) before 王 (wáng) ascending, the other way descending.
    await table.toggleAllVisible();
    await table.toggleRow(a.title);
    await expect(table.bulkCount).toHaveAttribute('data-count', '1');
    await table.bulkAssign('李校对');
    await expect(table.rowAssignee(b.title)).toHaveText('李校对');
    await table.sortBy('assignee');
    await expect(table.columnHeader('assignee')).toHaveAttribute('aria-sort', 'ascending');
    await expect(table.assigneeCells).toHaveText(['李校对', '王编辑']);
    await table.sortBy('assignee');
    await expect(table.columnHeader('assignee')).toHaveAttribute('aria-sort', 'descending');
    await expect(table.assigneeCells).toHaveText(['王编辑', '李校对']);
    // Sorting by tags: 农村 社区 (nóng) before 社区 (shè).
    await table.sortBy('tags');
    await expect(table.columnHeader('tags')).toHaveAttribute('aria-sort', 'ascending');
    await expect(table.rows.first()).toHaveAttribute('data-case-id', String(b.id));
  });

  test('the case page shows and edits its coloured tags and assignee; the tag manager renames, recolours and deletes', async ({
    page,
    workbench,
  }) => {
    const { volume, a, b } = await sample(workbench);
    await workbench.call('cases:bulkTag', { ids: [a.id, b.id], name: '社区', color: GREEN });
    await workbench.call('cases:bulkAssign', { ids: [a.id], assignee: '王编辑' });
    const library = new LibraryPage(page);
    const table = new CaseTableView(page);
    const proof = new ProofreadPage(page);
    const tags = new CaseTagsControl(page);
    await library.goto(workbench.url);
    await library.openVolume(volume.title);
    await library.openCase(a.title);
    await expect(proof.title).toContainText(a.title);

    await expect(tags.chip('社区')).toHaveAttribute('data-color', GREEN);
    await expect(tags.chip('社区')).toHaveCSS('background-color', 'rgb(63, 157, 90)');
    await expect(tags.assignee).toHaveText('王编辑');
    await tags.addTag('高校');
    await expect(tags.chips).toHaveText(['高校', '社区']);
    await tags.removeTag('社区');
    await expect(tags.chips).toHaveText(['高校']);
    await tags.setAssignee('李校对');
    await expect(tags.assignee).toHaveText('李校对');
    await tags.close();

    await proof.back();
    await expect(table.rowTags(a.title)).toHaveText(['高校']);
    await expect(table.rowAssignee(a.title)).toHaveText('李校对');
    await expect(table.rowTags(b.title)).toHaveText(['社区']);

    const manager = await table.openTagManager();
    await expect(manager.rows).toHaveCount(2);
    await manager.setColor('高校', PURPLE);
    await expect(manager.chip('高校')).toHaveAttribute('data-color', PURPLE);
    await expect(table.rowTags(a.title)).toHaveAttribute('data-color', PURPLE);
    await manager.rename('高校', '高等院校');
    await expect(manager.row('高等院校')).toBeVisible();
    await expect(table.rowTags(a.title)).toHaveText(['高等院校']);
    const confirm = await manager.delete('社区');
    await expect(confirm.message).toContainText('社区');
    await expect(confirm.message).toContainText('1');
    await confirm.confirm();
    await expect(manager.rows).toHaveCount(1);
    await manager.close();
    await expect(table.rowTags(b.title)).toHaveCount(0);
    const listed = (await workbench.call('tags:list')).value as { name: string; color: string }[];
    expect(listed.map((t) => [t.name, t.color])).toEqual([['高等院校', PURPLE]]);
  });
});
