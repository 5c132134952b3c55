import type { Locator, Page } from '@playwright/test';

/** A confirmation (ui/ConfirmDialog): test ids `<prefix>-dialog`, `-message`, `-cancel`, `-confirm`. */
export class ConfirmDialog {
  readonly root: Locator;
  readonly message: Locator;
  readonly cancelButton: Locator;
  readonly confirmButton: Locator;

  constructor(page: Page, prefix: 'delete' | 'restore' | 'take-over' | 'delete-tag') {
    this.root = page.getByTestId(`${prefix}-dialog`);
    this.message = this.root.getByTestId(`${prefix}-message`);
    this.cancelButton = this.root.getByTestId(`${prefix}-cancel`);
    this.confirmButton = this.root.getByTestId(`${prefix}-confirm`);
  }

  async cancel(): Promise<void> {
    await this.cancelButton.click();
  }

  async confirm(): Promise<void> {
    await this.confirmButton.click();
  }
}
