import type { App, Session, WebContents } from 'electron';
import { SCAN_PROTOCOL } from '../../shared/ipc/transport.ts';
import { buildCsp } from '../web/csp.ts';
import { isAppUrl, type AppOrigin } from './appOrigin.ts';

/** The page's CSP in Electron: the browser-mode policy plus the `scan:` scheme (and the dev server's needs). */
export function electronCsp(app: AppOrigin): string {
  const scan = `${SCAN_PROTOCOL}:`;
  // The local sync hub (team sync) listens on a loopback port chosen at start; its token guards it.
  const hub = 'ws://127.0.0.1:*';
  if (app.kind === 'file') return buildCsp({ img: [scan], connect: [scan, hub] });
  const dev = new URL(app.origin);
  const ws = `${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}`;
  // Vite's dev client injects an inline preamble (React refresh) and talks to the server over a websocket.
  return buildCsp({ img: [scan], connect: [scan, ws, hub], script: [`'unsafe-inline'`] });
}

/** Links the page may hand to the system browser; everything else (file:, javascript:, custom schemes) is dropped. */
export function externalUrl(rawUrl: string): string | null {
  try {
    const url = new URL(rawUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Navigation away from the app page is never allowed; reloading the page itself is. */
export function isNavigationAllowed(url: string, app: AppOrigin): boolean {
  return isAppUrl(url, app);
}

export interface SecurityDeps {
  app: Pick<App, 'on'>;
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>;
  appOrigin: AppOrigin;
  /** `shell.openExternal`, passed in so this module has no runtime Electron import. */
  openExternal: (url: string) => Promise<void>;
}

/** Locks one webContents: no navigation away, no new windows (http links go to the browser), no webviews. */
export function secureWebContents(contents: WebContents, deps: Pick<SecurityDeps, 'appOrigin' | 'openExternal'>): void {
  const block = (event: { preventDefault(): void }, url: string) => {
    if (isNavigationAllowed(url, deps.appOrigin)) return;
    event.preventDefault();
    const external = externalUrl(url);
    if (external) void deps.openExternal(external).catch(() => undefined);
  };
  contents.on('will-navigate', (event) => block(event, event.url));
  contents.on('will-frame-navigate', (event) => {
    if (!isNavigationAllowed(event.url, deps.appOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isNavigationAllowed(event.url, deps.appOrigin)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrl(url);
    if (external) void deps.openExternal(external).catch(() => undefined);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * App-wide rules, applied before any window exists: every webContents is locked as it is created,
 * every permission request (camera, notifications, geolocation…) is denied, and the app page gets
 * the CSP header. Chromium may not route file:// loads through webRequest, so the built index.html
 * should carry the same policy in a meta tag as well.
 */
export function applySecurity(deps: SecurityDeps): void {
  deps.app.on('web-contents-created', (_event, contents) => secureWebContents(contents, deps));
  deps.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  deps.session.setPermissionCheckHandler(() => false);
  const csp = electronCsp(deps.appOrigin);
  deps.session.webRequest.onHeadersReceived((details, callback) => {
    if (details.resourceType !== 'mainFrame' || !isAppUrl(details.url, deps.appOrigin)) {
      callback({});
      return;
    }
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}
