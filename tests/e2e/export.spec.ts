import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { test, expect } from './fixtures.ts';
import { ExportDialog, LibraryPage, ProofreadPage, installMenuStandIn } from './pages/index.ts';
import { caseIdOf, signOffThrough } from './signOffs.ts';

const CASE_TITLE = '开设“民情论坛” 打造和谐家园';

/** The text of each paragraph of a DOCX's body, read from word/document.xml. */
function docxParagraphs(bytes: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .filter((t) => t !== '');
}

async function openSampleVolume(page: Page, url: string): Promise<LibraryPage> {
  const library = new LibraryPage(page);
  await library.goto(url);
  await library.openVolume('创先争优好做法（示例）');
  await expect(library.caseRows.first()).toBeVisible();
  return library;
}

test.describe('export', () => {
  test('set the sample case to 定稿, export the volume to DOCX from the dialog, download it and read it back', async ({
    page,
    workbench,
  }) => {
    await workbench.call('sample:install');
    await signOffThrough(workbench, await caseIdOf(workbench, '创先争优好做法（示例）', CASE_TITLE), 'final');
    const library = await openSampleVolume(page, workbench.url);
    await library.openCase(CASE_TITLE);
    const proof = new ProofreadPage(page);
    await expect(proof.stage).toHaveAttribute('data-stage', 'final');
    await proof.back();

    const dialog = await library.openExport();
    await expect(dialog.root).toBeVisible();
    await expect(dialog.format).toHaveValue('docx');
    await expect(dialog.stage).toHaveValue('final');
    await expect(dialog.count).toHaveAttribute('data-count', '1');
    await expect(dialog.leftOut).toContainText('1');
    await expect(dialog.fileName).toContainText(`001-${CASE_TITLE}.docx`);

    const download = await dialog.download();
    expect(download.suggestedFilename()).toBe(`001-${CASE_TITLE}.docx`);
    const file = await download.path();
    const paragraphs = docxParagraphs(new Uint8Array(fs.readFileSync(file)));
    expect(paragraphs[0]).toBe(CASE_TITLE);
    expect(paragraphs).toContain('———兰州市西固区临洮街街道康乐路社区党总支');
    expect(paragraphs).toContain('〔组织点评〕');
    expect(paragraphs).toContain('获奖情况');
    expect(paragraphs.join('')).not.toContain('学习先进典型' /* the foreword is not at 定稿 */);
    await expect(dialog.done).toBeVisible();

    // The settings are remembered for the next export.
    const prefs = (await workbench.call('prefs:get')).value as { exportSettings: { format: string } | null };
    expect(prefs.exportSettings?.format).toBe('docx');
  });

  test('a JSON export of the whole volume imports back from the import dialog as the same cases', async ({ page, workbench }) => {
    await workbench.call('sample:install');
    const library = await openSampleVolume(page, workbench.url);
    const dialog = await library.openExport();
    await dialog.chooseScope('volume');
    await dialog.chooseFormat('json');
    // The download is kept under a temporary name: give it back its .json, as the user's file would have.
    const jsonFile = `${await (await dialog.download()).path()}.json`;
    fs.copyFileSync(jsonFile.slice(0, -'.json'.length), jsonFile);
    await dialog.close();

    const importDialog = await library.openImport();
    await importDialog.load(jsonFile);
    await expect(library.volumeRows).toHaveCount(2);
    const volumes = (await workbench.call('volumes:list')).value as Array<{ id: number; caseCount: number }>;
    expect(volumes[1]!.caseCount).toBe(volumes[0]!.caseCount);
  });

  test('with nothing at 定稿 the dialog says the scope is empty and does not export', async ({ page, workbench }) => {
    await workbench.call('sample:install');
    const library = await openSampleVolume(page, workbench.url);
    const dialog = await library.openExport();
    await expect(dialog.empty).toContainText('所选导出范围内没有案例');
    await expect(dialog.startButton).toBeDisabled();
    // Widening the scope to the whole volume finds both entries.
    await dialog.chooseScope('volume');
    await expect(dialog.count).toHaveAttribute('data-count', '2');
    await expect(dialog.startButton).toBeEnabled();
  });

  test("the menu's Export on a case page offers this case; a Markdown export downloads it", async ({ page, workbench }) => {
    const menu = await installMenuStandIn(page);
    const volume = (await workbench.call('sample:install')).value as { id: number };
    const cases = (await workbench.call('cases:list', { volumeId: volume.id })).value as Array<{
      id: number;
      number: number | null;
    }>;
    const case1 = cases.find((c) => c.number === 1)!;
    const proof = new ProofreadPage(page);
    await proof.goto(workbench.url, case1.id);
    await expect(proof.editor).toBeVisible();
    await menu('export');
    const dialog = new ExportDialog(page);
    await expect(dialog.scope('case')).toBeChecked();
    await expect(dialog.count).toHaveAttribute('data-count', '1');
    await dialog.chooseFormat('md');
    const download = await dialog.download();
    expect(download.suggestedFilename()).toBe(`001-${CASE_TITLE}.md`);
    expect(fs.readFileSync(await download.path(), 'utf8')).toMatch(new RegExp(`^# ${CASE_TITLE}\\n`));
  });
});
