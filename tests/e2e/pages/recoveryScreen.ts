import type { Locator, Page } from '@playwright/test';
import { BackupTable } from './backupTable.ts';
import { ConfirmDialog } from './confirmDialog.ts';

type LockField = 'host' | 'pid' | 'since' | 'heartbeat' | 'file';

/** What shows instead of the library when it cannot be opened (features/recovery). */
export class RecoveryScreen {
  readonly page: Page;
  /** Carries the error code in `data-code`. */
  readonly root: Locator;
  readonly advice: Locator;
  /** Said when the lock's holder has not refreshed it for a long while. */
  readonly quiet: Locator;
  readonly takeOverButton: Locator;
  /** The backups offered for a library that will not open. */
  readonly backups: BackupTable;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('recovery');
    this.advice = this.root.getByTestId('recovery-advice');
    this.quiet = this.root.getByTestId('recovery-quiet');
    this.takeOverButton = this.root.getByTestId('take-over');
    this.backups = new BackupTable(page, this.root.getByTestId('backup-recovery'));
  }

  /** One line of the lock's description: who holds it, since when, where. */
  lock(field: LockField): Locator {
    return this.root.getByTestId(`lock-${field}`);
  }

  /** Clicks Take over; the returned confirmation decides. */
  async takeOver(): Promise<ConfirmDialog> {
    await this.takeOverButton.click();
    return new ConfirmDialog(this.page, 'take-over');
  }

  /** The error notice's Retry button. */
  async retry(): Promise<void> {
    await this.root.getByTestId('recovery-error').getByRole('button').click();
  }
}
