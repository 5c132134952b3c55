import type { Locator, Page } from '@playwright/test';
import { ConfirmDialog } from './confirmDialog.ts';
import { ExportDialog } from './exportDialog.ts';
import { ImportDialog } from './importDialog.ts';
import { VolumeReplaceDialog } from './volumeReplaceDialog.ts';

/**
 * The library (features/library): the volume list, or the sample offer when it is empty, and the
 * selected volume's panel (title, rename/delete, stage and page overviews, case table).
 */
export class LibraryPage {
  readonly page: Page;
  readonly view: Locator;
  readonly emptyLibrary: Locator;
  readonly installSampleButton: Locator;
  readonly newVolumeInput: Locator;
  readonly volumeRows: Locator;
  /** The selected volume's heading. */
  readonly volumeTitle: Locator;
  readonly caseRows: Locator;

  constructor(page: Page) {
    this.page = page;
    this.view = page.getByTestId('library-view');
    this.emptyLibrary = page.getByTestId('empty-library');
    this.installSampleButton = page.getByTestId('install-sample');
    this.newVolumeInput = page.getByTestId('new-volume-input');
    this.volumeRows = page.getByTestId('volume-row');
    this.volumeTitle = page.getByTestId('volume-title');
    this.caseRows = page.getByTestId('case-row');
  }

  /** Opens the app at browser mode's URL (with its token); the library is the first screen. */
  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async installSample(): Promise<void> {
    await this.installSampleButton.click();
  }

  async openImport(): Promise<ImportDialog> {
    await this.page.getByTestId('import-button').first().click();
    return new ImportDialog(this.page);
  }

  async createVolume(title: string): Promise<void> {
    await this.page.getByTestId('new-volume-button').click();
    await this.newVolumeInput.fill(title);
    await this.page.getByTestId('new-volume-submit').click();
  }

  volumeRow(title: string): Locator {
    return this.volumeRows.filter({ hasText: title });
  }

  async openVolume(title: string): Promise<void> {
    await this.page.getByRole('link', { name: title }).click();
  }

  async renameVolume(title: string): Promise<void> {
    await this.page.getByTestId('rename-volume').click();
    await this.page.getByTestId('rename-input').fill(title);
    await this.page.getByTestId('rename-submit').click();
  }

  /** Clicks Delete; the returned confirmation decides. */
  async deleteVolume(): Promise<ConfirmDialog> {
    await this.page.getByTestId('delete-volume').click();
    return new ConfirmDialog(this.page, 'delete');
  }

  async openExport(): Promise<ExportDialog> {
    await this.page.getByTestId('export-volume').click();
    return new ExportDialog(this.page);
  }

  async openReplace(): Promise<VolumeReplaceDialog> {
    await this.page.getByTestId('replace-volume').click();
    return new VolumeReplaceDialog(this.page);
  }

  caseRow(text: string): Locator {
    return this.caseRows.filter({ hasText: text });
  }

  /** Opens the case whose row shows `text`. */
  async openCase(text: string): Promise<void> {
    await this.caseRow(text).getByTestId('case-link').click();
  }

  /** `''` shows every stage. */
  async filterByStage(stage: string): Promise<void> {
    await this.page.getByTestId('stage-filter').selectOption(stage);
  }

  async sortBy(column: string): Promise<void> {
    await this.page.getByTestId(`sort-${column}`).click();
  }

  /** A column's header cell, which carries `aria-sort`. */
  columnHeader(column: string): Locator {
    return this.page.locator('th', { has: this.page.getByTestId(`sort-${column}`) });
  }

  /** The stage overview's legend entry for one stage (`data-count`). */
  stageLegend(stage: string): Locator {
    return this.page.getByTestId('stage-legend').locator(`[data-stage="${stage}"]`);
  }

  /** The page overview's cells with this status. */
  pageCells(status: string): Locator {
    return this.page.getByTestId('page-cells').locator(`[data-status="${status}"]`);
  }

  /** The page overview's count for one status (`data-count`). */
  pageTotal(status: string): Locator {
    return this.page.getByTestId('page-overview').locator(`li[data-status="${status}"]`);
  }
}
