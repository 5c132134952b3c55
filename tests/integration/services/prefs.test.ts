// A preference patch changes exactly the fields it names, whichever transport carries it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IpcMain } from 'electron';
import type { Envelope } from '../../../shared/ipc/contract.ts';
import { PREF_KEYS, type Prefs } from '../../../shared/model/prefs.ts';
import { mountContractIpc } from '../../../main/electron/ipcMain.ts';
import { IPC_CHANNEL } from '../../../main/electron/bridge.ts';
import { startWebServer, type WebServer } from '../../../main/web/server.ts';
import { bootTemp } from './helpers.ts';

type Booted = Awaited<ReturnType<typeof bootTemp>>;
type Send = (channel: string, input: unknown) => Promise<Envelope<unknown>>;

/** Every preference at a value that is not its default. */
const NON_DEFAULTS: Prefs = {
  language: 'en',
  userName: '李编辑',
  libraryPath: '/data/卷一/library',
  recentLibraries: ['/data/卷一/library', '/data/卷二/library'],
  windowBounds: { x: 40, y: 30, width: 1280, height: 800 },
  layout: 'stacked',
  splitRatios: { side: 0.3, stacked: 0.65 },
  cjkDigitSpace: true,
  exportSettings: {
    format: 'pdf',
    pageSize: 'a4',
    preset: 'gongwen',
    fileNamePattern: '{title}',
    split: 'volume',
    scopeKind: 'volume',
    stage: 'proof3',
  },
  ocrConfidenceThreshold: 45,
};

/** A second non-default value per field, so a patch visibly changes it. */
const OTHER: Prefs = {
  language: 'zh-CN',
  userName: '王校对',
  libraryPath: '/data/卷三/library',
  recentLibraries: ['/data/卷三/library'],
  windowBounds: { x: 0, y: 0, width: 1366, height: 768 },
  layout: 'side',
  splitRatios: { side: 0.7, stacked: 0.4 },
  cjkDigitSpace: false,
  exportSettings: {
    format: 'md',
    pageSize: 'a5',
    preset: 'book',
    fileNamePattern: '{number}-{title}',
    split: 'case',
    scopeKind: 'stage',
    stage: 'final',
  },
  ocrConfidenceThreshold: 75,
};

async function value(send: Send, channel: string, input: unknown): Promise<unknown> {
  const res = await send(channel, input);
  assert.ok(res.ok, `${channel}: ${JSON.stringify(res)}`);
  return res.value;
}

function checkEveryField(name: string, send: () => Send) {
  test(`${name}: patching one field leaves every other field as it was`, async () => {
    assert.deepEqual(new Set(PREF_KEYS), new Set(Object.keys(NON_DEFAULTS)), 'the test covers every preference');
    for (const key of PREF_KEYS) {
      await value(send(), 'prefs:set', NON_DEFAULTS);
      const answered = await value(send(), 'prefs:set', { [key]: OTHER[key] });
      const expected = { ...NON_DEFAULTS, [key]: OTHER[key] };
      assert.deepEqual(answered, expected, `after patching ${key}`);
      assert.deepEqual(await value(send(), 'prefs:get', {}), expected, `stored after patching ${key}`);
    }
  });

  test(`${name}: out-of-bounds values are refused and change nothing`, async () => {
    await value(send(), 'prefs:set', NON_DEFAULTS);
    for (const bad of [
      { userName: '长'.repeat(1_000_000) },
      { windowBounds: { x: 0, y: 0, width: -5, height: 600 } },
      { windowBounds: { x: 0, y: 0, width: 800, height: 0 } },
      { splitRatios: { side: 2, stacked: 0.5 } },
      { splitRatios: { side: 0.5 } },
      { recentLibraries: Array.from({ length: 50 }, (_, i) => `/lib/${i}`) },
      { libraryPath: '' },
      { language: 'fr' },
      { ocrConfidenceThreshold: 101 },
      { ocrConfidenceThreshold: 59.5 },
    ]) {
      const res = await send()('prefs:set', bad);
      assert.equal(res.ok, false, JSON.stringify(bad).slice(0, 80));
      if (!res.ok) assert.equal(res.error.code, 'VALIDATION');
    }
    assert.deepEqual(await value(send(), 'prefs:get', {}), NON_DEFAULTS);
  });
}

describe('preferences over IPC and HTTP', () => {
  let app: Booted;
  let server: WebServer;
  let ipcSend: Send;
  let httpSend: Send;

  before(async () => {
    app = await bootTemp();
    // Electron's transport: the real ipcMain mounting, with a stand-in for Electron's ipcMain object.
    const rendererDir = path.join(app.dir, 'renderer');
    const registered = new Map<string, (event: unknown, ...args: unknown[]) => Promise<Envelope<unknown>>>();
    const fakeIpcMain = {
      handle: (ch: string, fn: never) => registered.set(ch, fn),
      removeHandler: () => undefined,
    } as unknown as IpcMain;
    mountContractIpc(fakeIpcMain, () => app.dispatch, { kind: 'file', rendererDir });
    const frame = { senderFrame: { url: pathToFileURL(path.join(rendererDir, 'index.html')).href } };
    ipcSend = (channel, input) => registered.get(IPC_CHANNEL)!(frame, channel, input);

    // Inside the temp library's folder, so that app.done() removes it too.
    const staticDir = fs.mkdirSync(path.join(app.dir, 'static'), { recursive: true })!;
    server = await startWebServer({ dispatch: app.dispatch, staticDir, scansDir: app.scansDir });
    httpSend = async (channel, input) => {
      const res = await fetch(`${server.url}/api/${channel}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return (await res.json()) as Envelope<unknown>;
    };
  });

  after(async () => {
    await server.close();
    await app.done();
  });

  checkEveryField('IPC', () => ipcSend);
  checkEveryField('HTTP', () => httpSend);
});
