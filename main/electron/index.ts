import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import Store from 'electron-store';
import type { Language } from '../../shared/model/prefs.ts';
import { importWorkerUrl } from '../import/runImportWorker.ts';
import { mountContractIpc } from '../ipc/ipcMain.ts';
import { boot, type Booted } from '../services/boot.ts';
import { dataDirs, defaultUserDataDir } from '../services/paths.ts';
import { createPrefsService, type PrefsService } from '../services/prefs.ts';
import { appRequestOrigins, isAppUrl } from './appOrigin.ts';
import { chooseLibraryDir, libraryFromArgv, rendererEntry } from './launch.ts';
import { APP_MENU_EVENT, buildMenuTemplate, type MenuCommand } from './menu.ts';
import { watchPrefs } from './prefsWatch.ts';
import { createScanHandler, registerScanProtocol, scanScheme } from './scanProtocol.ts';
import { applySecurity } from './security.ts';
import { createMainWindow } from './window.ts';

const TITLE = '编校台 Casebook Workbench';
const entry = rendererEntry({ devUrl: process.env['ELECTRON_RENDERER_URL'], isPackaged: app.isPackaged, mainDir: import.meta.dirname });
const preloadPath = path.join(import.meta.dirname, '..', 'preload', 'preload.cjs');
// The bundle has no .ts sources next to it: point worker_threads at the worker entry built beside this file.
importWorkerUrl.current = new URL('./importWorker.js', import.meta.url);

// Browser mode and the CLI use the same folder for the library and preferences.json: keep userData there too.
app.setPath('userData', defaultUserDataDir());

let win: BrowserWindow | null = null;
let services: Booted | null = null;

function focusWindow(): void {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.focus();
}

function currentServices(): Booted {
  if (!services) throw new Error('The library is not open');
  return services;
}

function installMenu(lang: Language): void {
  const template = buildMenuTemplate(lang, { command: onMenuCommand, platform: process.platform });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function onMenuCommand(id: MenuCommand): void {
  // Choosing a folder needs a native dialog and re-opening the store, so main handles it itself.
  if (id === 'openLibrary') {
    chooseAndOpenLibrary().catch((err: unknown) => {
      dialog.showErrorBox('无法打开资料库 / Cannot open the library', err instanceof Error ? err.message : String(err));
    });
    return;
  }
  win?.webContents.send(APP_MENU_EVENT, id);
}

let prefs: PrefsService;

async function openLibrary(dir: string): Promise<Booted> {
  const booted = await boot({ libraryDir: dir, mode: 'electron', prefs });
  prefs.set({ libraryPath: dir });
  return booted;
}

async function chooseAndOpenLibrary(): Promise<void> {
  const options = { title: TITLE, properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const dir = picked.filePaths[0];
  if (picked.canceled || !dir) return;
  const previous = currentServices();
  const previousDir = previous.ctx.lib.dir;
  // One writer per library: release the current one before opening the next.
  await previous.shutdown();
  services = null;
  try {
    services = await openLibrary(dir);
  } catch (err) {
    dialog.showErrorBox('无法打开资料库 / Cannot open the library', err instanceof Error ? err.message : String(err));
    services = await openLibrary(previousDir);
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
  applySecurity({ app, session: session.defaultSession, appOrigin: entry.origin, openExternal: (url) => shell.openExternal(url) });

  const dir = chooseLibraryDir({
    argv: libraryFromArgv(process.argv, process.cwd()),
    pref: prefs.get().libraryPath,
    fallback: dataDirs(app.getPath('userData')).defaultLibraryDir,
  });
  try {
    services = await openLibrary(dir);
  } catch (err) {
    dialog.showErrorBox('无法打开资料库 / Cannot open the library', `${dir}\n\n${err instanceof Error ? err.message : String(err)}`);
    app.exit(1);
    return;
  }

  registerScanProtocol(protocol, createScanHandler({ scansDir: () => currentServices().scansDir(), allowedOrigins: appRequestOrigins(entry.origin) }));
  mountContractIpc(ipcMain, () => currentServices().dispatch, entry.origin);
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
    if (readyToQuit || !services) return;
    event.preventDefault();
    if (shuttingDown) return;
    shuttingDown = true;
    services
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
