import type { Locator, Page } from '@playwright/test';

/**
 * Search across volumes (features/search): the header's search box, focused by Ctrl+Shift+F, and
 * the results view with its filters, volume groups, cases and highlighted hits.
 */
export class SearchPage {
  readonly page: Page;
  /** The search box in the header, on every screen. */
  readonly box: Locator;
  readonly view: Locator;
  /** The count line; the number of matching cases in `data-total`. */
  readonly summary: Locator;
  readonly empty: Locator;
  readonly error: Locator;
  /** One per volume with hits, its id in `data-volume-id`. */
  readonly groups: Locator;
  readonly volumeFilter: Locator;
  readonly stageFilter: Locator;
  readonly tagFilter: Locator;
  readonly exact: Locator;

  constructor(page: Page) {
    this.page = page;
    this.box = page.getByTestId('header-search');
    this.view = page.getByTestId('search-view');
    this.summary = page.getByTestId('search-summary');
    this.empty = page.getByTestId('search-empty');
    this.error = page.getByTestId('search-error');
    this.groups = page.getByTestId('search-group');
    this.volumeFilter = page.getByTestId('search-filter-volume');
    this.stageFilter = page.getByTestId('search-filter-stage');
    this.tagFilter = page.getByTestId('search-filter-tag');
    this.exact = page.getByTestId('search-exact');
  }

  /** Focuses the header's box with the keyboard, types the query and runs it. */
  async search(query: string): Promise<void> {
    await this.page.keyboard.press('Control+Shift+F');
    await this.box.fill(query);
    await this.box.press('Enter');
  }

  /** The group of a volume, by its id. */
  group(volumeId: number): Locator {
    return this.groups.and(this.page.locator(`[data-volume-id="${volumeId}"]`));
  }

  /** The cases listed in a group (or in all of them), each with its id in `data-case-id`. */
  cases(within: Locator = this.view): Locator {
    return within.getByTestId('search-case');
  }

  /** The hit excerpts of a case (or of everything listed); each opens the case with that hit selected. */
  hits(within: Locator = this.view): Locator {
    return within.getByTestId('search-hit');
  }

  /** The highlighted words of excerpts. */
  marks(within: Locator = this.view): Locator {
    return within.locator('mark');
  }

  /** The text selected in the page (the editor's selection after opening a hit). */
  selectedText(): Promise<string> {
    return this.page.evaluate(() => window.getSelection()?.toString() ?? '');
  }
}
