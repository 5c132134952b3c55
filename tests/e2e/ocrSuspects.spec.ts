import { test, expect } from './fixtures.ts';
import { withOcrCase } from './ocrLibrary.ts';
import { AppHeader } from './pages/index.ts';

test.describe('OCR suspects', () => {
  test('characters OCR was unsure of are suspects with their confidence, and F8 reaches them', async ({ page }) => {
    await withOcrCase(page, { threshold: 85 }, async (proof) => {
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
    });
  });
});
