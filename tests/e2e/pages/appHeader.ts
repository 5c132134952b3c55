import type { Locator, Page } from '@playwright/test';
import { SettingsDialog } from './settingsDialog.ts';

/** The header on every screen (shell/AppHeader): user, language switch, Settings. */
export class AppHeader {
  readonly page: Page;
  readonly user: Locator;

  constructor(page: Page) {
    this.page = page;
    this.user = page.getByTestId('header-user');
  }

  async switchLanguage(lang: 'zh' | 'en'): Promise<void> {
    await this.page.getByTestId(`lang-${lang}`).click();
  }

  async openSettings(): Promise<SettingsDialog> {
    await this.page.getByTestId('open-settings').click();
    return new SettingsDialog(this.page);
  }
}
