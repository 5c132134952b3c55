import type { Locator, Page } from '@playwright/test';

/** The notes panel beside the editor (features/notes), its toolbar toggle and the editor's note marks. */
export class NotesPanel {
  readonly page: Page;
  readonly root: Locator;
  /** The toolbar button; `aria-pressed` when the panel shows, the open count in its text. */
  readonly toggle: Locator;
  readonly items: Locator;
  /** Said when the filter leaves no note to show. */
  readonly empty: Locator;
  /** Editor blocks marked as carrying open notes. */
  readonly notedBlocks: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('notes-panel');
    this.toggle = page.getByTestId('notes-toggle');
    this.items = this.root.getByTestId('note-item');
    this.empty = this.root.getByTestId('notes-empty');
    this.notedBlocks = page.getByTestId('proof-editor').locator('.case-editor__block--noted');
  }

  /** Shows the panel unless it shows already. */
  async open(): Promise<void> {
    if ((await this.toggle.getAttribute('aria-pressed')) !== 'true') await this.toggle.click();
  }

  /** Adds a note on the block at the caret, through the panel's button. */
  async add(body: string): Promise<void> {
    await this.root.getByTestId('note-add').click();
    const form = this.root.getByTestId('note-form');
    await form.getByTestId('note-body').fill(body);
    await form.getByTestId('note-submit').click();
  }

  /** Adds a note on the block at the caret with Ctrl+Alt+M (the panel opens if hidden). */
  async addWithShortcut(body: string): Promise<void> {
    await this.page.keyboard.press('Control+Alt+KeyM');
    const form = this.root.getByTestId('note-form');
    await form.getByTestId('note-body').fill(body);
    await form.getByTestId('note-submit').click();
  }

  /** The first note whose thread shows `text` (its quote, body or a reply). */
  note(text: string): Locator {
    return this.items.filter({ hasText: text }).first();
  }

  author(note: Locator): Locator {
    return note.getByTestId('note-author');
  }

  async reply(note: Locator, body: string): Promise<void> {
    await note.getByTestId('note-reply-open').click();
    const form = note.getByTestId('note-reply-form');
    await form.getByTestId('note-body').fill(body);
    await form.getByTestId('note-submit').click();
  }

  replies(note: Locator): Locator {
    return note.getByTestId('note-reply');
  }

  async resolve(note: Locator): Promise<void> {
    await note.getByTestId('note-resolve').click();
  }

  async reopen(note: Locator): Promise<void> {
    await note.getByTestId('note-reopen').click();
  }

  /** Who resolved a note and when, on a resolved note. */
  resolution(note: Locator): Locator {
    return note.getByTestId('note-resolved');
  }

  async showAll(): Promise<void> {
    await this.root.getByTestId('notes-filter-all').click();
  }

  async showOpen(): Promise<void> {
    await this.root.getByTestId('notes-filter-open').click();
  }

  /** Clicks the note's quote: the caret goes to its block. */
  async goTo(note: Locator): Promise<void> {
    await note.getByTestId('note-goto').click();
  }

  /** Puts the caret at the very start of an editor block (before its first character). */
  async caretToStartOf(block: Locator): Promise<void> {
    await block.click({ position: { x: 14, y: 8 } });
    await this.page.keyboard.press('Home');
  }

  /** The id of the editor block holding the caret (null when the caret is elsewhere). */
  async caretBlockId(): Promise<string | null> {
    return this.page.evaluate(() => {
      const node = window.getSelection()?.anchorNode ?? null;
      const el = node instanceof Element ? node : (node?.parentElement ?? null);
      return el?.closest('[data-block-id]')?.getAttribute('data-block-id') ?? null;
    });
  }

  /** The id of the block a note is on. */
  async blockIdOf(note: Locator): Promise<string | null> {
    return note.getAttribute('data-block-id');
  }
}
