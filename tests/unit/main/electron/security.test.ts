import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WebContents } from 'electron';
import type { AppOrigin } from '../../../../main/electron/appOrigin.ts';
import {
  applySecurity,
  electronCsp,
  externalUrl,
  isNavigationAllowed,
  secureWebContents,
} from '../../../../main/electron/security.ts';

const rendererDir = path.resolve('/opt/workbench/out/renderer');
const app: AppOrigin = { kind: 'file', rendererDir };
const indexUrl = pathToFileURL(path.join(rendererDir, 'index.html')).href;

test('only http(s) and mailto links may leave for the system browser', () => {
  assert.equal(externalUrl('https://example.com/a?b'), 'https://example.com/a?b');
  assert.equal(externalUrl('http://example.com'), 'http://example.com/');
  assert.equal(externalUrl('mailto:a@example.com'), 'mailto:a@example.com');
  for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'scan://library/x.pdf', 'smb://host/share', 'nonsense']) {
    assert.equal(externalUrl(bad), null, bad);
  }
});

test('navigation stays on the app page', () => {
  assert.equal(isNavigationAllowed(indexUrl, app), true);
  assert.equal(isNavigationAllowed('https://example.com', app), false);
  assert.equal(isNavigationAllowed(pathToFileURL('/etc/passwd').href, app), false);
});

test('the Electron CSP adds the scan scheme and the loopback sync hub, and the dev server needs only in dev', () => {
  const built = electronCsp(app);
  assert.match(built, /img-src 'self' blob: data: scan:/);
  assert.match(built, /connect-src 'self' scan: ws:\/\/127\.0\.0\.1:\*(;|$)/);
  assert.match(built, /script-src 'self';/);
  const dev = electronCsp({ kind: 'dev', origin: 'http://localhost:5173' });
  assert.match(dev, /connect-src 'self' scan: ws:\/\/localhost:5173/);
  assert.match(dev, /script-src 'self' 'unsafe-inline'/);
});

/** Just enough of WebContents to drive the listeners secureWebContents installs. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (fn: (d: { url: string }) => { action: string }) => {
      openHandler = fn;
    },
  });
  const navigate = (event: string, url: string) => {
    let prevented = false;
    emitter.emit(event, { url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { contents: contents as unknown as WebContents, navigate, open: (url: string) => openHandler!({ url }) };
}

test('a secured webContents blocks navigation away and denies new windows', async () => {
  const opened: string[] = [];
  const f = fakeContents();
  secureWebContents(f.contents, { appOrigin: app, openExternal: async (u) => void opened.push(u) });
  assert.equal(f.navigate('will-navigate', 'https://example.com/doc'), true);
  assert.equal(f.navigate('will-navigate', pathToFileURL('/home/user/secret.html').href), true);
  assert.equal(f.navigate('will-navigate', indexUrl), false);
  assert.equal(f.navigate('will-frame-navigate', 'https://example.com/frame'), true);
  assert.equal(f.navigate('will-redirect', 'https://example.com/r'), true);
  assert.equal(f.navigate('will-attach-webview', 'https://example.com'), true);
  assert.deepEqual(f.open('https://example.com/new'), { action: 'deny' });
  assert.deepEqual(f.open('file:///etc/passwd'), { action: 'deny' });
  assert.deepEqual(opened, ['https://example.com/doc', 'https://example.com/new']);
});

test('applySecurity denies every permission and locks webContents as they are created', () => {
  const appEvents = new EventEmitter();
  let requestHandler: ((wc: unknown, perm: string, cb: (granted: boolean) => void) => void) | null = null;
  let checkHandler: (() => boolean) | null = null;
  let headersHandler: ((d: unknown, cb: (r: unknown) => void) => void) | null = null;
  applySecurity({
    app: appEvents as never,
    session: {
      setPermissionRequestHandler: (fn: never) => void (requestHandler = fn),
      setPermissionCheckHandler: (fn: never) => void (checkHandler = fn),
      webRequest: { onHeadersReceived: (fn: never) => void (headersHandler = fn) },
    } as never,
    appOrigin: app,
    openExternal: async () => undefined,
  });
  for (const perm of ['media', 'geolocation', 'notifications', 'openExternal']) {
    let granted: boolean | null = null;
    requestHandler!(null, perm, (g) => (granted = g));
    assert.equal(granted, false, perm);
  }
  assert.equal(checkHandler!(), false);

  const f = fakeContents();
  appEvents.emit('web-contents-created', {}, f.contents);
  assert.equal(f.navigate('will-navigate', 'https://example.com'), true);

  let answer: unknown;
  headersHandler!({ url: indexUrl, resourceType: 'mainFrame', responseHeaders: {} }, (r) => (answer = r));
  assert.deepEqual(answer, { responseHeaders: { 'Content-Security-Policy': [electronCsp(app)] } });
  headersHandler!({ url: 'https://example.com/', resourceType: 'mainFrame', responseHeaders: {} }, (r) => (answer = r));
  assert.deepEqual(answer, {});
});
