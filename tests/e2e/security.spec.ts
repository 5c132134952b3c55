import { test, expect } from './fixtures.ts';

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
    await expect(page.getByTestId('library-view')).toBeVisible();
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

  test('a second instance on the same library fails with a message naming the library', async ({ workbench }) => {
    const { spawnSync } = await import('node:child_process');
    const path = await import('node:path');
    const res = spawnSync(process.execPath, [path.resolve('main/launcher/web.ts'), '--data-dir', workbench.dataDir, '--no-open'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(res.status).not.toBe(0);
    expect(res.stderr).toContain(workbench.libraryDir);
    expect(res.stderr).toContain('资料库正被另一个编校台实例使用');
    expect(res.stdout).not.toContain('WORKBENCH_URL=');
  });
});
