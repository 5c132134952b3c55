import type { Page } from '@playwright/test';
import { PRELOAD_GLOBAL, type AppEvent, type MenuCommand } from '../../../shared/ipc/transport.ts';

const MENU_EVENT: AppEvent = 'app:menu';

/**
 * Browser mode has no application menu, so a stand-in for the preload's bridge (events only: calls
 * still go over HTTP) lets a test send the commands Electron's menu would. Install it before the
 * first `page.goto`; the returned function sends one command to the page.
 */
export async function installMenuStandIn(page: Page): Promise<(command: MenuCommand) => Promise<void>> {
  await page.addInitScript(
    ({ bridge, event }) => {
      const w = window as unknown as Record<string, unknown>;
      w[bridge] = {
        on(name: string, listener: (payload: unknown) => void) {
          if (name === event) w.__menu = listener;
          return () => undefined;
        },
      };
    },
    { bridge: PRELOAD_GLOBAL, event: MENU_EVENT },
  );
  return (command) => page.evaluate((c) => (window as unknown as { __menu(c: string): void }).__menu(c), command);
}
