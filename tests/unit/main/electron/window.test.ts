import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { Prefs, type PrefsPatch } from '../../../../shared/model/prefs.ts';
import { createMainWindow, DEFAULT_SIZE, mainWindowOptions, restoreBounds } from '../../../../main/electron/window.ts';
import { watchPrefs } from '../../../../main/electron/prefsWatch.ts';
import { createPrefsService } from '../../../../main/services/prefs.ts';

test('the page runs isolated, sandboxed, without Node', () => {
  const o = mainWindowOptions({ bounds: null, preloadPath: '/app/out/preload/preload.cjs', title: 't' });
  assert.deepEqual(
    {
      contextIsolation: o.webPreferences?.contextIsolation,
      sandbox: o.webPreferences?.sandbox,
      nodeIntegration: o.webPreferences?.nodeIntegration,
      webSecurity: o.webPreferences?.webSecurity,
      webviewTag: o.webPreferences?.webviewTag,
      preload: o.webPreferences?.preload,
    },
    {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/app/out/preload/preload.cjs',
    },
  );
  assert.equal(o.width, DEFAULT_SIZE.width);
  assert.equal(o.x, undefined);
});

test('saved bounds are restored only when they are still on a screen', () => {
  const screens = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  const saved = { x: 100, y: 50, width: 1200, height: 800 };
  assert.deepEqual(restoreBounds(saved, screens), saved);
  assert.equal(restoreBounds({ ...saved, x: 3000 }, screens), null);
  assert.equal(restoreBounds({ ...saved, y: -400 }, screens), null);
  assert.equal(restoreBounds({ ...saved, width: 10 }, screens), null);
  assert.equal(restoreBounds(null, screens), null);
  assert.deepEqual(restoreBounds({ ...saved, x: 2000 }, [...screens, { x: 1920, y: 0, width: 1920, height: 1080 }]), {
    ...saved,
    x: 2000,
  });
});

test('the window opens at its saved place and saves its bounds on close', () => {
  const backing = { store: {} as Record<string, unknown> };
  const prefs = createPrefsService(backing);
  prefs.set({ windowBounds: { x: 10, y: 20, width: 1000, height: 700 } });
  let created: BrowserWindowConstructorOptions | null = null;
  class FakeWindow extends EventEmitter {
    constructor(options: BrowserWindowConstructorOptions) {
      super();
      created = options;
    }
    getNormalBounds() {
      return { x: 30, y: 40, width: 1100, height: 750 };
    }
    show() {}
  }
  const win = createMainWindow({
    BrowserWindow: FakeWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow,
    workAreas: () => [{ x: 0, y: 0, width: 1920, height: 1080 }],
    prefs,
    preloadPath: '/p.cjs',
    title: '编校台',
  });
  assert.equal(created!.x, 10);
  assert.equal(created!.width, 1000);
  (win as unknown as EventEmitter).emit('close');
  assert.deepEqual(prefs.get().windowBounds, { x: 30, y: 40, width: 1100, height: 750 });
  assert.deepEqual(Prefs.parse(backing.store).windowBounds, { x: 30, y: 40, width: 1100, height: 750 });
});

test('watchPrefs reports each write with the previous value', () => {
  const changes: [string, string][] = [];
  const prefs = watchPrefs(createPrefsService({ store: {} }), (next, prev) => changes.push([prev.language, next.language]));
  const patch: PrefsPatch = { language: 'en' };
  assert.equal(prefs.set(patch).language, 'en');
  assert.equal(prefs.get().language, 'en');
  assert.deepEqual(changes, [['zh-CN', 'en']]);
});
