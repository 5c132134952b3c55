import type { Locator, Page } from '@playwright/test';
import { BackupTable } from './backupTable.ts';

/** Settings (shell/SettingsDialog), with its workflow and backups sections. */
export class SettingsDialog {
  readonly root: Locator;
  readonly userName: Locator;
  /** Proofreading: OCR confidence below which a character is a suspect. */
  readonly ocrThreshold: Locator;
  readonly saveButton: Locator;
  readonly workflow: WorkflowSettings;
  readonly backups: BackupsSection;

  constructor(page: Page) {
    this.root = page.getByTestId('settings-dialog');
    this.userName = this.root.getByTestId('settings-username');
    this.ocrThreshold = this.root.getByTestId('settings-ocr-threshold');
    this.saveButton = this.root.getByTestId('settings-save');
    this.workflow = new WorkflowSettings(page);
    this.backups = new BackupsSection(page);
  }

  /** Saves the name (and closes the dialog). */
  async setUserName(name: string): Promise<void> {
    await this.userName.fill(name);
    await this.saveButton.click();
    await this.root.waitFor({ state: 'hidden' });
  }

  /** Saves the OCR suspect threshold (and closes the dialog). */
  async setOcrThreshold(value: number): Promise<void> {
    await this.ocrThreshold.fill(String(value));
    await this.saveButton.click();
    await this.root.waitFor({ state: 'hidden' });
  }

  async close(): Promise<void> {
    await this.root.getByTestId('settings-dialog-close').click();
  }
}

/** Settings › Workflow (features/workflowSettings): the stage list and the same-signer rule. */
export class WorkflowSettings {
  readonly root: Locator;
  /** One row per stage, in order; `data-key` is the stage's key ('' for one not saved yet). */
  readonly rows: Locator;
  readonly allowSameSigner: Locator;
  readonly saveButton: Locator;
  /** A row the list cannot be saved with (a new stage without a name…). */
  readonly problem: Locator;
  /** Main's refusal of a save (`data-code`, e.g. STAGE_IN_USE). */
  readonly error: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('workflow-settings');
    this.rows = this.root.getByTestId('stage-row');
    this.allowSameSigner = this.root.getByTestId('allow-same-signer');
    this.saveButton = this.root.getByTestId('workflow-save');
    this.problem = this.root.getByTestId('stage-list-problem');
    this.error = this.root.getByTestId('error-notice');
  }

  row(key: string): Locator {
    return this.root.locator(`[data-testid="stage-row"][data-key="${key}"]`);
  }

  /** Types a new name for the stage (blank restores a built-in name); saved with {@link save}. */
  async rename(key: string, name: string): Promise<void> {
    await this.row(key).getByTestId('stage-name').fill(name);
  }

  async remove(key: string): Promise<void> {
    await this.row(key).getByTestId('stage-remove').click();
  }

  /** Adds a stage after the one with `key` and names it. */
  async insertAfter(key: string, name: string): Promise<void> {
    const index = Number(await this.row(key).getAttribute('data-index'));
    await this.row(key).getByTestId('stage-insert').click();
    await this.rows
      .nth(index + 1)
      .getByTestId('stage-name')
      .fill(name);
  }

  async moveUp(key: string): Promise<void> {
    await this.row(key).getByTestId('stage-up').click();
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }
}

/** Settings › Backups (shell/BackupsSection). */
export class BackupsSection {
  readonly root: Locator;
  readonly empty: Locator;
  readonly createButton: Locator;
  readonly table: BackupTable;

  constructor(page: Page) {
    this.root = page.getByTestId('backups-section');
    this.empty = this.root.getByTestId('backups-empty');
    this.createButton = this.root.getByTestId('backups-create');
    this.table = new BackupTable(page, this.root);
  }

  async backUpNow(): Promise<void> {
    await this.createButton.click();
  }
}
