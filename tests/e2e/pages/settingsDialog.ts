import type { Locator, Page } from '@playwright/test';
import { BackupTable } from './backupTable.ts';

/** Settings (shell/SettingsDialog), with its backups section. */
export class SettingsDialog {
  readonly root: Locator;
  readonly userName: Locator;
  readonly saveButton: Locator;
  readonly backups: BackupsSection;

  constructor(page: Page) {
    this.root = page.getByTestId('settings-dialog');
    this.userName = this.root.getByTestId('settings-username');
    this.saveButton = this.root.getByTestId('settings-save');
    this.backups = new BackupsSection(page);
  }

  async setUserName(name: string): Promise<void> {
    await this.userName.fill(name);
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
