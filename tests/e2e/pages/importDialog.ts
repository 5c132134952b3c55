import type { Locator, Page } from '@playwright/test';

export type ImportTab = 'cases' | 'toc' | 'front' | 'changes' | 'warnings';

/** File › Import (features/importDialog): choose files, read the preview, commit. */
export class ImportDialog {
  readonly root: Locator;
  readonly textInput: Locator;
  readonly scanInput: Locator;
  readonly startButton: Locator;
  /** A refusal before the preview (not a text file, too long, …). */
  readonly error: Locator;
  readonly preview: Locator;
  readonly summary: Locator;
  /** Shown when the text has no page breaks, contents or cases to go by. */
  readonly structureWarning: Locator;
  readonly tocRows: Locator;
  readonly caseRows: Locator;
  readonly scanPages: Locator;
  readonly offset: Locator;
  /** Asks what to do when the same file was imported before. */
  readonly existing: Locator;
  readonly title: Locator;
  readonly rerunButton: Locator;
  readonly commitButton: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('import-dialog');
    this.textInput = this.root.getByTestId('import-text-input');
    this.scanInput = this.root.getByTestId('import-scan-input');
    this.startButton = this.root.getByTestId('import-start');
    this.error = this.root.getByTestId('import-error');
    this.preview = this.root.getByTestId('import-preview');
    this.summary = this.root.getByTestId('import-summary');
    this.structureWarning = this.root.getByTestId('import-structure-warning');
    this.tocRows = this.root.getByTestId('preview-toc-row');
    this.caseRows = this.root.getByTestId('preview-case-row');
    this.scanPages = this.root.getByTestId('import-scan-pages');
    this.offset = this.root.getByTestId('import-offset');
    this.existing = this.root.getByTestId('import-existing');
    this.title = this.root.getByTestId('import-title');
    this.rerunButton = this.root.getByTestId('import-rerun');
    this.commitButton = this.root.getByTestId('import-commit');
  }

  /** Chooses the text layer (and the scan, if given) and starts reading them. */
  async load(text: string, scan?: string): Promise<void> {
    await this.textInput.setInputFiles(text);
    if (scan !== undefined) await this.scanInput.setInputFiles(scan);
    await this.startButton.click();
  }

  async showTab(tab: ImportTab): Promise<void> {
    await this.root.getByTestId(`import-tab-${tab}`).click();
  }

  /** A warning by its key (`data-warning`), anywhere in the dialog. */
  warning(key: string): Locator {
    return this.root.locator(`[data-warning="${key}"]`);
  }

  /** One rule's line in the change log. */
  rule(rule: string): Locator {
    return this.root.locator(`[data-testid="rule-row"][data-rule="${rule}"]`);
  }

  ruleCount(rule: string): Locator {
    return this.rule(rule).getByTestId('rule-count');
  }

  /** Opens a rule's list of sites (fetched on opening); returns the text before each change. */
  async showRuleSites(rule: string): Promise<Locator> {
    await this.rule(rule).locator('summary').click();
    return this.rule(rule).locator('.rule-sites__before');
  }

  async setRule(rule: string, on: boolean): Promise<void> {
    const toggle = this.root.getByTestId(`rule-toggle-${rule}`);
    await (on ? toggle.check() : toggle.uncheck());
  }

  async rerun(): Promise<void> {
    await this.rerunButton.click();
  }

  /** Answers "imported before" with: replace that volume. */
  async replaceExisting(): Promise<void> {
    await this.root.getByTestId('import-replace').check();
  }

  /** Commits the preview, under `title` when given. */
  async commit(title?: string): Promise<void> {
    if (title !== undefined) await this.title.fill(title);
    await this.commitButton.click();
  }
}
