import type { Locator, Page } from '@playwright/test';

/** The case page's tags-and-assignee control (features/tags/CaseTags): chips on a button, edits in its popover. */
export class CaseTagsControl {
  readonly page: Page;
  readonly toggle: Locator;
  /** The chips on the button (each with `data-color`). */
  readonly chips: Locator;
  readonly assignee: Locator;
  readonly popover: Locator;

  constructor(page: Page) {
    this.page = page;
    this.toggle = page.getByTestId('case-tags-toggle');
    this.chips = this.toggle.getByTestId('tag-chip');
    this.assignee = this.toggle.getByTestId('case-assignee');
    this.popover = page.getByTestId('case-tags-popover');
  }

  chip(name: string): Locator {
    return this.chips.filter({ hasText: name });
  }

  async open(): Promise<void> {
    if (!(await this.popover.isVisible())) await this.toggle.click();
  }

  async addTag(name: string): Promise<void> {
    await this.open();
    await this.popover.getByTestId('case-tag-input').fill(name);
    await this.popover.getByTestId('case-tag-add').click();
  }

  async removeTag(name: string): Promise<void> {
    await this.open();
    await this.popover.getByTestId('tag-chip').filter({ hasText: name }).getByTestId('tag-chip-remove').click();
  }

  async setAssignee(name: string): Promise<void> {
    await this.open();
    await this.popover.getByTestId('case-assignee-input').fill(name);
    await this.popover.getByTestId('case-assignee-save').click();
  }

  async clearAssignee(): Promise<void> {
    await this.open();
    await this.popover.getByTestId('case-assignee-clear').click();
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }
}
