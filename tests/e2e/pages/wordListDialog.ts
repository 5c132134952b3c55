import type { Download, Locator, Page } from '@playwright/test';

/** The library's word list (features/wordList): add/edit form, filter, table, import and export. */
export class WordListDialog {
  readonly page: Page;
  readonly root: Locator;
  readonly wordInput: Locator;
  readonly kind: Locator;
  readonly replacement: Locator;
  readonly submitButton: Locator;
  readonly filter: Locator;
  readonly rows: Locator;
  /** The list's size, in `data-count`. */
  readonly count: Locator;
  /** What the last import or export did. */
  readonly done: Locator;
  readonly importError: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('word-list-dialog');
    this.wordInput = this.root.getByTestId('word-input');
    this.kind = this.root.getByTestId('word-kind');
    this.replacement = this.root.getByTestId('word-replacement');
    this.submitButton = this.root.getByTestId('word-submit');
    this.filter = this.root.getByTestId('word-filter');
    this.rows = this.root.getByTestId('word-row');
    this.count = this.root.getByTestId('word-count');
    this.done = this.root.getByTestId('word-list-done');
    this.importError = this.root.getByTestId('word-import-error');
  }

  /** The table's row of `word` (`data-kind`: good or bad). */
  row(word: string): Locator {
    return this.root.locator(`[data-testid="word-row"][data-word="${word}"]`);
  }

  /** Fills the form (the word is kept when not given: the editor's selection starts it) and submits. */
  async add(opts: { word?: string; kind: 'good' | 'bad'; replacement?: string }): Promise<void> {
    if (opts.word !== undefined) await this.wordInput.fill(opts.word);
    await this.kind.selectOption(opts.kind);
    if (opts.replacement !== undefined) await this.replacement.fill(opts.replacement);
    await this.submitButton.click();
  }

  async edit(word: string): Promise<void> {
    await this.row(word).getByTestId('word-edit').click();
  }

  async remove(word: string): Promise<void> {
    await this.row(word).getByTestId('word-remove').click();
  }

  /** Imports a word list file, as if chosen with the file picker. */
  async importFile(name: string, buffer: Buffer): Promise<void> {
    await this.root.getByTestId('word-import-file').setInputFiles({ name, mimeType: 'text/plain', buffer });
  }

  /** Exports the list and waits for the browser's download. */
  async export(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.root.getByTestId('word-export').click();
    return download;
  }

  async close(): Promise<void> {
    await this.root.getByTestId('word-list-dialog-close').click();
  }
}
