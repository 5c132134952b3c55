import type { Page } from '@playwright/test';
import { expect, type Workbench } from './fixtures.ts';
import { ProofreadPage } from './pages/index.ts';

interface CaseSummary {
  id: number;
  number: number | null;
}

/** Installs the sample volume and opens case 001 in the proofreading view, saved and ready. */
export async function openSampleCase(page: Page, wb: Workbench): Promise<{ id: number; proof: ProofreadPage }> {
  const installed = await wb.call('sample:install');
  expect(installed.ok).toBe(true);
  const volumeId = (installed.value as { id: number }).id;
  const cases = (await wb.call('cases:list', { volumeId })).value as CaseSummary[];
  const id = cases.find((c) => c.number === 1)!.id;
  const proof = new ProofreadPage(page);
  await proof.goto(wb.url, id);
  await expect(proof.editor).toBeVisible();
  await expect(proof.saveState).toHaveAttribute('data-state', 'saved');
  return { id, proof };
}
