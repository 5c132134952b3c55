import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, startWorkbench, type Workbench } from './fixtures.ts';
import { ProofreadPage } from './pages/index.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(ROOT, 'main', 'cli', 'index.ts');

function cli(args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout.trim();
}

interface Office {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The office server (`cli serve`) on `dir`, on `port` (0: any). */
async function serve(dir: string, port = 0): Promise<Office> {
  const child: ChildProcess = spawn(process.execPath, [CLI, 'serve', '--library', dir, '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${err}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^SYNC_URL=(\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${err}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A copy of `from`'s library (closed) as `dataDir`'s library. */
function copyLibrary(fromLibrary: string, dataDir: string): string {
  const to = path.join(dataDir, 'library');
  fs.mkdirSync(path.join(to, 'scans'), { recursive: true });
  fs.copyFileSync(path.join(fromLibrary, 'library.sqlite'), path.join(to, 'library.sqlite'));
  for (const f of fs.readdirSync(path.join(fromLibrary, 'scans'))) {
    fs.copyFileSync(path.join(fromLibrary, 'scans', f), path.join(to, 'scans', f));
  }
  return to;
}

test.describe('team sync', () => {
  test.setTimeout(180_000);

  test('two workbenches on one server: typing shows in the other; edits made while the server is down merge when it is back', async ({
    browser,
  }) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-team-'));
    const stops: (() => Promise<void>)[] = [];
    try {
      // One library, the sample volume in it, copied to the office server and to two machines.
      fs.mkdirSync(path.join(root, 'origin'));
      const origin = await startWorkbench(path.join(root, 'origin'));
      const installed = await origin.call('sample:install');
      expect(installed.ok).toBe(true);
      const volumeId = (installed.value as { id: number }).id;
      const cases = (await origin.call('cases:list', { volumeId })).value as { id: number; number: number | null }[];
      const caseId = cases.find((c) => c.number === 1)!.id;
      await origin.stop();
      const serverDir = copyLibrary(origin.libraryDir, path.join(root, 'server'));
      const tokenA = cli(['users', 'add', '甲', '--role', 'editor', '--library', serverDir]);
      const tokenB = cli(['users', 'add', '乙', '--role', 'editor', '--library', serverDir]);
      let office = await serve(serverDir);
      stops.push(() => office.stop());

      const machines: { wb: Workbench; proof: ProofreadPage }[] = [];
      for (const [name, token] of [
        ['甲', tokenA],
        ['乙', tokenB],
      ] as const) {
        const dataDir = path.join(root, name === '甲' ? 'a' : 'b');
        fs.mkdirSync(dataDir, { recursive: true });
        copyLibrary(origin.libraryDir, dataDir);
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
      office = await serve(serverDir, office.port);
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
      // The merge touched a signed case: it is marked for review, with the changes since the signature.
      await expect
        .poll(
          async () => (await Promise.all(machines.map((m) => m.wb.call('sync:review', { caseId })))).map((r) => r.value !== null),
          {
            timeout: 15_000,
          },
        )
        .toContain(true);
      const reviews = await Promise.all(machines.map((m) => m.wb.call('sync:review', { caseId })));
      const marked = machines[reviews.findIndex((r) => r.value !== null)]!;
      await expect(marked.proof.page.getByTestId('review-banner')).toBeVisible({ timeout: 10_000 });
      await expect(marked.proof.page.getByTestId('review-banner').getByTestId('diff-view')).toContainText('离线');
      await marked.proof.page.getByTestId('review-clear').click();
      await expect(marked.proof.page.getByTestId('review-banner')).toHaveCount(0);
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
