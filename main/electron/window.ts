import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { WindowBounds, type Prefs } from '../../shared/model/prefs.ts';
import type { PrefsService } from '../services/prefs.ts';

export type Bounds = NonNullable<Prefs['windowBounds']>;

export const DEFAULT_SIZE = { width: 1400, height: 900 };
const MIN_SIZE = { width: 900, height: 600 };
// At least this much of the window's title bar must be on some screen to trust saved bounds.
const MIN_VISIBLE = 120;

/**
 * Saved bounds, or null when they would put the window off every current screen (a monitor was
 * unplugged since) or are nonsense; the window is then centred at the default size.
 */
export function restoreBounds(saved: Bounds | null, workAreas: Rectangle[]): Bounds | null {
  if (!saved) return null;
  const { x, y, width, height } = saved;
  if (![x, y, width, height].every(Number.isFinite) || width < MIN_SIZE.width / 2 || height < MIN_SIZE.height / 2) return null;
  const visible = workAreas.some((a) => {
    const overlapX = Math.min(x + width, a.x + a.width) - Math.max(x, a.x);
    const titleOnScreen = y >= a.y && y < a.y + a.height;
    return overlapX >= MIN_VISIBLE && titleOnScreen;
  });
  return visible ? { x, y, width, height } : null;
}

/**
 * The main window's options. The page gets no Node: context isolation, the Chromium sandbox and web
 * security are on; the only bridge is the preload (a single CommonJS file, which sandboxed preloads require).
 */
export function mainWindowOptions(opts: {
  bounds: Bounds | null;
  preloadPath: string;
  title: string;
}): BrowserWindowConstructorOptions {
  return {
    ...(opts.bounds ?? DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: opts.title,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

export interface CreateWindowDeps {
  /** Electron's BrowserWindow class, passed in so this module has no runtime Electron import. */
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  workAreas: () => Rectangle[];
  prefs: PrefsService;
  preloadPath: string;
  title: string;
}

/** Creates the window at its remembered place and remembers where it was when it closes. */
export function createMainWindow(deps: CreateWindowDeps): BrowserWindow {
  const bounds = restoreBounds(deps.prefs.get().windowBounds, deps.workAreas());
  const win = new deps.BrowserWindow(mainWindowOptions({ bounds, preloadPath: deps.preloadPath, title: deps.title }));
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    // Normal bounds: what the window returns to when un-maximised, so a maximised window is not saved as huge.
    // A window smaller than the schema allows (or off any sane screen) is not worth remembering.
    const parsed = WindowBounds.safeParse(win.getNormalBounds());
    if (parsed.success) deps.prefs.set({ windowBounds: parsed.data });
  });
  return win;
}
