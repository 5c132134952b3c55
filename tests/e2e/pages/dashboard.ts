import type { Locator, Page } from '@playwright/test';

/**
 * The volume dashboard above the case table (features/dashboard): the stage bar, assignee × stage
 * bars, the page grid, the attention cards, the progress curve and recent activity.
 */
export class VolumeDashboard {
  readonly page: Page;
  readonly root: Locator;
  readonly stageBar: Locator;
  readonly assigneeRows: Locator;
  /** The page grid's squares; each carries `data-index` and `data-status`. */
  readonly pageCells: Locator;
  readonly curve: Locator;
  /** The curve's SVG (its `aria-label` sums the data up). */
  readonly curveChart: Locator;
  /** Points of every series, the total's included; `data-day`, `data-value`. */
  readonly curvePoints: Locator;
  readonly curveLegend: Locator;
  readonly activityItems: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('dashboard');
    this.stageBar = this.root.getByTestId('stage-bar');
    this.assigneeRows = this.root.getByTestId('assignee-row');
    this.pageCells = this.root.getByTestId('page-cells').locator('[data-index]');
    this.curve = this.root.getByTestId('progress-curve');
    this.curveChart = this.curve.getByTestId('curve-chart');
    this.curvePoints = this.curve.getByTestId('curve-point');
    this.curveLegend = this.curve.getByTestId('curve-legend');
    this.activityItems = this.root.getByTestId('activity-item');
  }

  /** The stage bar's segment for a stage (`data-count`). */
  stageSegment(stage: string): Locator {
    return this.stageBar.locator(`[data-stage="${stage}"]`);
  }

  /** Shows the cases of that stage in the table. */
  async filterByStage(stage: string): Promise<void> {
    await this.stageSegment(stage).click();
  }

  /** The page square of page index `index`. */
  pageCell(index: number): Locator {
    return this.root.getByTestId('page-cells').locator(`[data-index="${index}"]`);
  }

  /** Opens the case printed on page `index`, at that page. */
  async openPage(index: number): Promise<void> {
    await this.pageCell(index).click();
  }

  /** One of the attention cards: notes, flags, suspects or stuck (`data-count`). */
  card(name: 'notes' | 'flags' | 'suspects' | 'stuck'): Locator {
    return this.root.locator(`[data-testid="attention-card"][data-card="${name}"]`);
  }

  /** The points of one person's series. */
  pointsOf(who: string): Locator {
    return this.curve.locator(`[data-testid="curve-series"][data-who="${who}"]`).getByTestId('curve-point');
  }

  activityOfKind(kind: string): Locator {
    return this.root.locator(`[data-testid="activity-item"][data-kind="${kind}"]`);
  }
}
