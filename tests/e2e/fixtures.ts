import { test as base, expect } from '@playwright/test';
import fs from 'node:fs';
import { E2E_USER, startWorkbench, type Workbench } from './workbench.ts';

/**
 * Each test gets its own browser-mode server and library folder. `userName` is the name already in
 * the preferences (`test.use({ userName: '' })` for a first start, which asks for one).
 */
export const test = base.extend<{ workbench: Workbench; userName: string }>({
  userName: [E2E_USER, { option: true }],
  workbench: async ({ userName }, use) => {
    const wb = await startWorkbench(undefined, { userName });
    await use(wb);
    await wb.stop();
    fs.rmSync(wb.dataDir, { recursive: true, force: true });
  },
});

export { expect };

export { startWorkbench, type Workbench };
