import { test, expect } from './fixtures.ts';
import { AboutDialog, ImportDialog, LibraryPage, ProofreadPage, installMenuStandIn } from './pages/index.ts';

test.describe('application menu', () => {
  test('File › Import on a case page opens the import dialog over the library', async ({ page, workbench }) => {
    const menu = await installMenuStandIn(page);
    const volume = (await workbench.call('sample:install')).value as { id: number };
    const cases = (await workbench.call('cases:list', { volumeId: volume.id })).value as Array<{ id: number }>;
    const proof = new ProofreadPage(page);
    await proof.goto(workbench.url, cases[0]!.id);
    await expect(proof.editor).toBeVisible();
    await menu('import');
    await expect(new ImportDialog(page).root).toBeVisible();
    await expect(page).toHaveURL(/#\/$/);
  });

  test('File › New Volume opens the form in the library; Help › About shows the version', async ({ page, workbench }) => {
    const menu = await installMenuStandIn(page);
    const library = new LibraryPage(page);
    await library.goto(workbench.url);
    await expect(library.emptyLibrary).toBeVisible();
    await menu('newVolume');
    await expect(library.newVolumeInput).toBeVisible();
    await menu('about');
    const about = new AboutDialog(page);
    await expect(about.root).toBeVisible();
    const info = (await workbench.call('app:info')).value as { version: string };
    await expect(about.version).toHaveText(info.version);
  });
});
