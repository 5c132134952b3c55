import { test, expect } from './fixtures.ts';
import { openSampleCase } from './sampleCase.ts';
import { ReocrPanel } from './pages/reocrPanel.ts';
import type { ProofreadPage } from './pages/index.ts';

/**
 * Selects the first `find` in the block holding `text` and types `typed` over it. The range is set
 * directly (keyboard moves from a click land off by one when the editor is busy re-rendering).
 */
async function retype(proof: ProofreadPage, text: string, find: string, typed: string): Promise<void> {
  await proof.block(text).click();
  await proof.page.evaluate(
    ([text, find]) => {
      const block = [...document.querySelectorAll('[data-testid="proof-editor"] [data-kind]')].find((b) =>
        b.textContent?.includes(text),
      );
      if (!block) throw new Error(`no block holds ${text}`);
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(find);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + find.length);
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        return;
      }
      throw new Error(`${find} not in the block`);
    },
    [text, find] as const,
  );
  await expect.poll(() => proof.selection()).toBe(find);
  await proof.page.keyboard.type(typed);
}

/** The sample's case 001 starts on text page 5 (printed 1, scan page 5), read again with the real engine. */
test.describe('re-OCR one page', () => {
  test('differences with the current text are offered, applied only when accepted and only where the text is as compared', async ({
    page,
    workbench,
  }) => {
    test.setTimeout(120_000);
    const { proof } = await openSampleCase(page, workbench);
    const volumeId = ((await workbench.call('volumes:list')).value as Array<{ id: number }>)[0]!.id;
    const reocr = new ReocrPanel(page);

    // Two slips on page 5: 和谐 → 和楷 in the title, 康乐路 → 康东路 in the organisation.
    await retype(proof, '打造和谐家园', '谐', '楷');
    await retype(proof, '康乐路社区党总支', '乐', '东');
    await expect(proof.block('打造和楷家园')).toBeVisible();
    await expect(proof.block('康东路社区党总支')).toBeVisible();
    await expect(proof.scanPane).toHaveAttribute('data-page', '5');

    await reocr.button.click();
    await expect(reocr.rotation('auto')).toBeChecked();
    await reocr.start.click();
    await expect(reocr.progress).toBeVisible();
    await expect(reocr.summary).toBeVisible({ timeout: 60_000 });

    // The new reading restores both slips; what OCR itself misreads (临洮, a rare character) is offered too, to be rejected.
    const title = reocr.hunk('楷', '谐');
    const org = reocr.hunk('东', '乐');
    await expect(title).toBeVisible();
    await expect(org).toBeVisible();
    const misread = reocr.root.locator('[data-testid="reocr-hunk"][data-old="洮"]');
    const misreadings = await misread.count();
    expect(misreadings).toBeGreaterThan(0);
    await reocr.reject(misread.first());
    await expect(misread).toHaveCount(misreadings - 1);

    await reocr.accept(title);
    await expect(proof.block('打造和谐家园')).toBeVisible();
    await expect(title).toHaveCount(0);
    await expect(reocr.changed).toHaveCount(0);

    // Typed after the comparison: the hunk no longer matches the text and is not applied; it is worked out again.
    await retype(proof, '康东路社区党总支', '东', '西');
    await expect(proof.block('康西路社区党总支')).toBeVisible();
    await reocr.accept(org);
    await expect(reocr.changed).toBeVisible();
    await expect(proof.block('康西路社区党总支')).toBeVisible();
    await expect(reocr.hunk('西', '乐')).toBeVisible();
    // The rejected one stays rejected.
    await expect(misread).toHaveCount(misreadings - 1);
    await reocr.accept(reocr.hunk('西', '乐'));
    await expect(proof.block('康乐路社区党总支')).toBeVisible();
    await expect(reocr.changed).toHaveCount(0);

    // Undo takes back an accepted change like any edit.
    await proof.editor.press('Control+z');
    await expect(proof.block('康西路社区党总支')).toBeVisible();

    // Accept all, after typing in a block with listed hunks: compared again first, nothing written.
    const acceptAll = reocr.root.getByTestId('reocr-accept-all');
    const listed = await reocr.hunks.count();
    await retype(proof, '坚持为民、惠民', '惠民，', '惠民（校），');
    await acceptAll.click();
    await expect(reocr.changed).toBeVisible();
    await expect(proof.block('康西路社区党总支')).toBeVisible();
    // Listed again against the text as it is: the undone change comes back, the typed words are a difference too.
    await expect(reocr.hunk('西', '乐')).toBeVisible();
    await expect(reocr.hunk('（校）', '')).toBeVisible();
    await expect(reocr.hunks).toHaveCount(listed + 2);
    await acceptAll.click();
    await expect(reocr.hunks).toHaveCount(0);
    await expect(reocr.summary).toHaveAttribute('data-count', '0');
    await expect(proof.block('康乐路社区党总支')).toBeVisible();
    await expect(proof.block('（校）')).toHaveCount(0);

    // Closing after accepting keeps the new reading as the page's OCR.
    expect((await workbench.call('pages:ocr', { volumeId, index: 5 })).value).toBeNull();
    await reocr.close.click();
    await expect(reocr.root).toHaveCount(0);
    await expect
      .poll(
        async () =>
          ((await workbench.call('pages:ocr', { volumeId, index: 5 })).value as { lines?: unknown[] } | null)?.lines?.length ?? 0,
      )
      .toBeGreaterThan(3);
    await expect(proof.saveState).toHaveAttribute('data-state', 'saved');
  });

  test('cancel while the page is read: back to the choice, nothing changed or kept', async ({ page, workbench }) => {
    const { proof } = await openSampleCase(page, workbench);
    const volumeId = ((await workbench.call('volumes:list')).value as Array<{ id: number }>)[0]!.id;
    const reocr = new ReocrPanel(page);
    await reocr.button.click();
    await reocr.rotation(180).check();
    await reocr.start.click();
    await expect(reocr.progress).toBeVisible();
    await reocr.cancel.click();
    await expect(reocr.start).toBeVisible();
    await expect(reocr.rotation(180)).toBeChecked();
    await reocr.close.click();
    await expect(reocr.root).toHaveCount(0);
    expect((await workbench.call('pages:ocr', { volumeId, index: 5 })).value).toBeNull();
    await expect(proof.saveState).toHaveAttribute('data-state', 'saved');
  });
});
