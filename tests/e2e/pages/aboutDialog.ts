import type { Locator, Page } from '@playwright/test';

/** Help › About (shell/AboutDialog). */
export class AboutDialog {
  readonly root: Locator;
  readonly version: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('about-dialog');
    this.version = this.root.getByTestId('about-version');
  }
}
