import type { Locator, Page } from '@playwright/test';
import { StagePanel } from './stagePanel.ts';

/**
 * A case's page (features/casePage + features/proofread): the case bar with its stage and sign-off
 * popover (`stages`), the editor and its toolbar, the side panels (suspects, history),
 * find/replace and the scan pane.
 */
export class ProofreadPage {
  readonly page: Page;
  /** The whole case page, from its case bar down. */
  readonly root: Locator;
  readonly title: Locator;
  /** Side by side or stacked, in `data-layout`. */
  readonly view: Locator;
  readonly editorSlot: Locator;
  readonly editorScroll: Locator;
  readonly editor: Locator;
  /** `data-state`: saved, saving, conflict, … */
  readonly saveState: Locator;
  readonly pageMarkers: Locator;
  readonly conflictBanner: Locator;

  readonly suspectsToggle: Locator;
  readonly suspectList: Locator;
  readonly suspectFixes: Locator;
  readonly historyToggle: Locator;
  readonly wordListButton: Locator;
  readonly diffView: Locator;
  readonly findInput: Locator;
  readonly findStatus: Locator;

  readonly scanPane: Locator;
  /** Where the scan is drawn; `data-rendered-page` once a page is. */
  readonly scanCanvas: Locator;
  /** Said in place of the scan when the volume has none. */
  readonly scanNone: Locator;
  readonly splitter: Locator;
  readonly layoutToggle: Locator;

  readonly stageToggle: Locator;
  /** The sign-off panel, in its popover. */
  readonly stageControl: Locator;
  /** The current stage, in `data-stage`. */
  readonly stage: Locator;
  /** Sign-off, send back, unlock, the 有疑问 flag and the timeline. */
  readonly stages: StagePanel;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('case-page');
    this.title = page.getByTestId('case-title');
    this.view = page.getByTestId('proofread-view');
    this.editorSlot = page.getByTestId('case-editor-slot');
    this.editorScroll = page.getByTestId('editor-scroll');
    this.editor = page.getByTestId('proof-editor');
    this.saveState = page.getByTestId('save-state');
    this.pageMarkers = this.editor.getByTestId('page-marker');
    this.conflictBanner = page.getByTestId('conflict-banner');

    this.suspectsToggle = page.getByTestId('suspects-toggle');
    this.suspectList = page.getByTestId('suspect-list');
    this.suspectFixes = this.suspectList.getByTestId('suspect-fix');
    this.historyToggle = page.getByTestId('history-toggle');
    this.wordListButton = page.getByTestId('word-list-open');
    this.diffView = page.getByTestId('diff-view');
    this.findInput = page.getByTestId('find-input');
    this.findStatus = page.getByTestId('find-status');

    this.scanPane = page.getByTestId('scan-pane');
    this.scanCanvas = page.getByTestId('scan-canvas-host');
    this.scanNone = page.getByTestId('scan-none');
    this.splitter = page.getByTestId('splitter');
    this.layoutToggle = page.getByTestId('layout-toggle');

    this.stageToggle = page.getByTestId('stage-control-toggle');
    this.stageControl = page.getByTestId('stage-control');
    this.stage = page.getByTestId('case-stage');
    this.stages = new StagePanel(page);
  }

  /** Opens case `id` directly, from browser mode's URL (with its token). */
  async goto(url: string, id: number): Promise<void> {
    await this.page.goto(`${url}&route=/case/${id}`);
  }

  /** The id of the case shown. */
  /** The open case's id, once it has loaded (the loading state carries no id). */
  async caseId(): Promise<number> {
    const loaded = this.page.locator('[data-testid="case-page"][data-case-id]');
    return Number(await loaded.getAttribute('data-case-id'));
  }

  async back(): Promise<void> {
    await this.page.getByTestId('case-back').click();
  }

  /** The first block of the editor whose text contains `text`; its kind is in `data-kind`. */
  block(text: string): Locator {
    return this.editor.locator('[data-kind]', { hasText: text }).first();
  }

  blocksOfKind(kind: string): Locator {
    return this.editor.locator(`[data-kind="${kind}"]`);
  }

  /** Puts the caret at the end of the block containing `text`. */
  async caretToEnd(text: string): Promise<void> {
    const block = this.block(text);
    await block.click();
    // End alone goes to the end of the visual line clicked, not of a block that wraps: the caret is
    // put after the block's last character directly, and the editor reads it from the selection.
    await block.evaluate((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let last: Node | null = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent) last = n;
      if (last) window.getSelection()?.collapse(last, last.textContent!.length);
    });
    await this.page.waitForFunction(
      (el) => {
        const sel = window.getSelection();
        return !!sel?.focusNode && el.contains(sel.focusNode) && sel.isCollapsed;
      },
      await block.elementHandle(),
    );
    await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }

  /** Types `typed` at the end of the block containing `text`. */
  async appendTo(text: string, typed: string): Promise<void> {
    await this.caretToEnd(text);
    await this.page.keyboard.type(typed);
  }

  async undo(): Promise<void> {
    await this.page.getByTestId('undo').click();
  }

  /** Saves over the version stored elsewhere, deliberately. */
  async overwriteConflict(): Promise<void> {
    await this.page.getByTestId('conflict-overwrite').click();
  }

  /** Opens the suspect panel unless it is open already. */
  async showSuspects(): Promise<void> {
    if ((await this.suspectsToggle.getAttribute('aria-pressed')) !== 'true') await this.suspectsToggle.click();
  }

  /** The first suspect listed whose line shows `text`. */
  suspect(text: string): Locator {
    return this.suspectList.getByTestId('suspect-item').filter({ hasText: text }).first();
  }

  /** Applies a suspect's one-click fix. */
  async fixSuspect(suspect: Locator): Promise<void> {
    await suspect.getByTestId('suspect-fix').click();
  }

  /** Adds a suspect's text to the word list as a good word, in one click. */
  async addGoodWord(suspect: Locator): Promise<void> {
    await suspect.getByTestId('suspect-add-good').click();
  }

  /** The texts the suspect marks cover in the editor (CSS highlights), in document order. */
  markedTexts(): Promise<string[]> {
    return this.page.evaluate(() => [...(CSS.highlights.get('suspect') ?? [])].map((r) => (r as Range).toString()));
  }

  /** Selects the `n` characters before the caret. */
  async selectBack(n: number): Promise<void> {
    for (let i = 0; i < n; i++) await this.page.keyboard.press('Shift+ArrowLeft');
  }

  /** The text selected in the page. */
  selection(): Promise<string | undefined> {
    return this.page.evaluate(() => window.getSelection()?.toString());
  }

  /** Opens the word list from the toolbar (its form starts with the selection). */
  async openWordList(): Promise<void> {
    await this.wordListButton.click();
  }

  /** Ctrl+H: the find bar with its replace row. */
  async openReplace(): Promise<void> {
    await this.page.keyboard.press('Control+h');
  }

  /** The toolbar's find button: the find bar with its replace row. */
  async openReplaceFromToolbar(): Promise<void> {
    await this.page.getByTestId('find-open').click();
  }

  async find(text: string): Promise<void> {
    await this.findInput.fill(text);
  }

  async replaceAll(replacement: string): Promise<void> {
    await this.page.getByTestId('replace-input').fill(replacement);
    await this.page.getByTestId('replace-all').click();
  }

  async toggleHistory(): Promise<void> {
    await this.historyToggle.click();
  }

  /** The history panel's revisions of one kind (import, save, restore, …). */
  revisions(kind: string): Locator {
    return this.page.locator(`[data-testid="revision-item"][data-kind="${kind}"]`);
  }

  async compareWithCurrent(revision: Locator): Promise<void> {
    await revision.getByTestId('revision-compare-current').click();
  }

  async restoreRevision(revision: Locator): Promise<void> {
    await revision.getByTestId('revision-restore').click();
  }

  async toggleLayout(): Promise<void> {
    await this.layoutToggle.click();
  }

  /** A page's chip in the page strip (`aria-current`, `data-status`). */
  pageChip(index: number): Locator {
    return this.page.getByTestId(`page-chip-${index}`);
  }

  async goToPage(index: number): Promise<void> {
    await this.pageChip(index).click();
  }

  /** Sets the current page's proofreading status. */
  async setPageStatus(status: string): Promise<void> {
    await this.page.getByTestId(`page-status-${status}`).click();
  }

  /** Opens (or closes) the stage popover. */
  async toggleStageControl(): Promise<void> {
    await this.stageToggle.click();
  }

  /** Signs the case's current pass, moving it one stage forward, with an optional note. */
  async signOff(note?: string): Promise<void> {
    await this.stages.signOff(note);
  }

  /** Opens the stage popover and unfolds the case's timeline under its forms. */
  async showStageHistory(): Promise<void> {
    await this.stages.showHistory();
  }

  /** The timeline's entries that moved the case to `stage`. */
  stageEvents(stage: string): Locator {
    return this.stages.eventsTo(stage);
  }
}
