import { test, expect, startWorkbench } from './fixtures.ts';
import { LibraryPage } from './pages/index.ts';

test.describe('browser-mode security', () => {
  test('API calls without the token, with a wrong token, or a foreign Host are refused', async ({ workbench }) => {
    const noToken = await fetch(`${workbench.origin}/api/volumes:list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(noToken.status).toBe(401);
    expect(JSON.stringify(await noToken.json())).not.toContain('"value"');

    const wrong = await fetch(`${workbench.origin}/api/volumes:list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + '0'.repeat(64) },
      body: '{}',
    });
    expect(wrong.status).toBe(401);

    const ok = await workbench.call('volumes:list');
    expect(ok.ok).toBe(true);
  });

  test('a page from another origin cannot read the API, and the app page carries a strict CSP', async ({ page, workbench }) => {
    const res = await page.goto(workbench.url);
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    // The token travels in the fragment and is cleared from the address bar once read.
    await expect(new LibraryPage(page).view).toBeVisible();
    expect(page.url()).not.toContain('token=');
    // Without the token, even a same-origin fetch is refused.
    const status = await page.evaluate(async () => {
      const r = await fetch('/api/volumes:list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return r.status;
    });
    expect(status).toBe(401);
  });

  test('scan files outside the scans folder cannot be reached', async ({ workbench }) => {
    for (const p of ['/scans/..%2flibrary.sqlite', '/scans/../library.sqlite', '/scans/%2e%2e%2flibrary.lock']) {
      const r = await fetch(`${workbench.origin}${p}`, { headers: { authorization: `Bearer ${workbench.token}` } });
      expect([400, 403, 404]).toContain(r.status);
    }
  });

  test('a second instance on the same library keeps serving, refuses library calls and names the running instance', async ({
    workbench,
  }) => {
    const second = await startWorkbench(workbench.dataDir);
    try {
      const status = await second.call('library:status');
      const value = status.value as { state: string; lock: { pid: number; sameHost: boolean; alive: boolean } };
      expect(value.state).toBe('unavailable');
      expect(value.lock).toMatchObject({ pid: workbench.process.pid, sameHost: true, alive: true });
      expect((await second.call('volumes:list')).error?.code).toBe('LIBRARY_LOCKED');
      expect((await second.call('library:takeOver', { confirm: true })).error?.code).toBe('CONFLICT');
      // stderr arrives on its own pipe: wait for it rather than assume it came with the URL line.
      await expect.poll(() => second.stderr()).toContain('正由本机另一个运行中的编校台使用');
      expect(second.stderr()).toContain(workbench.libraryDir);
      expect(second.stderr()).toContain(`进程 ${workbench.process.pid}`);
    } finally {
      await second.stop();
    }
    expect((await workbench.call('volumes:list')).ok).toBe(true);
  });
});
