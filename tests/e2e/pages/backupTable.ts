import type { Locator, Page } from '@playwright/test';
import { ConfirmDialog } from './confirmDialog.ts';

/** The backups table (shell/BackupTable), as shown in Settings and on the recovery screen. */
export class BackupTable {
  readonly page: Page;
  readonly rows: Locator;

  /** `scope`: the section holding the table. */
  constructor(page: Page, scope: Locator) {
    this.page = page;
    this.rows = scope.getByTestId('backup-row');
  }

  /** Clicks Restore on one row (the newest first) and returns the confirmation it opens. */
  async restore(row = 0): Promise<ConfirmDialog> {
    await this.rows.nth(row).getByTestId('backup-restore').click();
    return new ConfirmDialog(this.page, 'restore');
  }
}
