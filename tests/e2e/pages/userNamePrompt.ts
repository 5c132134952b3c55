import type { Locator, Page } from '@playwright/test';

/** The first start's question for the user's name (shell/UserNamePrompt). */
export class UserNamePrompt {
  readonly root: Locator;
  readonly input: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('user-name-prompt');
    this.input = this.root.getByTestId('user-name-input');
  }

  async enter(name: string): Promise<void> {
    await this.input.fill(name);
    await this.root.getByTestId('user-name-save').click();
    await this.root.waitFor({ state: 'hidden' });
  }

  async later(): Promise<void> {
    await this.root.getByTestId('user-name-later').click();
    await this.root.waitFor({ state: 'hidden' });
  }
}
