import type { Page } from '@playwright/test';
import { test, expect, type Workbench } from './fixtures.ts';
import { CaseTableView, LibraryPage, ProofreadPage, VolumeDashboard } from './pages/index.ts';
import { E2E_USER } from './workbench.ts';

const VOLUME = '创先争优好做法（示例）';
const CASE = '开设“民情论坛” 打造和谐家园';

async function openSampleVolume(page: Page, wb: Workbench): Promise<LibraryPage> {
  await wb.call('sample:install');
  const library = new LibraryPage(page);
  await library.goto(wb.url);
  await library.openVolume(VOLUME);
  await expect(library.caseRows.first()).toBeVisible();
  return library;
}

test.describe('volume dashboard', () => {
  test('draws the sample volume; a stage segment filters the table, a page square opens its case at that page', async ({
    page,
    workbench,
  }) => {
    await openSampleVolume(page, workbench);
    const dash = new VolumeDashboard(page);
    const table = new CaseTableView(page);
    await expect(dash.stageSegment('imported')).toHaveAttribute('data-count', '2');
    await expect(dash.assigneeRows).toHaveCount(1);
    await expect(dash.pageCells.first()).toBeVisible();
    expect(await dash.pageCells.count()).toBeGreaterThan(4);
    await expect(dash.pageCells.first()).toHaveAttribute('title', /.+/);
    await expect(dash.curve).toBeVisible();
    await expect(dash.curvePoints).toHaveCount(0);
    await expect(dash.card('stuck')).toHaveAttribute('data-count', '2');

    await dash.filterByStage('imported');
    await expect(table.rows).toHaveCount(2);

    // The last page printed with a case opens that case there, that page current in its page strip.
    const proof = new ProofreadPage(page);
    const linked = dash.pageCells.and(page.locator('a'));
    const index = Number(await linked.last().getAttribute('data-index'));
    await dash.openPage(index);
    await expect(proof.editor).toBeVisible();
    await expect(proof.pageChip(index)).toHaveAttribute('aria-current', 'page');
    // The editor went there too: that page's marker scrolled into view.
    await expect(proof.pageMarkers.and(page.locator(`[data-page="${index}"]`))).toBeInViewport();
  });

  test('after a sign-off in the case page, the dashboard shows it: the curve has a point and recent activity names the signer', async ({
    page,
    workbench,
  }) => {
    const library = await openSampleVolume(page, workbench);
    const dash = new VolumeDashboard(page);
    await expect(dash.curvePoints).toHaveCount(0);

    await library.openCase(CASE);
    const proof = new ProofreadPage(page);
    await proof.stages.signOff('初审通过');
    await expect(proof.stage).toHaveAttribute('data-stage', 'review1');
    await proof.back();

    await expect(dash.stageSegment('review1')).toHaveAttribute('data-count', '1');
    await expect(dash.pointsOf(E2E_USER)).toHaveCount(1);
    await expect(dash.pointsOf(E2E_USER).first()).toHaveAttribute('data-value', '1');
    await expect(dash.curveLegend).toContainText(E2E_USER);
    await expect(dash.curveChart).toHaveAttribute('aria-label', new RegExp(`${E2E_USER} 1`));
    const signed = dash.activityOfKind('signoff').first();
    await expect(signed).toContainText(E2E_USER);
    await expect(signed).toContainText('民情论坛');
    await expect(signed).toContainText('初审通过');
  });
});
