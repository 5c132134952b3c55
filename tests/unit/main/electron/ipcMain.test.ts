import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IpcMain } from 'electron';
import type { Handlers } from '../../../../shared/ipc/contract.ts';
import { createDispatcher } from '../../../../main/ipc/dispatch.ts';
import { isTrustedSender, mountContractIpc } from '../../../../main/electron/ipcMain.ts';
import { IPC_CHANNEL } from '../../../../main/electron/bridge.ts';
import type { AppOrigin } from '../../../../main/electron/appOrigin.ts';

const rendererDir = path.resolve('/opt/workbench/out/renderer');
const fileApp: AppOrigin = { kind: 'file', rendererDir };
const devApp: AppOrigin = { kind: 'dev', origin: 'http://localhost:5173' };
const indexUrl = pathToFileURL(path.join(rendererDir, 'index.html')).href;

test('frames of the built renderer are trusted, other files and sites are not', () => {
  assert.equal(isTrustedSender({ url: indexUrl }, fileApp), true);
  assert.equal(isTrustedSender({ url: `${indexUrl}#/volumes/3` }, fileApp), true);
  for (const url of [
    pathToFileURL(path.resolve('/opt/workbench/out/renderer-evil/index.html')).href,
    pathToFileURL(path.resolve('/tmp/index.html')).href,
    pathToFileURL(rendererDir).href,
    `file:///opt/workbench/out/renderer/../main/index.html`,
    'https://example.com/',
    'http://localhost:5173/',
    'about:blank',
    'not a url',
    '',
  ]) {
    assert.equal(isTrustedSender({ url }, fileApp), false, url);
  }
  assert.equal(isTrustedSender(null, fileApp), false);
});

test('with the dev server, only its origin is trusted', () => {
  assert.equal(isTrustedSender({ url: 'http://localhost:5173/#/x' }, devApp), true);
  assert.equal(isTrustedSender({ url: 'http://localhost:5174/' }, devApp), false);
  assert.equal(isTrustedSender({ url: 'http://127.0.0.1:5173/' }, devApp), false);
  assert.equal(isTrustedSender({ url: indexUrl }, devApp), false);
});

test('the mounted handler refuses untrusted frames and dispatches trusted ones', async () => {
  const registered = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const fakeIpcMain = {
    handle: (ch: string, fn: (event: unknown, ...args: unknown[]) => unknown) => registered.set(ch, fn),
    removeHandler: (ch: string) => registered.delete(ch),
  } as unknown as IpcMain;
  const seen: unknown[] = [];
  const dispatch = createDispatcher({
    'volumes:create': (input: unknown) => {
      seen.push(input);
      return { id: 7 };
    },
  } as unknown as Handlers);
  const unmount = mountContractIpc(fakeIpcMain, () => dispatch, fileApp);
  const handler = registered.get(IPC_CHANNEL)!;
  assert.ok(handler);

  const foreign = await handler({ senderFrame: { url: 'https://evil.example/' } }, 'volumes:create', { title: 'x' });
  assert.equal((foreign as { error: { code: string } }).error.code, 'UNAUTHORIZED');
  const gone = await handler({ senderFrame: null }, 'volumes:create', { title: 'x' });
  assert.equal((gone as { ok: boolean }).ok, false);
  assert.deepEqual(seen, []);

  const ok = await handler({ senderFrame: { url: indexUrl } }, 'volumes:create', { title: '卷一' });
  assert.deepEqual(ok, { ok: true, value: { id: 7 } });
  assert.deepEqual(seen, [{ title: '卷一' }]);
  const unknown = await handler({ senderFrame: { url: indexUrl } }, 'shell:exec', {});
  assert.equal((unknown as { error: { code: string } }).error.code, 'UNKNOWN_CHANNEL');

  unmount();
  assert.equal(registered.has(IPC_CHANNEL), false);
});
