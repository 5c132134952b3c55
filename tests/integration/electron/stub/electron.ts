/**
 * A stand-in for the `electron` module, for running the built main (out/main/index.js) under plain
 * Node (see register.ts). It records every call the app makes into the JSON-lines file named by
 * ELECTRON_STUB_LOG, keeps Electron's lifecycle rules (scheme privileges before `ready`, windows,
 * sessions and protocol handlers only after it) and answers with real values where the app needs
 * them. Anything it does not model is a recording proxy, so new Electron calls are logged, not fatal.
 * Over the child's IPC channel the test can ask it to call what the app registered (messages.ts).
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { jsonSafe } from './jsonSafe.ts';
import type { StubLoaded, StubReply, StubRequest } from './messages.ts';

type Fn = (...args: unknown[]) => unknown;
type Options = Record<string, unknown>;

const LOG = process.env['ELECTRON_STUB_LOG'];
const names = new WeakMap<object, string>();
const label = (v: object) => names.get(v);

function record(name: string, args: unknown[]): void {
  if (LOG) fs.appendFileSync(LOG, `${JSON.stringify({ path: name, args: jsonSafe(args, label) })}\n`);
}

/** Anything Electron has that the stub does not model: callable, constructible, logs calls, never a thenable. */
function recorder(name: string): never {
  const proxy = new Proxy(function () {} as Fn, {
    get(_target, prop) {
      if (prop === 'then') return undefined;
      if (prop === Symbol.toPrimitive || prop === 'toString' || prop === 'valueOf') return () => `[${name}]`;
      if (typeof prop === 'symbol') return undefined;
      return recorder(`${name}.${prop}`);
    },
    apply(_target, _this, args) {
      record(name, args);
      return recorder(`${name}()`);
    },
    construct(_target, args) {
      record(`new ${name}`, args);
      return recorder(`new ${name}`);
    },
  });
  names.set(proxy, `[${name}]`);
  return proxy as never;
}

/** A modelled object whose method calls are logged; properties it lacks fall back to {@link recorder}. */
function recorded<T extends object>(target: T, name: string): T {
  const proxy = new Proxy(target, {
    get(t, prop) {
      if (prop === 'then') return undefined;
      if (typeof prop === 'symbol') return Reflect.get(t, prop, t);
      if (!(prop in t)) return recorder(`${name}.${prop}`);
      const value: unknown = Reflect.get(t, prop, t);
      if (typeof value !== 'function' || prop === 'constructor') return value;
      return (...args: unknown[]) => {
        record(`${name}.${prop}`, args);
        return Reflect.apply(value, t, args);
      };
    },
  });
  names.set(proxy, `[${name}]`);
  return proxy;
}

function event(extra: Options = {}) {
  const e = {
    ...extra,
    defaultPrevented: false,
    preventDefault() {
      e.defaultPrevented = true;
    },
  };
  return e;
}

/** The app's package.json (Electron's app path), found upward from the main script. */
function appPackage(): { dir: string; json: { name: string; productName?: string; version: string } } {
  let dir = path.dirname(path.resolve(process.argv[1] ?? '.'));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('electron stub: no package.json above the main script');
    dir = up;
  }
  return { dir, json: JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) };
}

const pkg = appPackage();
let ready = false;

function mustBeReady(what: string): void {
  if (!ready) throw new Error(`${what} cannot be used before the app is ready`);
}

// ---- app -------------------------------------------------------------------------------------------

const home = os.homedir();
const appData = process.env['XDG_CONFIG_HOME'] ?? path.join(home, '.config');
const userData = path.join(appData, pkg.json.productName ?? pkg.json.name);
const paths = new Map<string, string>([
  ['home', home],
  ['appData', appData],
  ['userData', userData],
  ['sessionData', userData],
  ['logs', path.join(userData, 'logs')],
  ['crashDumps', path.join(userData, 'Crashpad')],
  ['temp', os.tmpdir()],
  ['exe', process.execPath],
  ['module', process.execPath],
  ['desktop', path.join(home, 'Desktop')],
  ['documents', path.join(home, 'Documents')],
  ['downloads', path.join(home, 'Downloads')],
  ['music', path.join(home, 'Music')],
  ['pictures', path.join(home, 'Pictures')],
  ['videos', path.join(home, 'Videos')],
]);

let resolveReady: () => void = () => undefined;
const whenReady = new Promise<void>((resolve) => {
  resolveReady = resolve;
});

class StubApp extends EventEmitter {
  isPackaged = false;
  dock = undefined;
  commandLine = recorded(
    { appendSwitch() {}, appendArgument() {}, removeSwitch() {}, hasSwitch: () => false, getSwitchValue: () => '' },
    'app.commandLine',
  );
  whenReady() {
    return whenReady;
  }
  isReady() {
    return ready;
  }
  requestSingleInstanceLock() {
    return true;
  }
  hasSingleInstanceLock() {
    return true;
  }
  releaseSingleInstanceLock() {}
  getPath(name: string) {
    const p = paths.get(name);
    if (p === undefined) throw new Error(`Failed to get '${name}' path`);
    return p;
  }
  setPath(name: string, p: string) {
    if (!path.isAbsolute(p)) throw new Error(`Path must be absolute: ${p}`);
    paths.set(name, p);
  }
  getAppPath() {
    return pkg.dir;
  }
  getName() {
    return pkg.json.productName ?? pkg.json.name;
  }
  getVersion() {
    return pkg.json.version;
  }
  getLocale() {
    return 'zh-CN';
  }
  getSystemLocale() {
    return 'zh-CN';
  }
  getPreferredSystemLanguages() {
    return ['zh-CN'];
  }
  focus() {}
  setAboutPanelOptions() {}
  setAppUserModelId() {}
  /** Electron's order: before-quit (preventable), the windows close (preventable), will-quit (preventable), quit, exit. */
  quit() {
    const before = event();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    for (const win of [...windows]) if (!win.closeNow()) return;
    const willQuit = event();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    this.emit('quit', event(), 0);
    this.exit(0);
  }
  exit(code = 0) {
    record('(process exit)', [code]);
    process.exit(code);
  }
}

const appTarget = new StubApp();
export const app = recorded(appTarget, 'app');

// ---- windows ---------------------------------------------------------------------------------------

const windows: StubBrowserWindow[] = [];
let nextId = 1;

class StubWebContents extends EventEmitter {
  url = '';
  sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: Fn | null = null;
  destroyed = false;
  readonly id: number;
  constructor(id: number) {
    super();
    this.id = id;
  }
  get mainFrame() {
    return { url: this.url, frameTreeNodeId: 1 };
  }
  get session() {
    return defaultSession();
  }
  getURL() {
    return this.url;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  reload() {
    setImmediate(() => this.emit('did-finish-load', event()));
  }
  setWindowOpenHandler(handler: Fn) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isLoading() {
    return false;
  }
  focus() {}
  openDevTools() {}
  closeDevTools() {}
  toggleDevTools() {}
  executeJavaScript() {
    return Promise.resolve(undefined);
  }
}

class StubBrowserWindow extends EventEmitter {
  static getAllWindows() {
    return windows.map((w) => w.proxy);
  }
  static getFocusedWindow() {
    return windows[0]?.proxy ?? null;
  }
  static fromWebContents(contents: unknown) {
    return windows.find((w) => w.webContents === contents)?.proxy ?? null;
  }
  static fromId(id: number) {
    return windows.find((w) => w.id === id)?.proxy ?? null;
  }

  readonly id: number;
  readonly contents: StubWebContents;
  readonly webContents: StubWebContents;
  readonly proxy: StubBrowserWindow;
  bounds: { x: number; y: number; width: number; height: number };
  title: string;
  visible = false;
  destroyed = false;

  constructor(options: Options = {}) {
    super();
    record('new BrowserWindow', [options]);
    mustBeReady('BrowserWindow');
    this.id = nextId++;
    const num = (v: unknown, fallback: number) => (typeof v === 'number' ? v : fallback);
    const width = num(options['width'], 800);
    const height = num(options['height'], 600);
    const area = displays[0]!.workArea;
    this.bounds = {
      x: num(options['x'], Math.round((area.width - width) / 2)),
      y: num(options['y'], Math.round((area.height - height) / 2)),
      width,
      height,
    };
    this.title = typeof options['title'] === 'string' ? options['title'] : (pkg.json.productName ?? pkg.json.name);
    this.visible = options['show'] !== false;
    this.contents = new StubWebContents(this.id);
    this.webContents = recorded(this.contents, `BrowserWindow#${this.id}.webContents`);
    this.proxy = recorded(this, `BrowserWindow#${this.id}`);
    windows.push(this);
    appTarget.emit('web-contents-created', event(), this.webContents);
    return this.proxy;
  }

  loadFile(file: string) {
    return this.load('loadFile', file, pathToFileURL(path.resolve(file)).href);
  }
  loadURL(url: string) {
    return this.load('loadURL', url, url);
  }
  private load(how: StubLoaded['how'], target: string, url: string) {
    this.contents.url = url;
    // Like Electron: the promise settles when the page has loaded, then the window is ready to show.
    setImmediate(() => {
      this.contents.emit('did-finish-load', event());
      this.emit('ready-to-show', event());
      tellTest({ type: 'loaded', how, target });
    });
    return Promise.resolve();
  }
  /** close() as Electron runs it: 'close' may be prevented, otherwise the window goes and 'closed' follows. */
  closeNow(): boolean {
    if (this.destroyed) return true;
    const e = event();
    this.emit('close', e);
    if (e.defaultPrevented) return false;
    this.destroy();
    return true;
  }
  close() {
    this.closeNow();
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.contents.destroyed = true;
    windows.splice(windows.indexOf(this), 1);
    this.emit('closed');
    if (windows.length === 0) appTarget.emit('window-all-closed');
  }
  isDestroyed() {
    return this.destroyed;
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  isVisible() {
    return this.visible;
  }
  focus() {}
  blur() {}
  isFocused() {
    return true;
  }
  restore() {}
  minimize() {}
  maximize() {}
  unmaximize() {}
  isMinimized() {
    return false;
  }
  isMaximized() {
    return false;
  }
  isFullScreen() {
    return false;
  }
  getBounds() {
    return { ...this.bounds };
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  getContentBounds() {
    return { ...this.bounds };
  }
  setBounds(bounds: Partial<StubBrowserWindow['bounds']>) {
    this.bounds = { ...this.bounds, ...bounds };
  }
  getTitle() {
    return this.title;
  }
  setTitle(title: string) {
    this.title = title;
  }
  setMenuBarVisibility() {}
  setAutoHideMenuBar() {}
  removeMenu() {}
  center() {}
}

export const BrowserWindow = StubBrowserWindow;

// ---- session, protocol, ipcMain ----------------------------------------------------------------------

class StubSession {
  permissionRequestHandler: Fn | null = null;
  permissionCheckHandler: Fn | null = null;
  headersReceived: Fn | null = null;
  webRequest: object;
  constructor(name: string) {
    const listener = (a: unknown, b: unknown) => (typeof a === 'function' ? a : typeof b === 'function' ? b : null) as Fn | null;
    this.webRequest = recorded(
      {
        onHeadersReceived: (a: unknown, b?: unknown) => {
          this.headersReceived = listener(a, b);
        },
        onBeforeRequest() {},
        onBeforeSendHeaders() {},
        onCompleted() {},
        onErrorOccurred() {},
      },
      `${name}.webRequest`,
    );
  }
  setPermissionRequestHandler(handler: Fn | null) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Fn | null) {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler() {}
  setDisplayMediaRequestHandler() {}
  setSpellCheckerEnabled() {}
  clearCache() {
    return Promise.resolve();
  }
  clearStorageData() {
    return Promise.resolve();
  }
}

let defaultSessionTarget: StubSession | null = null;
let defaultSessionProxy: StubSession | null = null;

function defaultSession(): StubSession {
  mustBeReady('session.defaultSession');
  defaultSessionTarget ??= new StubSession('session.defaultSession');
  defaultSessionProxy ??= recorded(defaultSessionTarget, 'session.defaultSession');
  return defaultSessionProxy;
}

export const session = recorded(
  {
    get defaultSession() {
      return defaultSession();
    },
    fromPartition(partition: string) {
      mustBeReady('session.fromPartition');
      return recorded(new StubSession(`session(${partition})`), `session(${partition})`);
    },
  },
  'session',
);

const protocolHandlers = new Map<string, Fn>();
export const protocol = recorded(
  {
    registerSchemesAsPrivileged() {
      if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    },
    handle(scheme: string, handler: Fn) {
      mustBeReady('protocol.handle');
      if (protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
      protocolHandlers.set(scheme, handler);
    },
    unhandle(scheme: string) {
      protocolHandlers.delete(scheme);
    },
    isProtocolHandled(scheme: string) {
      return protocolHandlers.has(scheme);
    },
  },
  'protocol',
);

class StubIpcMain extends EventEmitter {
  handlers = new Map<string, Fn>();
  handle(channel: string, handler: Fn) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  handleOnce(channel: string, handler: Fn) {
    this.handle(channel, (...args) => {
      this.handlers.delete(channel);
      return handler(...args);
    });
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
}

const ipcMainTarget = new StubIpcMain();
export const ipcMain = recorded(ipcMainTarget, 'ipcMain');

// ---- menu, dialogs, screen, shell ------------------------------------------------------------------

interface StubMenu {
  items: unknown[];
}
let applicationMenu: StubMenu | null = null;

export const Menu = recorded(
  {
    buildFromTemplate(template: unknown[]): StubMenu {
      return { items: template };
    },
    setApplicationMenu(menu: StubMenu | null) {
      applicationMenu = menu;
    },
    getApplicationMenu() {
      return applicationMenu;
    },
  },
  'Menu',
);

export const dialog = recorded(
  {
    showErrorBox() {},
    // Every dialog is dismissed: the cancel button, no file chosen.
    showMessageBox(...args: unknown[]) {
      const opts = (args.find((a) => a !== null && typeof a === 'object' && 'message' in a) ?? {}) as Options;
      return Promise.resolve({ response: typeof opts['cancelId'] === 'number' ? opts['cancelId'] : 0, checkboxChecked: false });
    },
    showMessageBoxSync(...args: unknown[]) {
      const opts = (args.find((a) => a !== null && typeof a === 'object' && 'message' in a) ?? {}) as Options;
      return typeof opts['cancelId'] === 'number' ? opts['cancelId'] : 0;
    },
    showOpenDialog() {
      return Promise.resolve({ canceled: true, filePaths: [] });
    },
    showOpenDialogSync() {
      return undefined;
    },
    showSaveDialog() {
      return Promise.resolve({ canceled: true, filePath: '' });
    },
    showSaveDialogSync() {
      return undefined;
    },
  },
  'dialog',
);

const displays = [
  {
    id: 1,
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    workArea: { x: 0, y: 0, width: 1920, height: 1040 },
    scaleFactor: 1,
    rotation: 0,
    internal: false,
  },
];

export const screen = recorded(
  Object.assign(new EventEmitter(), {
    getAllDisplays: () => displays.map((d) => structuredClone(d)),
    getPrimaryDisplay: () => structuredClone(displays[0]!),
    getDisplayMatching: () => structuredClone(displays[0]!),
    getDisplayNearestPoint: () => structuredClone(displays[0]!),
    getCursorScreenPoint: () => ({ x: 0, y: 0 }),
  }),
  'screen',
);

export const shell = recorded(
  {
    openExternal: () => Promise.resolve(),
    openPath: () => Promise.resolve(''),
    showItemInFolder() {},
    trashItem: () => Promise.resolve(),
    beep() {},
  },
  'shell',
);

// Not modelled: calls are only logged.
export const autoUpdater = recorder('autoUpdater');
export const BaseWindow = recorder('BaseWindow');
export const BrowserView = recorder('BrowserView');
export const clipboard = recorder('clipboard');
export const contentTracing = recorder('contentTracing');
export const crashReporter = recorder('crashReporter');
export const desktopCapturer = recorder('desktopCapturer');
export const globalShortcut = recorder('globalShortcut');
export const inAppPurchase = recorder('inAppPurchase');
export const MenuItem = recorder('MenuItem');
export const MessageChannelMain = recorder('MessageChannelMain');
export const nativeImage = recorder('nativeImage');
export const nativeTheme = recorder('nativeTheme');
export const net = recorder('net');
export const netLog = recorder('netLog');
export const Notification = recorder('Notification');
export const powerMonitor = recorder('powerMonitor');
export const powerSaveBlocker = recorder('powerSaveBlocker');
export const pushNotifications = recorder('pushNotifications');
export const safeStorage = recorder('safeStorage');
export const ShareMenu = recorder('ShareMenu');
export const systemPreferences = recorder('systemPreferences');
export const TouchBar = recorder('TouchBar');
export const Tray = recorder('Tray');
export const utilityProcess = recorder('utilityProcess');
export const View = recorder('View');
export const webContents = recorder('webContents');
export const WebContentsView = recorder('WebContentsView');
export const webFrameMain = recorder('webFrameMain');

// electron-store (and any CommonJS-style caller) reads the default export.
export default {
  app,
  autoUpdater,
  BaseWindow,
  BrowserView,
  BrowserWindow,
  clipboard,
  contentTracing,
  crashReporter,
  desktopCapturer,
  dialog,
  globalShortcut,
  inAppPurchase,
  ipcMain,
  Menu,
  MenuItem,
  MessageChannelMain,
  nativeImage,
  nativeTheme,
  net,
  netLog,
  Notification,
  powerMonitor,
  powerSaveBlocker,
  protocol,
  pushNotifications,
  safeStorage,
  screen,
  session,
  ShareMenu,
  shell,
  systemPreferences,
  TouchBar,
  Tray,
  utilityProcess,
  View,
  webContents,
  WebContentsView,
  webFrameMain,
};

// ---- lifecycle and the test's requests ---------------------------------------------------------------

// Like Electron, the process lives until the app quits or exits, whatever its own timers do.
setInterval(() => undefined, 1 << 30);

// 'ready' comes once the main script has run, as in Electron.
setImmediate(() => {
  ready = true;
  record('(ready)', []);
  appTarget.emit('will-finish-launching');
  appTarget.emit('ready', event(), {});
  resolveReady();
});

function tellTest(message: StubLoaded | StubReply): void {
  try {
    process.send?.(message);
  } catch (err) {
    // A value the IPC channel cannot carry is the app's answer to report, not a reason to hang the test.
    if ('id' in message) process.send?.({ id: message.id, ok: false, error: `Cannot send the answer: ${String(err)}` });
    else throw err;
  }
}

function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`The app registered no ${what}`);
  return value;
}

function findMenuItem(items: unknown, id: string): (Options & { click?: Fn }) | null {
  if (!Array.isArray(items)) return null;
  for (const item of items as Array<Options & { click?: Fn }>) {
    if (item['id'] === id) return item;
    const inner = findMenuItem(item['submenu'], id);
    if (inner) return inner;
  }
  return null;
}

async function answer(req: StubRequest): Promise<unknown> {
  const win = windows[0] ?? null;
  const contents = win?.webContents ?? null;
  const pageUrl = win?.contents.url ?? '';
  switch (req.op) {
    case 'permissionRequest': {
      const handler = must(defaultSessionTarget?.permissionRequestHandler, 'permission request handler');
      return jsonSafe(
        await new Promise((resolve) => handler(contents, req.permission, resolve, { requestingUrl: pageUrl, isMainFrame: true })),
      );
    }
    case 'permissionCheck': {
      const handler = must(defaultSessionTarget?.permissionCheckHandler, 'permission check handler');
      return jsonSafe(
        handler(contents, req.permission, pageUrl, { requestingUrl: pageUrl, isMainFrame: true, embeddingOrigin: pageUrl }),
      );
    }
    case 'headersReceived': {
      const listener = must(defaultSessionTarget?.headersReceived, 'webRequest.onHeadersReceived listener');
      const details = {
        id: 1,
        url: req.url,
        method: 'GET',
        resourceType: req.resourceType,
        referrer: '',
        timestamp: Date.now(),
        statusLine: 'HTTP/1.1 200 OK',
        statusCode: 200,
        responseHeaders: { 'Content-Type': ['text/html'] },
        webContents: contents,
      };
      return jsonSafe(await new Promise((resolve) => listener(details, resolve)), label);
    }
    case 'protocol': {
      const handler = must(protocolHandlers.get(req.scheme), `protocol handler for ${req.scheme}:`);
      const res = (await handler(new Request(req.url, { headers: req.headers ?? {} }))) as Response;
      return {
        status: res.status,
        headers: Object.fromEntries(res.headers),
        body: Buffer.from(await res.arrayBuffer()).toString('latin1'),
      };
    }
    case 'ipcInvoke': {
      const handler = must(ipcMainTarget.handlers.get(req.channel), `ipcMain.handle('${req.channel}') handler`);
      const frame = req.frameUrl === null ? null : { url: req.frameUrl };
      return await handler({ sender: contents, senderFrame: frame, frameId: 1, processId: 1 }, ...req.args);
    }
    case 'navigate': {
      const page = must(win, 'window').contents;
      const e = event({ url: req.url, isMainFrame: true, isSameDocument: false });
      page.emit('will-navigate', e, req.url);
      return { prevented: e.defaultPrevented };
    }
    case 'windowOpen': {
      const handler = must(win?.contents.windowOpenHandler, 'window open handler');
      return jsonSafe(
        handler({
          url: req.url,
          frameName: '',
          features: '',
          disposition: 'foreground-tab',
          referrer: { url: pageUrl, policy: 'no-referrer' },
        }),
        label,
      );
    }
    case 'clickMenu': {
      const item = must(findMenuItem(applicationMenu?.items, req.itemId), `menu item ${req.itemId}`);
      const sentBefore = win?.contents.sent.length ?? 0;
      must(item.click, `click handler on ${req.itemId}`)(item, win?.proxy, {});
      return jsonSafe(win?.contents.sent.slice(sentBefore) ?? [], label);
    }
    case 'quit':
      record('(stub) quit', []);
      setImmediate(() => appTarget.quit());
      return null;
  }
}

if (process.send) {
  // The test went away without asking the app to quit: do not outlive it.
  process.on('disconnect', () => process.exit(1));
  process.on('message', (message: StubRequest & { id: number }) => {
    const { id } = message;
    answer(message).then(
      (value) => tellTest({ id, ok: true, value }),
      (err: unknown) => tellTest({ id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
    );
  });
}
