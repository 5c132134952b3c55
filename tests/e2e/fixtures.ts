import { test as base, expect } from '@playwright/test';
import fs from 'node:fs';
import { startWorkbench, type Workbench } from './workbench.ts';

/** Each test gets its own browser-mode server and library folder. */
export const test = base.extend<{ workbench: Workbench }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  workbench: async ({}, use) => {
    const wb = await startWorkbench();
    await use(wb);
    await wb.stop();
    fs.rmSync(wb.dataDir, { recursive: true, force: true });
  },
});

export { expect };

export { startWorkbench, type Workbench };
