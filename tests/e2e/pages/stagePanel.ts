import type { Locator, Page } from '@playwright/test';

/**
 * The case's stage and sign-off (features/casePage: StageControl and its popover, the timeline, the
 * 有疑问 badge, the lock banner above a final case's editor).
 */
export class StagePanel {
  readonly page: Page;
  readonly toggle: Locator;
  /** The popover; visible while open. */
  readonly popover: Locator;
  /** The current stage in the case bar, in `data-stage`. */
  readonly stage: Locator;
  /** 🔒 beside the stage while the case is final. */
  readonly lockBadge: Locator;
  /** The case bar's 有疑问 badge (its reason in `title`). */
  readonly flagBadge: Locator;
  readonly lastSigner: Locator;
  /** The sign-off button, labelled with the next stage. */
  readonly signoffButton: Locator;
  /** Why signing is unavailable now (`data-code`: SAME_SIGNER, OPEN_NOTES…). */
  readonly signoffBlocked: Locator;
  /** Said when the next sign-off locks the case (定稿). */
  readonly signoffLocks: Locator;
  /** Said instead when no user name is set, with a link to Settings. */
  readonly signerMissing: Locator;
  readonly flagBox: Locator;
  /** Above the editor of a final case. */
  readonly lockBanner: Locator;
  readonly events: Locator;

  constructor(page: Page) {
    this.page = page;
    this.toggle = page.getByTestId('stage-control-toggle');
    this.popover = page.getByTestId('stage-popover');
    this.stage = page.getByTestId('case-stage');
    this.lockBadge = page.getByTestId('lock-badge');
    this.flagBadge = page.getByTestId('case-page').getByTestId('flag-badge');
    this.lastSigner = this.popover.getByTestId('last-signer');
    this.signoffButton = this.popover.getByTestId('signoff-submit');
    this.signoffBlocked = this.popover.getByTestId('signoff-blocked');
    this.signoffLocks = this.popover.getByTestId('signoff-locks');
    this.signerMissing = this.popover.getByTestId('signer-missing');
    this.flagBox = this.popover.getByTestId('flag-box');
    this.lockBanner = page.getByTestId('lock-banner');
    this.events = this.popover.getByTestId('event-row');
  }

  async open(): Promise<void> {
    if (!(await this.popover.isVisible())) await this.toggle.click();
    await this.popover.getByTestId('stage-control').waitFor();
  }

  async close(): Promise<void> {
    if (await this.popover.isVisible()) await this.page.keyboard.press('Escape');
    await this.popover.waitFor({ state: 'hidden' });
  }

  /** Signs the pass to the next stage, with an optional note; the popover closes when main has recorded it. */
  async signOff(note?: string): Promise<void> {
    await this.open();
    if (note !== undefined) await this.popover.getByTestId('signoff-text').fill(note);
    await this.signoffButton.click();
    await this.popover.waitFor({ state: 'hidden' });
  }

  /** Sends the case back to an earlier stage (by key), with a reason. */
  async sendBack(stage: string, reason: string): Promise<void> {
    await this.open();
    await this.popover.getByTestId('sendback-open').click();
    await this.popover.getByTestId('sendback-target').selectOption(stage);
    await this.popover.getByTestId('sendback-text').fill(reason);
    await this.popover.getByTestId('sendback-submit').click();
    await this.popover.waitFor({ state: 'hidden' });
  }

  async flag(reason: string): Promise<void> {
    await this.open();
    await this.popover.getByTestId('flag-open').click();
    await this.popover.getByTestId('flag-text').fill(reason);
    await this.popover.getByTestId('flag-submit').click();
    await this.popover.waitFor({ state: 'hidden' });
  }

  async clearFlag(note?: string): Promise<void> {
    await this.open();
    if (note !== undefined) await this.popover.getByTestId('unflag-text').fill(note);
    await this.popover.getByTestId('unflag-submit').click();
    await this.popover.waitFor({ state: 'hidden' });
  }

  /** Unlocks a final case from the banner above its editor, back to `stage` (a key), with a reason. */
  async unlockFromBanner(stage: string, reason: string): Promise<void> {
    await this.lockBanner.getByTestId('lock-banner-unlock').click();
    await this.lockBanner.getByTestId('banner-unlock-target').selectOption(stage);
    await this.lockBanner.getByTestId('banner-unlock-text').fill(reason);
    await this.lockBanner.getByTestId('banner-unlock-submit').click();
  }

  /** The popover's unlock form (a final case), back to `stage`, with a reason. */
  async unlock(stage: string, reason: string): Promise<void> {
    await this.open();
    await this.popover.getByTestId('unlock-target').selectOption(stage);
    await this.popover.getByTestId('unlock-text').fill(reason);
    await this.popover.getByTestId('unlock-submit').click();
    await this.popover.waitFor({ state: 'hidden' });
  }

  /** Opens the popover and unfolds the timeline under its forms. */
  async showHistory(): Promise<void> {
    await this.open();
    const section = this.popover.getByTestId('event-history-section');
    if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
  }

  /** Timeline entries of one kind (signoff, sendback, unlock, flag, unflag, create). */
  eventsOfKind(kind: string): Locator {
    return this.popover.locator(`[data-testid="event-row"][data-kind="${kind}"]`);
  }

  /** Timeline entries that moved the case to `stage`. */
  eventsTo(stage: string): Locator {
    return this.popover.locator(`[data-testid="event-row"][data-to="${stage}"]`);
  }

  /** The settings link shown when no user name is set. */
  async setUserNameFromPanel(): Promise<void> {
    await this.open();
    await this.signerMissing.getByTestId('set-user-name').click();
  }
}
