import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { seedOcrPage } from '../fixtures/ocr-pages/seedPages.ts';
import { withOcrCase } from './ocrLibrary.ts';

/** Up to `n` characters of the block text from the caret on. */
function textAtCaret(page: Page, n: number): Promise<string> {
  return page.evaluate((count) => {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || !sel.anchorNode) return '';
    const block = (sel.anchorNode instanceof Element ? sel.anchorNode : sel.anchorNode.parentElement)?.closest('[data-kind]');
    if (!block) return '';
    const range = document.createRange();
    range.setStart(sel.anchorNode, sel.anchorOffset);
    range.setEndAfter(block);
    return range.toString().slice(0, count);
  }, n);
}

const p5 = seedOcrPage(5);
const lineText = (n: number) => p5.lines[n]!.text;

test.describe('text and scan linked line by line', () => {
  test('OCR lines: the block under the caret is outlined, a click on a line moves the caret, edits keep the link', async ({
    page,
  }) => {
    await withOcrCase(page, { scan: 'excerpt-scan.pdf' }, async (proof) => {
      const lines = page.getByTestId('scan-line');
      const active = page.locator('[data-testid="scan-line"][data-active="true"]');
      await expect(lines).toHaveCount(p5.lines.length);

      // The caret in the commentary outlines its three lines on the scan.
      await proof.block('康乐路社区党总支').click();
      await expect(active).toHaveCount(3);
      await expect(active.nth(0)).toHaveAttribute('title', lineText(1));
      await expect(active.nth(2)).toHaveAttribute('title', lineText(3));

      // Moving the caret to the organisation line moves the outline with it.
      await proof.block('临沈街街道康乐路社区党总支').click();
      await expect(active).toHaveCount(1);
      await expect(active.first()).toHaveAttribute('title', lineText(6));

      // Clicking the commentary's second line puts the caret where that line's text starts.
      await lines.nth(2).click();
      await expect.poll(() => textAtCaret(page, 5)).toBe(lineText(2).slice(0, 5));
      await expect(active).toHaveCount(3);

      // An edit before it: the same line still leads to the same text.
      await proof.block('康乐路社区党总支').click();
      await page.keyboard.press('Home');
      await page.keyboard.type('（补）');
      await lines.nth(2).click();
      await expect.poll(() => textAtCaret(page, 5)).toBe(lineText(2).slice(0, 5));

      // The running foot belongs to no block: clicking it leaves the caret (and so the outline) where it was.
      await lines.nth(7).click();
      await expect(active).toHaveCount(3);
      await expect(lines.nth(7)).not.toHaveAttribute('data-active', 'true');
    });
  });

  test("a PDF's text layer links lines the same way when the page has no OCR", async ({ page }) => {
    await withOcrCase(page, { scan: 'excerpt.pdf', storeOcr: false }, async (proof) => {
      const lines = page.getByTestId('scan-line');
      const active = page.locator('[data-testid="scan-line"][data-active="true"]');
      await expect(lines.first()).toBeAttached();

      await proof.block('康乐路社区党总支').click();
      await expect(active.first()).toBeAttached();
      const titles = await active.evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''));
      expect(titles.length).toBeGreaterThanOrEqual(2);
      expect(titles[0]).toContain('康乐路社区党总支');

      // The organisation line's own line on the text layer.
      await proof.block('临沈街街道康乐路社区党总支').click();
      await expect(active).toHaveCount(1);
      await expect(active.first()).toHaveAttribute('title', /康乐路社区党总支$/);

      // Clicking the commentary's second line on the text layer puts the caret at its start.
      const second = titles[1]!.replace(/\s/g, '');
      await page.locator(`[data-testid="scan-line"][title="${titles[1]}"]`).click();
      await expect.poll(() => textAtCaret(page, 4)).toBe(second.slice(0, 4));
    });
  });
});
