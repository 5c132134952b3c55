import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLibrary, writeImport } from '../../main/store/index.ts';
import type { Block } from '../../shared/model/caseDoc.ts';
import { OcrPage } from '../../shared/model/ocr.ts';
import { test, expect, startWorkbench, type Workbench } from './fixtures.ts';
import { E2E_USER } from './workbench.ts';
import { AppHeader, ProofreadPage } from './pages/index.ts';

function ocrFixture(index: number): OcrPage {
  const file = path.join(import.meta.dirname, '..', 'fixtures', 'ocr-pages', `seed-page-${index}.ocr.json`);
  return OcrPage.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/**
 * A library holding case 001 as OCR read it (tests/fixtures/ocr-pages: pages 5 and 6 of the seed
 * scan), its pages' OCR stored, and preferences with the given suspect threshold.
 */
function ocrLibrary(threshold: number): { dataDir: string; caseId: number } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-'));
  fs.writeFileSync(
    path.join(dataDir, 'preferences.json'),
    JSON.stringify({ userName: E2E_USER, ocrConfidenceThreshold: threshold }),
  );
  const p5 = ocrFixture(5);
  const p6 = ocrFixture(6);
  const lines = (p: OcrPage, from: number, to: number) =>
    p.lines
      .slice(from, to + 1)
      .map((l) => l.text)
      .join('')
      .replace(/"/g, '”')
      .replace(/^[-一]+/, '');
  const blocks: Block[] = [
    { kind: 'commentary', text: lines(p5, 1, 3), page: 5, breaks: [] },
    { kind: 'title', text: p5.lines[5]!.text, page: 5, breaks: [] },
    { kind: 'organization', text: lines(p5, 6, 6), page: 5, breaks: [] },
    { kind: 'body', text: lines(p6, 0, 6), page: 6, breaks: [] },
  ];
  const lib = openLibrary(path.join(dataDir, 'library'));
  try {
    const volume = writeImport(lib.db, {
      volume: { title: '创先争优好做法（扫描）', sourceName: 'excerpt-scan.pdf', sourceHash: null, scan: null },
      // Pages 0–4 (foreword, contents) came from a text layer: no OCR.
      pages: [0, 1, 2, 3, 4, 5, 6].map((index) => ({
        index,
        printedLabel: null,
        rawText: '',
        ocr: index >= 5 ? ocrFixture(index) : null,
      })),
      toc: [],
      cases: [
        {
          number: 1,
          title: blocks[1]!.text,
          organization: blocks[2]!.text,
          pageStart: 5,
          pageEnd: 6,
          printedStart: null,
          printedEnd: null,
          doc: { version: 1, blocks },
        },
      ],
      who: E2E_USER,
    });
    const row = lib.db.prepare('SELECT id FROM cases WHERE volume_id = ?').get(volume.id);
    return { dataDir, caseId: Number(row?.id) };
  } finally {
    lib.close();
  }
}

test.describe('OCR suspects', () => {
  test('characters OCR was unsure of are suspects with their confidence, and F8 reaches them', async ({ page }) => {
    const { dataDir, caseId } = ocrLibrary(85);
    let wb: Workbench | null = null;
    try {
      wb = await startWorkbench(dataDir);
      const proof = new ProofreadPage(page);
      await proof.goto(wb.url, caseId);
      await expect(proof.editor).toBeVisible();
      await proof.showSuspects();
      const items = proof.suspectList.getByTestId('suspect-item');
      // 落姥点 (84), 临沈街 in the organization (78) and in the body (83); nothing else is below 85.
      await expect(items).toHaveCount(3);
      await expect(items.first()).toHaveAttribute('data-kind', 'ocr-low-confidence');
      await expect(items.first()).toContainText('OCR 识别置信度低');
      await expect(items.first().getByTestId('suspect-confidence')).toHaveText('识别置信度 84');
      await expect(items.nth(1).getByTestId('suspect-confidence')).toHaveText('识别置信度 78');

      await proof.block('打造和谐家园').click();
      await page.keyboard.press('F8');
      await expect.poll(() => proof.selection()).toBe('沈');
      await page.keyboard.press('Shift+F8');
      await expect.poll(() => proof.selection()).toBe('姥');

      // Correcting the character removes its suspect; the others stay.
      await page.keyboard.type('脚');
      await expect(items).toHaveCount(2);
      await expect(proof.saveState).toHaveAttribute('data-state', 'saved');

      // A lower threshold in Settings leaves only the least sure reading (沈 at 78).
      const settings = await new AppHeader(page).openSettings();
      await expect(settings.ocrThreshold).toHaveValue('85');
      await settings.setOcrThreshold(80);
      await page.reload();
      await proof.showSuspects();
      await expect(items).toHaveCount(1);
      await expect(items.first().getByTestId('suspect-confidence')).toHaveText('识别置信度 78');
    } finally {
      await wb?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
