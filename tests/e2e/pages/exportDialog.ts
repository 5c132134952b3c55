import type { Download, Locator, Page } from '@playwright/test';

export type ExportScope = 'case' | 'stage' | 'volume';

/** Export (features/exportDialog): scope, format, the files it will write, download. */
export class ExportDialog {
  readonly page: Page;
  readonly root: Locator;
  readonly format: Locator;
  readonly stage: Locator;
  /** How many cases are in scope, in `data-count`. */
  readonly count: Locator;
  readonly leftOut: Locator;
  readonly fileName: Locator;
  /** Said when nothing is in scope. */
  readonly empty: Locator;
  readonly done: Locator;
  readonly startButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('export-dialog');
    this.format = this.root.getByTestId('export-format');
    this.stage = this.root.getByTestId('export-stage');
    this.count = this.root.getByTestId('export-count');
    this.leftOut = this.root.getByTestId('export-left-out');
    this.fileName = this.root.getByTestId('export-file-name');
    this.empty = this.root.getByTestId('export-empty');
    this.done = this.root.getByTestId('export-done');
    this.startButton = this.root.getByTestId('export-start');
  }

  scope(scope: ExportScope): Locator {
    return this.root.getByTestId(`export-scope-${scope}`);
  }

  async close(): Promise<void> {
    await this.root.getByTestId('export-dialog-close').click();
  }

  async chooseScope(scope: ExportScope): Promise<void> {
    await this.scope(scope).check();
  }

  async chooseFormat(format: string): Promise<void> {
    await this.format.selectOption(format);
  }

  /** Starts the export and waits for the browser's download. */
  async download(): Promise<Download> {
    const downloading = this.page.waitForEvent('download');
    await this.startButton.click();
    return downloading;
  }
}
