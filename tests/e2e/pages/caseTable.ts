import type { Locator, Page } from '@playwright/test';
import { TagManager } from './tagManager.ts';

export type AssigneeChoice = 'all' | 'unassigned' | { name: string };

/**
 * The case table of a volume (features/library/CaseTable): filters (stage, assignee, 有疑问, tags),
 * sortable columns, row checkboxes and the bulk bar shown while rows are selected.
 */
export class CaseTableView {
  readonly page: Page;
  readonly rows: Locator;
  /** "显示 n / m 个案例". */
  readonly count: Locator;
  readonly bulkBar: Locator;
  /** The number of selected rows, in `data-count`. */
  readonly bulkCount: Locator;
  readonly tagFilter: Locator;
  readonly clearFiltersButton: Locator;
  /** Every shown row's assignee cell, in table order. */
  readonly assigneeCells: Locator;

  constructor(page: Page) {
    this.page = page;
    this.rows = page.getByTestId('case-row');
    this.count = page.getByTestId('case-count');
    this.bulkBar = page.getByTestId('bulk-bar');
    this.bulkCount = this.bulkBar.getByTestId('bulk-count');
    this.tagFilter = page.getByTestId('tag-filter');
    this.clearFiltersButton = page.getByTestId('clear-filters');
    this.assigneeCells = this.rows.getByTestId('case-assignee');
  }

  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  /** The coloured tag chips of the row showing `text`. */
  rowTags(text: string): Locator {
    return this.row(text).getByTestId('case-tags').getByTestId('tag-chip');
  }

  rowAssignee(text: string): Locator {
    return this.row(text).getByTestId('case-assignee');
  }

  async toggleRow(text: string): Promise<void> {
    await this.row(text).getByTestId('case-select').click();
  }

  /** The header checkbox: selects (or clears) every row shown. */
  async toggleAllVisible(): Promise<void> {
    await this.page.getByTestId('select-all').click();
  }

  async clearSelection(): Promise<void> {
    await this.bulkBar.getByTestId('bulk-clear-selection').click();
  }

  /** Adds a tag to the selected rows by typing its name; `color` (#rrggbb) picks a swatch for a new tag. */
  async bulkTag(name: string, color?: string): Promise<void> {
    await this.bulkBar.getByTestId('bulk-tag-input').fill(name);
    if (color) await this.bulkBar.getByTestId('bulk-tag-palette').locator(`[data-color="${color}"]`).click();
    await this.bulkBar.getByTestId('bulk-tag-apply').click();
  }

  async bulkUntag(name: string): Promise<void> {
    await this.bulkBar.getByTestId('bulk-untag-select').selectOption({ label: name });
    await this.bulkBar.getByTestId('bulk-untag-apply').click();
  }

  async bulkAssign(name: string): Promise<void> {
    await this.bulkBar.getByTestId('bulk-assign-input').fill(name);
    await this.bulkBar.getByTestId('bulk-assign-apply').click();
  }

  async bulkUnassign(): Promise<void> {
    await this.bulkBar.getByTestId('bulk-unassign').click();
  }

  async filterByAssignee(choice: AssigneeChoice): Promise<void> {
    const value = choice === 'all' ? '*' : choice === 'unassigned' ? '-' : `=${choice.name}`;
    await this.page.getByTestId('assignee-filter').selectOption(value);
  }

  /** Adds the tag to the tag filter, or takes it out (the filter needs every chosen tag). */
  async toggleTagFilter(name: string): Promise<void> {
    await this.tagFilterOption(name).click();
  }

  /** A tag's button in the tag filter (`aria-pressed` when chosen). */
  tagFilterOption(name: string): Locator {
    return this.tagFilter.locator(`[data-testid="tag-filter-option"][data-name="${name}"]`);
  }

  async filterFlagged(on: boolean): Promise<void> {
    await this.page.getByTestId('flag-filter').setChecked(on);
  }

  async clearFilters(): Promise<void> {
    await this.clearFiltersButton.click();
  }

  async sortBy(column: string): Promise<void> {
    await this.page.getByTestId(`sort-${column}`).click();
  }

  columnHeader(column: string): Locator {
    return this.page.locator('th', { has: this.page.getByTestId(`sort-${column}`) });
  }

  async openTagManager(): Promise<TagManager> {
    await this.page.getByTestId('manage-tags').click();
    return new TagManager(this.page);
  }
}
