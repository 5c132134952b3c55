import type { Locator, Page } from '@playwright/test';

/** The scan pane's re-OCR button and panel (features/reocr). */
export class ReocrPanel {
  readonly page: Page;
  readonly button: Locator;
  readonly root: Locator;
  readonly start: Locator;
  readonly progress: Locator;
  readonly cancel: Locator;
  readonly summary: Locator;
  readonly hunks: Locator;
  readonly changed: Locator;
  readonly skipped: Locator;
  readonly keep: Locator;
  readonly kept: Locator;
  readonly close: Locator;

  constructor(page: Page) {
    this.page = page;
    this.button = page.getByTestId('reocr-button');
    this.root = page.getByTestId('reocr-panel');
    this.start = this.root.getByTestId('reocr-start');
    this.progress = this.root.getByTestId('reocr-progress');
    this.cancel = this.root.getByTestId('reocr-cancel');
    this.summary = this.root.getByTestId('reocr-summary');
    this.hunks = this.root.getByTestId('reocr-hunk');
    this.changed = this.root.getByTestId('reocr-changed');
    this.skipped = this.root.getByTestId('reocr-skipped');
    this.keep = this.root.getByTestId('reocr-keep');
    this.kept = this.root.getByTestId('reocr-kept');
    this.close = this.root.getByTestId('reocr-close');
  }

  /** The hunk turning `oldText` into `newText`. */
  hunk(oldText: string, newText: string): Locator {
    return this.root.locator(`[data-testid="reocr-hunk"][data-old="${oldText}"][data-new="${newText}"]`);
  }

  rotation(value: 'auto' | 90 | 180 | 270): Locator {
    return this.root.getByTestId(`reocr-rotation-${value}`);
  }

  async accept(hunk: Locator): Promise<void> {
    await hunk.getByTestId('reocr-accept').click();
  }

  async reject(hunk: Locator): Promise<void> {
    await hunk.getByTestId('reocr-reject').click();
  }
}
