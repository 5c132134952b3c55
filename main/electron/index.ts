import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import Store from 'electron-store';
import type { Language } from '../../shared/model/prefs.ts';
import { importWorkerUrl } from '../import/importSession.ts';
import { mountContractIpc } from './ipcMain.ts';
import { startupErrorLine } from '../launcher/messages.ts';
import { startLibraryHost, type LibraryHost } from '../services/host.ts';
import { dataDirs, defaultUserDataDir } from '../services/paths.ts';
import { createPrefsService, type PrefsService } from '../services/prefs.ts';
import { appRequestOrigins, isAppUrl } from './appOrigin.ts';
import { chooseLibraryDir, libraryFromArgv, rendererEntry } from './launch.ts';
import { lockPrompt, TAKE_OVER_BUTTON } from './lockPrompt.ts';
import { APP_MENU_EVENT, buildMenuTemplate, type MenuCommand } from './menu.ts';
import { watchPrefs } from './prefsWatch.ts';
import { createScanHandler, registerScanProtocol, scanScheme } from './scanProtocol.ts';
import { installElectronExport } from './exportGlue.ts';
import { applySecurity } from './security.ts';
import { createMainWindow } from './window.ts';
import { bilingual } from '../i18n/strings.ts';

const TITLE = '编校台 Casebook Workbench';
const entry = rendererEntry({
  devUrl: process.env['ELECTRON_RENDERER_URL'],
  isPackaged: app.isPackaged,
  mainDir: import.meta.dirname,
});
const preloadPath = path.join(import.meta.dirname, '..', 'preload', 'preload.cjs');
// The bundle has no .ts sources next to it: point worker_threads at the worker entry built beside this file.
importWorkerUrl.current = new URL('./importWorker.js', import.meta.url);

// Browser mode and the CLI use the same folder for the library and preferences.json: keep userData there too.
app.setPath('userData', defaultUserDataDir());

let win: BrowserWindow | null = null;
let host: LibraryHost | null = null;

function focusWindow(): void {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.focus();
}

function currentHost(): LibraryHost {
  if (!host) throw new Error('The library host is not started');
  return host;
}

function installMenu(lang: Language): void {
  const template = buildMenuTemplate(lang, { command: onMenuCommand, platform: process.platform });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function onMenuCommand(id: MenuCommand): void {
  // Choosing a folder needs a native dialog and re-opening the store, so main handles it itself.
  if (id === 'openLibrary') {
    chooseAndOpenLibrary().catch((err: unknown) => {
      dialog.showErrorBox(bilingual('launcher.cannotOpen'), err instanceof Error ? err.message : String(err));
    });
    return;
  }
  win?.webContents.send(APP_MENU_EVENT, id);
}

let prefs: PrefsService;

/** A library that fails to open still gets a host: the window then shows the recovery screen. */
async function openLibrary(dir: string): Promise<LibraryHost> {
  const opened = await startLibraryHost({ libraryDir: dir, mode: 'electron', prefs });
  if (!opened.bootError()) prefs.set({ libraryPath: dir });
  return opened;
}

/** Locked by another computer or a crashed instance: ask natively, before any window, whether to take over. */
async function confirmTakeOver(opened: LibraryHost): Promise<'open' | 'quit'> {
  const prompt = lockPrompt(opened.bootError(), TITLE);
  if (!prompt) return 'open';
  const { response } = await dialog.showMessageBox(prompt.box);
  if (response !== TAKE_OVER_BUTTON) return 'quit';
  const res = await opened.dispatch('library:takeOver', { confirm: true, lock: prompt.lock });
  if (!res.ok) dialog.showErrorBox(bilingual('launcher.cannotTakeOver'), startupErrorLine(res.error));
  else if (!opened.bootError()) prefs.set({ libraryPath: opened.status().libraryPath });
  return 'open';
}

async function chooseAndOpenLibrary(): Promise<void> {
  const options = {
    title: TITLE,
    properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
  };
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const dir = picked.filePaths[0];
  if (picked.canceled || !dir) return;
  const previous = currentHost();
  const previousDir = previous.status().libraryPath;
  // One writer per library: release the current one before opening the next.
  await previous.shutdown();
  host = null;
  const next = await openLibrary(dir);
  const failure = next.bootError();
  if (failure) {
    dialog.showErrorBox(bilingual('launcher.cannotOpen'), startupErrorLine(failure));
    await next.shutdown();
    host = await openLibrary(previousDir);
  } else {
    host = next;
  }
  win?.webContents.reload();
}

/** Loads the page: the dev server, or the built index.html, which must sit inside the renderer folder. */
async function loadRenderer(target: BrowserWindow): Promise<void> {
  if (entry.load.kind === 'url') {
    await target.loadURL(entry.load.url);
    return;
  }
  const file = entry.load.file;
  if (!isAppUrl(pathToFileURL(file).href, entry.origin) || !fs.existsSync(file)) {
    throw new Error(`The built interface is missing: ${file} (run npm run build)`);
  }
  await target.loadFile(file);
}

async function start(): Promise<void> {
  const store = new Store<Record<string, unknown>>({ name: 'preferences' });
  prefs = watchPrefs(createPrefsService(store), (next, previous) => {
    if (next.language !== previous.language) installMenu(next.language);
  });
  applySecurity({
    app,
    session: session.defaultSession,
    appOrigin: entry.origin,
    openExternal: (url) => shell.openExternal(url),
  });

  const dir = chooseLibraryDir({
    argv: libraryFromArgv(process.argv, process.cwd()),
    pref: prefs.get().libraryPath,
    fallback: dataDirs(app.getPath('userData')).defaultLibraryDir,
  });
  host = await openLibrary(dir);
  if ((await confirmTakeOver(host)) === 'quit') {
    await host.shutdown();
    app.exit(0);
    return;
  }

  registerScanProtocol(
    protocol,
    createScanHandler({ scansDir: () => currentHost().scansDir(), allowedOrigins: appRequestOrigins(entry.origin) }),
  );
  installElectronExport(() => win);
  mountContractIpc(ipcMain, () => currentHost().dispatch, entry.origin);
  installMenu(prefs.get().language);

  win = createMainWindow({
    BrowserWindow,
    workAreas: () => screen.getAllDisplays().map((d) => d.workArea),
    prefs,
    preloadPath,
    title: TITLE,
  });
  win.on('closed', () => {
    win = null;
  });
  await loadRenderer(win);
}

let shuttingDown = false;
let readyToQuit = false;

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the library lock; it focuses its window on 'second-instance'.
  app.quit();
} else {
  // Scheme privileges must be registered before 'ready'.
  protocol.registerSchemesAsPrivileged([scanScheme]);
  app.on('second-instance', focusWindow);
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (readyToQuit || !host) return;
    event.preventDefault();
    if (shuttingDown) return;
    shuttingDown = true;
    host
      .shutdown()
      .catch((err: unknown) => console.error('Shutdown failed', err))
      .finally(() => {
        readyToQuit = true;
        app.quit();
      });
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      dialog.showErrorBox(TITLE, err instanceof Error ? (err.stack ?? err.message) : String(err));
      app.exit(1);
    });
}
