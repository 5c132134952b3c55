import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli, copyLibrary, sampleForTheOffice, serveOffice } from './office.ts';
import { test, expect, startWorkbench, type Workbench } from './fixtures.ts';
import { ProofreadPage } from './pages/index.ts';

test.describe('team sync', () => {
  test.setTimeout(180_000);

  test('two workbenches on one server: typing shows in the other; edits made while the server is down merge when it is back', async ({
    browser,
  }) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-team-'));
    const stops: (() => Promise<void>)[] = [];
    try {
      // One library, the sample volume in it, copied to the office server and to two machines.
      const { originLibrary, serverDir, caseId } = await sampleForTheOffice(root);
      const tokenA = cli(['users', 'add', '甲', '--role', 'editor', '--library', serverDir]);
      const tokenB = cli(['users', 'add', '乙', '--role', 'editor', '--library', serverDir]);
      let office = await serveOffice(serverDir);
      stops.push(() => office.stop());

      const machines: { wb: Workbench; proof: ProofreadPage }[] = [];
      for (const [name, token] of [
        ['甲', tokenA],
        ['乙', tokenB],
      ] as const) {
        const dataDir = path.join(root, name === '甲' ? 'a' : 'b');
        fs.mkdirSync(dataDir, { recursive: true });
        copyLibrary(originLibrary, dataDir);
        const wb = await startWorkbench(dataDir, { userName: name });
        stops.push(() => wb.stop());
        const connected = await wb.call('sync:connect', { url: office.url, user: name, token });
        expect(connected.ok).toBe(true);
        const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
        const proof = new ProofreadPage(page);
        await expect
          .poll(async () => ((await wb.call('sync:collab', { caseId })).value as { docName?: string } | null)?.docName ?? null, {
            timeout: 20_000,
          })
          .not.toBeNull();
        await proof.goto(wb.url, caseId);
        await expect(proof.editor).toBeVisible();
        await expect(page.getByTestId('sync-badge')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
        machines.push({ wb, proof });
      }
      const [a, b] = machines as [(typeof machines)[0], (typeof machines)[0]];

      // Each sees the other online, on this case.
      await expect(a.proof.page.getByTestId('sync-peers')).toHaveAttribute('data-count', '1', { timeout: 15_000 });
      await expect(a.proof.page.getByTestId('sync-badge')).toHaveAttribute('title', /乙/);

      // Typing on one machine shows on the other.
      await expect(b.proof.block('件件实事系民心')).toBeVisible();
      await a.proof.appendTo('件件实事系民心', '（甲校）');
      await expect(b.proof.block('件件实事系民心（甲校）')).toBeVisible({ timeout: 15_000 });

      // 甲 signs the first pass: the text as signed is pinned with the sign-off.
      const signed = await a.wb.call('cases:act', { id: caseId, action: { kind: 'signoff', to: 'review1' } });
      expect(signed.ok).toBe(true);
      await expect
        .poll(async () => ((await b.wb.call('cases:workflow', { id: caseId })).value as { stage: string }).stage, {
          timeout: 15_000,
        })
        .toBe('review1');

      // The server stops; both machines keep editing, each a different block.
      await office.stop();
      await expect(a.proof.page.getByTestId('sync-badge')).toHaveAttribute('data-state', 'offline', { timeout: 20_000 });
      await a.proof.appendTo('特色活动聚民心', '（甲离线）');
      await b.proof.appendTo('件件实事系民心（甲校）', '（乙离线）');
      await expect(a.proof.block('（甲离线）')).toBeVisible();
      await expect(b.proof.block('（乙离线）')).toBeVisible();

      // Back on the same port: both see both edits, and the rows (search, export) hold them.
      office = await serveOffice(serverDir, { port: office.port });
      for (const m of machines) {
        await expect(m.proof.block('（甲离线）')).toBeVisible({ timeout: 30_000 });
        await expect(m.proof.block('（乙离线）')).toBeVisible({ timeout: 30_000 });
        await expect(m.proof.page.getByTestId('sync-badge')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
      }
      for (const m of machines) {
        await expect
          .poll(async () => ((await m.wb.call('cases:get', { id: caseId })).value as { text: string }).text, { timeout: 15_000 })
          .toMatch(/（甲离线）[\s\S]*|（乙离线）/);
      }
      // The merge touched a signed case: it is marked for review on both machines (the server saw
      // the merge and marked it in the volume), with the changes since the signature.
      await expect
        .poll(
          async () => (await Promise.all(machines.map((m) => m.wb.call('sync:review', { caseId })))).map((r) => r.value !== null),
          { timeout: 15_000 },
        )
        .toEqual([true, true]);
      const [first, second] = [machines[0]!, machines[1]!];
      for (const m of [first, second]) {
        await expect(m.proof.page.getByTestId('review-banner')).toBeVisible({ timeout: 10_000 });
        await expect(m.proof.page.getByTestId('review-banner').getByTestId('diff-view')).toContainText('离线');
      }
      // Reviewed on one machine: cleared for the team.
      await first.proof.page.getByTestId('review-clear').click();
      await expect(first.proof.page.getByTestId('review-banner')).toHaveCount(0);
      await expect(second.proof.page.getByTestId('review-banner')).toHaveCount(0, { timeout: 15_000 });
      const texts = await Promise.all(
        machines.map(async (m) => ((await m.wb.call('cases:get', { id: caseId })).value as { text: string }).text),
      );
      expect(texts[0]).toContain('（甲离线）');
      expect(texts[0]).toContain('（乙离线）');
      expect(texts[1]).toBe(texts[0]);
    } finally {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
