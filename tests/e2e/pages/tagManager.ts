import type { Locator, Page } from '@playwright/test';
import { ConfirmDialog } from './confirmDialog.ts';

/** The tag manager dialog (features/tags/TagManagerDialog): one row per tag with rename, colour and delete. */
export class TagManager {
  readonly page: Page;
  readonly root: Locator;
  readonly rows: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('tag-manager');
    this.rows = this.root.getByTestId('tag-manager-row');
  }

  row(name: string): Locator {
    return this.root.locator(`[data-testid="tag-manager-row"][data-name="${name}"]`);
  }

  /** The row's preview chip (its colour in `data-color`). */
  chip(name: string): Locator {
    return this.row(name).getByTestId('tag-chip');
  }

  async rename(name: string, to: string): Promise<void> {
    const row = this.row(name);
    await row.getByTestId('tag-manager-name').fill(to);
    await row.getByTestId('tag-manager-rename').click();
  }

  /** `color` is #rrggbb of a palette swatch, or '' for the default. */
  async setColor(name: string, color: string): Promise<void> {
    await this.row(name).getByTestId('tag-manager-palette').locator(`[data-color="${color}"]`).click();
  }

  /** Clicks Delete; the returned confirmation decides. */
  async delete(name: string): Promise<ConfirmDialog> {
    await this.row(name).getByTestId('tag-manager-delete').click();
    return new ConfirmDialog(this.page, 'delete-tag');
  }

  async close(): Promise<void> {
    await this.root.getByTestId('tag-manager-close').click();
  }
}
