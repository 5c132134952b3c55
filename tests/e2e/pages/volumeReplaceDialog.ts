import type { Locator, Page } from '@playwright/test';

/** Find and replace in a volume (features/volumeReplace): query, preview with a checkbox per hit, apply, batches and undo. */
export class VolumeReplaceDialog {
  readonly page: Page;
  readonly root: Locator;
  readonly findInput: Locator;
  readonly replaceInput: Locator;
  readonly regexToggle: Locator;
  readonly caseToggle: Locator;
  /** Every listed hit (`data-hit-id`), in document order, grouped by case. */
  readonly hits: Locator;
  readonly hitChecks: Locator;
  readonly selectAll: Locator;
  readonly summary: Locator;
  readonly noHits: Locator;
  readonly reasonInput: Locator;
  readonly applyButton: Locator;
  /** Said after an apply: how many hits in how many cases, and the locked cases left alone. */
  readonly done: Locator;
  readonly previewError: Locator;
  readonly applyError: Locator;
  /** The batches tab's rows (`data-undone`), newest first. */
  readonly batches: Locator;
  /** An undo refused: the message and the cases in its way. */
  readonly undoRefused: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('replace-dialog');
    this.findInput = this.root.getByTestId('replace-find');
    this.replaceInput = this.root.getByTestId('replace-with');
    this.regexToggle = this.root.getByTestId('replace-regex');
    this.caseToggle = this.root.getByTestId('replace-case');
    this.hits = this.root.getByTestId('replace-hit');
    this.hitChecks = this.root.getByTestId('replace-hit-check');
    this.selectAll = this.root.getByTestId('replace-select-all');
    this.summary = this.root.getByTestId('replace-summary');
    this.noHits = this.root.getByTestId('replace-no-hits');
    this.reasonInput = this.root.getByTestId('replace-reason');
    this.applyButton = this.root.getByTestId('replace-apply');
    this.done = this.root.getByTestId('replace-done');
    this.previewError = this.root.getByTestId('replace-preview-error');
    this.applyError = this.root.getByTestId('replace-apply-error');
    this.batches = this.root.getByTestId('replace-batch');
    this.undoRefused = this.root.getByTestId('replace-undo-refused');
  }

  /** Fills the query and previews its hits. */
  async preview(find: string, replacement: string): Promise<void> {
    await this.root.getByTestId('replace-tab-replace').click();
    await this.findInput.fill(find);
    await this.replaceInput.fill(replacement);
    await this.root.getByTestId('replace-preview').click();
  }

  /** The new text a hit would get, as shown beside the struck old one. */
  newText(hit: Locator): Locator {
    return hit.getByTestId('replace-hit-new');
  }

  async untick(index: number): Promise<void> {
    await this.hitChecks.nth(index).uncheck();
  }

  async apply(reason: string): Promise<void> {
    await this.reasonInput.fill(reason);
    await this.applyButton.click();
  }

  async openBatches(): Promise<void> {
    await this.root.getByTestId('replace-tab-batches').click();
  }

  /** Undoes a batch of the batches tab, confirming. */
  async undo(batch: Locator): Promise<void> {
    await batch.getByTestId('replace-batch-undo').click();
    await this.page.getByTestId('replace-undo-confirm').click();
  }

  async close(): Promise<void> {
    await this.root.getByTestId('replace-dialog-close').click();
  }
}
