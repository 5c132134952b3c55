import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page, Request } from '@playwright/test';
import { API_PREFIX, FILE_NAME_HEADER } from '../../shared/ipc/transport.ts';
import { test, expect, type Workbench } from './fixtures.ts';
import { LibraryPage, ProofreadPage } from './pages/index.ts';

const SEED = path.resolve(import.meta.dirname, '..', 'fixtures', 'seed');

interface CaseSummary {
  id: number;
  number: number | null;
}

async function must<T>(wb: Workbench, channel: string, input: unknown = {}): Promise<T> {
  const res = await wb.call(channel, input);
  expect(res.ok, `${channel}: ${JSON.stringify(res.error)}`).toBe(true);
  return res.value as T;
}

async function firstCase(wb: Workbench, volumeId: number): Promise<number> {
  const cases = await must<CaseSummary[]>(wb, 'cases:list', { volumeId });
  return cases.find((c) => c.number === 1)?.id ?? cases[0]!.id;
}

/** The sample volume (it has a PDF scan); returns its case 001. */
async function sampleCase(wb: Workbench): Promise<number> {
  const volume = await must<{ id: number }>(wb, 'sample:install');
  return firstCase(wb, volume.id);
}

/** The sample's text layer imported on its own: a volume without a scan. Returns its first case. */
async function textOnlyCase(wb: Workbench): Promise<number> {
  const staged = await fetch(`${wb.origin}${API_PREFIX}files:stage`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${wb.token}`,
      'content-type': 'application/octet-stream',
      [FILE_NAME_HEADER]: encodeURIComponent('excerpt.txt'),
    },
    body: fs.readFileSync(path.join(SEED, 'excerpt.txt')),
  });
  const { value: file } = (await staged.json()) as { value: { fileId: string } };
  const { jobId } = await must<{ jobId: string }>(wb, 'import:start', { fileId: file.fileId });
  await expect
    .poll(async () => (await must<{ state: string }>(wb, 'jobs:get', { jobId })).state, { timeout: 30_000 })
    .toBe('done');
  const volume = await must<{ id: number }>(wb, 'import:commit', { jobId, title: '无扫描件卷' });
  return firstCase(wb, volume.id);
}

async function openCase(page: Page, wb: Workbench, id: number): Promise<ProofreadPage> {
  const proof = new ProofreadPage(page);
  await proof.goto(wb.url, id);
  await expect(proof.editor).toBeVisible();
  await expect(proof.saveState).toHaveAttribute('data-state', 'saved');
  return proof;
}

async function width(target: Locator): Promise<number> {
  const box = await target.boundingBox();
  expect(box, target.toString()).not.toBeNull();
  return box!.width;
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  const size = `${viewport.width}x${viewport.height}`;
  test.describe(`room for the text at ${size}`, () => {
    test.use({ viewport });

    test('beside a scan the editor has at least 45% of the width; the stage control is a popover', async ({
      page,
      workbench,
    }, testInfo) => {
      const proof = await openCase(page, workbench, await sampleCase(workbench));
      await expect(proof.view).toHaveAttribute('data-layout', 'side');
      await expect(proof.scanCanvas).toHaveAttribute('data-rendered-page', /\d+/);
      expect(await width(proof.editorScroll)).toBeGreaterThanOrEqual(0.45 * viewport.width);

      // No form band above the editor: the stage form opens from a button in the case bar.
      await expect(proof.stageControl).toBeHidden();
      const bar = await proof.root.boundingBox();
      const slot = await proof.editorSlot.boundingBox();
      expect(slot!.y - bar!.y).toBeLessThan(56);
      await page.screenshot({ path: testInfo.outputPath(`case-side-${size}.png`) });

      await proof.toggleStageControl();
      await expect(proof.stageControl).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`case-stage-popover-${size}.png`) });
      await page.keyboard.press('Escape');
      await expect(proof.stageControl).toBeHidden();
    });

    test('without a scan the scan pane folds away and the text takes the width', async ({ page, workbench }, testInfo) => {
      const proof = await openCase(page, workbench, await textOnlyCase(workbench));
      const pane = proof.scanPane;
      await expect(pane).toHaveAttribute('data-folded', 'true');
      await expect(proof.scanNone).toBeVisible();
      await expect(proof.splitter).toHaveCount(0);
      await expect(proof.layoutToggle).toHaveCount(0);
      // The folded pane is a bar above the text, not a column beside it.
      expect((await pane.boundingBox())!.height).toBeLessThan(80);
      expect(await width(proof.editorScroll)).toBeGreaterThanOrEqual(0.75 * viewport.width);
      await page.screenshot({ path: testInfo.outputPath(`case-noscan-${size}.png`) });
    });
  });
}

test.describe('panels and splitters', () => {
  test('the suspect panel opens with suspects and closes when the last is fixed', async ({ page, workbench }, testInfo) => {
    const id = await sampleCase(workbench);
    const kase = await must<{ version: number }>(workbench, 'cases:get', { id });
    const doc = {
      version: 1,
      blocks: [
        { kind: 'title', text: '一个干净的案例', page: 4, breaks: [] },
        { kind: 'body', text: '正文没有疑点。', page: 4, breaks: [] },
      ],
    };
    await must(workbench, 'cases:save', { id, version: kase.version, doc });
    const proof = await openCase(page, workbench, id);
    await expect(proof.suspectsToggle).toHaveAttribute('aria-pressed', 'true');
    await expect(proof.suspectList).toHaveCount(0);

    await proof.blocksOfKind('body').click();
    await page.keyboard.press('End');
    await page.keyboard.type('甲,乙');
    const fix = proof.suspectFixes;
    await expect(fix).toHaveCount(1);
    // Beside the scan, the open panel takes its width from the scan, not from the text.
    expect(await width(proof.editorScroll)).toBeGreaterThanOrEqual(0.45 * page.viewportSize()!.width);
    await page.screenshot({ path: testInfo.outputPath('case-suspects.png') });
    await fix.click();
    await expect(proof.editor).toContainText('甲，乙');
    await expect(proof.suspectList).toHaveCount(0);
    await expect(proof.suspectsToggle).toContainText('0');
  });

  test('each layout keeps its own splitter position, across a reload', async ({ page, workbench }) => {
    const proof = await openCase(page, workbench, await sampleCase(workbench));
    const splitter = proof.splitter;
    await expect(splitter).toHaveAttribute('aria-valuenow', '50');
    await splitter.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(splitter).toHaveAttribute('aria-valuenow', '60');

    await proof.toggleLayout();
    await expect(proof.view).toHaveAttribute('data-layout', 'stacked');
    await expect(splitter).toHaveAttribute('aria-valuenow', '50');
    await splitter.focus();
    await page.keyboard.press('ArrowUp');
    await expect(splitter).toHaveAttribute('aria-valuenow', '45');
    await expect
      .poll(async () => (await must<{ splitRatios: { side: number; stacked: number } }>(workbench, 'prefs:get')).splitRatios)
      .toEqual({ side: expect.closeTo(0.6, 5), stacked: expect.closeTo(0.45, 5) });

    await page.reload();
    await expect(proof.view).toHaveAttribute('data-layout', 'stacked');
    await expect(proof.splitter).toHaveAttribute('aria-valuenow', '45');
    await proof.toggleLayout();
    await expect(proof.splitter).toHaveAttribute('aria-valuenow', '60');
  });
});

test.describe('bundle', () => {
  test('the library loads without pdf.js, the scan viewer or the import dialog; each comes when needed', async ({
    page,
    workbench,
  }) => {
    await must(workbench, 'sample:install');
    const scripts: string[] = [];
    const onRequest = (r: Request) => {
      if (r.resourceType() === 'script' || /\.m?js(\?|$)/.test(r.url())) scripts.push(new URL(r.url()).pathname);
    };
    page.on('request', onRequest);
    const library = new LibraryPage(page);
    await library.goto(workbench.url);
    await expect(library.volumeRows.first()).toBeVisible();
    // The case page's chunk is fetched once the window is idle; wait for it so nothing is still on its way.
    await expect.poll(() => scripts.some((s) => /\/CasePage-[^/]*\.js$/.test(s))).toBe(true);
    const heavy = /\/(pdf|pdf\.worker[^/]*|viewerChunk|ImportDialog)-[^/]*\.m?js$/;
    expect(scripts.filter((s) => heavy.test(s))).toEqual([]);

    await library.openImport();
    await expect.poll(() => scripts.some((s) => /\/ImportDialog-[^/]*\.js$/.test(s))).toBe(true);
    expect(scripts.filter((s) => /\/pdf-[^/]*\.js$/.test(s))).toEqual([]);

    // The same page goes on to a case (a route change, not a reload): now the scan viewer and pdf.js come.
    const volumeId = (await must<{ id: number }[]>(workbench, 'volumes:list'))[0]!.id;
    await page.goto(`${workbench.origin}/#/case/${await firstCase(workbench, volumeId)}`);
    await expect(new ProofreadPage(page).scanCanvas).toHaveAttribute('data-rendered-page', /\d+/);
    expect(scripts.some((s) => /\/viewerChunk-[^/]*\.js$/.test(s))).toBe(true);
    expect(scripts.some((s) => /\/pdf-[^/]*\.js$/.test(s))).toBe(true);
  });
});
