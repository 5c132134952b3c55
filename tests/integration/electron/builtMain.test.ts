// Electron's binary cannot run here, so this runs what `npm run build` produced: out/main/index.js under
// Node, with `electron` resolved to a recording stand-in (stub/), and checks from the bundle itself what
// a bundling mistake would break unseen. The preload is loaded the way a sandboxed window loads it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { IPC_CHANNEL } from '../../../main/electron/bridge.ts';
import { APP_MENU_EVENT, buildMenuTemplate } from '../../../main/electron/menu.ts';
import { scanScheme } from '../../../main/electron/scanProtocol.ts';
import { electronCsp } from '../../../main/electron/security.ts';
import { PRELOAD_GLOBAL } from '../../../shared/ipc/transport.ts';
import { jsonSafe } from './stub/jsonSafe.ts';
import type { LoggedCall, StubLoaded, StubReply, StubRequest } from './stub/messages.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const MAIN = path.join(ROOT, 'out', 'main', 'index.js');
const PRELOAD = path.join(ROOT, 'out', 'preload', 'preload.cjs');
const RENDERER_DIR = path.join(ROOT, 'out', 'renderer');
const INDEX_HTML = path.join(RENDERER_DIR, 'index.html');
const INDEX_URL = pathToFileURL(INDEX_HTML).href;
const REGISTER = pathToFileURL(path.join(import.meta.dirname, 'stub', 'register.ts')).href;
const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const SCAN_NAME = `${'0'.repeat(64)}.pdf`;

/** Generous: the machine is shared; nothing here is timed, these only stop a hung child from hanging the suite. */
const BOOT_TIMEOUT_MS = 60_000;
const CALL_TIMEOUT_MS = 30_000;

async function within<T>(promise: Promise<T>, ms: number, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out: ${what()}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

before(() => {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const res = spawnSync(npm, ['run', '-s', 'build'], {
    cwd: ROOT,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 300_000,
    shell: process.platform === 'win32',
  });
  assert.equal(res.status, 0, `npm run build failed:\n${`${res.stdout}\n${res.stderr}`.slice(-6000)}`);
});

describe('the preload bundle', () => {
  test('is one CommonJS file that exposes only the contract bridge', async () => {
    const code = fs.readFileSync(PRELOAD, 'utf8');
    const exposed: Array<{ key: string; api: Record<string, unknown> }> = [];
    const ipc: Array<{ method: string; args: unknown[] }> = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.push({ key, api }) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          ipc.push({ method: 'invoke', args });
          return Promise.resolve({ ok: true, value: null });
        },
        on: (...args: unknown[]) => ipc.push({ method: 'on', args }),
        removeListener: (...args: unknown[]) => ipc.push({ method: 'removeListener', args }),
      },
    };
    // A sandboxed preload gets a CommonJS wrapper and a `require` that knows `electron` (and a few built-ins
    // it does not need): an `import`/`export` statement or `import.meta` would not even compile here.
    const wrapped = vm.compileFunction(code, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: PRELOAD });
    const sandboxRequire = (id: string) => {
      if (id === 'electron') return electron;
      throw new Error(`A sandboxed preload cannot require ${id}`);
    };
    const module = { exports: {} };
    wrapped(module.exports, sandboxRequire, module, PRELOAD, path.dirname(PRELOAD));

    assert.equal(exposed.length, 1);
    const [{ key, api }] = exposed as [(typeof exposed)[number]];
    assert.equal(key, PRELOAD_GLOBAL);
    assert.equal(key, 'workbench');
    assert.equal(typeof api['invoke'], 'function');
    assert.equal(typeof api['on'], 'function');
    assert.equal(api['platform'], 'electron');

    const invoke = api['invoke'] as (channel: string, input: unknown) => Promise<unknown>;
    assert.deepEqual(await invoke('app:info', {}), { ok: true, value: null });
    assert.deepEqual(ipc, [{ method: 'invoke', args: [IPC_CHANNEL, 'app:info', {}] }]);
    const refused = (await invoke('shell:openExternal', {})) as { ok: boolean; error: { code: string } };
    assert.equal(refused.ok, false);
    assert.equal(refused.error.code, 'UNKNOWN_CHANNEL');
    assert.equal(ipc.length, 1, 'an unknown channel never reaches IPC');

    const off = (api['on'] as (event: string, listener: () => void) => () => void)(APP_MENU_EVENT, () => undefined);
    assert.equal(typeof off, 'function');
    assert.equal(ipc[1]?.method, 'on');
    assert.equal(ipc[1]?.args[0], APP_MENU_EVENT);
  });
});

describe('the built main, under Node with a stand-in electron', () => {
  let tmp = '';
  let library = '';
  let configHome = '';
  let logFile = '';
  let child: ChildProcess | null = null;
  let output = '';
  let loaded: StubLoaded | null = null;
  let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> = Promise.resolve({ code: null, signal: null });
  const pending = new Map<number, (reply: StubReply) => void>();
  let nextId = 1;

  const diagnostics = () => `child output:\n${output.slice(-4000)}`;

  function calls(): LoggedCall[] {
    return fs
      .readFileSync(logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LoggedCall);
  }
  const callsTo = (name: string) => calls().filter((c) => c.path === name);
  const indexOfCall = (name: string) => calls().findIndex((c) => c.path === name);

  async function ask(req: StubRequest): Promise<unknown> {
    assert.ok(child?.connected, `the app is not running\n${diagnostics()}`);
    const id = nextId++;
    const reply = new Promise<StubReply>((resolve) => pending.set(id, resolve));
    const gone = exited.then(({ code, signal }): never => {
      throw new Error(`the app exited (${code ?? signal}) during ${req.op}\n${diagnostics()}`);
    });
    child.send({ ...req, id });
    const answer = await within(Promise.race([reply, gone]), CALL_TIMEOUT_MS, () => `${req.op}\n${diagnostics()}`).finally(() =>
      pending.delete(id),
    );
    if (!answer.ok) assert.fail(`${req.op}: ${answer.error}`);
    return answer.value;
  }

  const contract = (channel: string, input: unknown, frameUrl: string | null = INDEX_URL) =>
    ask({ op: 'ipcInvoke', channel: IPC_CHANNEL, frameUrl, args: [channel, input] }) as Promise<
      { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string; message: string } }
    >;
  async function valueOf(channel: string, input: unknown): Promise<Record<string, unknown>> {
    const envelope = await contract(channel, input);
    if (!envelope.ok) assert.fail(`${channel}: ${envelope.error.code} ${envelope.error.message}`);
    return envelope.value;
  }

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-electron-'));
    library = path.join(tmp, 'library');
    configHome = path.join(tmp, 'config');
    logFile = path.join(tmp, 'electron-calls.jsonl');
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env['ELECTRON_RENDERER_URL'];
    delete env['ELECTRON_RUN_AS_NODE'];
    // Everything the app derives from the user's folders lands in tmp (userData follows XDG_CONFIG_HOME on Linux).
    Object.assign(env, {
      ELECTRON_STUB_LOG: logFile,
      XDG_CONFIG_HOME: configHome,
      HOME: path.join(tmp, 'home'),
      USERPROFILE: path.join(tmp, 'home'),
      APPDATA: path.join(tmp, 'appdata'),
    });
    const proc = spawn(process.execPath, ['--import', REGISTER, MAIN, '--library', library], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    child = proc;
    proc.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    proc.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
    const loadedOnce = new Promise<StubLoaded>((resolve, reject) => {
      proc.on('message', (message: StubLoaded | StubReply) => {
        if ('type' in message) resolve(message);
        else pending.get(message.id)?.(message);
      });
      void exited.then(({ code, signal }) =>
        reject(new Error(`the app exited (${code ?? signal}) before loading its page\n${diagnostics()}`)),
      );
    });
    loaded = await within(loadedOnce, BOOT_TIMEOUT_MS, () => `the app did not load its page\n${diagnostics()}`);
  });

  after(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('boots through whenReady to the built renderer, loaded from disk', () => {
    assert.deepEqual(loaded, { type: 'loaded', how: 'loadFile', target: INDEX_HTML });
    assert.ok(fs.existsSync(INDEX_HTML));
    assert.equal(callsTo('(ready)').length, 1);
    assert.deepEqual(callsTo('BrowserWindow#1.loadURL'), [], 'no dev server in a build');
    assert.deepEqual(callsTo('dialog.showErrorBox'), [], diagnostics());
    assert.deepEqual(callsTo('(process exit)'), [], diagnostics());
  });

  test('holds the single-instance lock and makes scan: privileged before ready', () => {
    const ready = indexOfCall('(ready)');
    const lock = indexOfCall('app.requestSingleInstanceLock');
    assert.ok(lock !== -1 && lock < ready, 'single-instance lock asked for before ready');
    const privileged = callsTo('protocol.registerSchemesAsPrivileged');
    assert.deepEqual(
      privileged.map((c) => c.args),
      [[[scanScheme]]],
    );
    assert.ok(indexOfCall('protocol.registerSchemesAsPrivileged') < ready);
    assert.deepEqual(scanScheme.privileges, {
      standard: true,
      secure: true,
      supportFetchAPI: true,
      stream: true,
      corsEnabled: true,
    });
  });

  test('opens one isolated, sandboxed window without Node, with the CommonJS preload', () => {
    const created = callsTo('new BrowserWindow');
    assert.equal(created.length, 1);
    const options = created[0]!.args[0] as { webPreferences: Record<string, unknown> };
    const prefs = options.webPreferences;
    assert.equal(prefs['contextIsolation'], true);
    assert.equal(prefs['sandbox'], true);
    assert.equal(prefs['nodeIntegration'], false);
    assert.equal(prefs['nodeIntegrationInWorker'], false);
    assert.equal(prefs['nodeIntegrationInSubFrames'], false);
    assert.equal(prefs['webSecurity'], true);
    assert.equal(prefs['webviewTag'], false);
    assert.equal(prefs['preload'], PRELOAD);
    assert.ok(fs.existsSync(PRELOAD), 'the preload the window names was built');
  });

  test('keeps the page on the app: navigation away and new windows are refused', async () => {
    assert.deepEqual(await ask({ op: 'navigate', url: 'https://example.com/' }), { prevented: true });
    assert.deepEqual(await ask({ op: 'navigate', url: pathToFileURL('/etc/passwd').href }), { prevented: true });
    assert.deepEqual(await ask({ op: 'navigate', url: INDEX_URL }), { prevented: false });
    assert.deepEqual(await ask({ op: 'windowOpen', url: 'https://example.com/' }), { action: 'deny' });
  });

  test('denies every permission request and check', async () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      assert.equal(await ask({ op: 'permissionRequest', permission }), false, permission);
      assert.equal(await ask({ op: 'permissionCheck', permission }), false, permission);
    }
  });

  test('sends the CSP with the app page, and only with it', async () => {
    const page = (await ask({ op: 'headersReceived', url: INDEX_URL, resourceType: 'mainFrame' })) as {
      responseHeaders: Record<string, string[]>;
    };
    const [csp, ...more] = page.responseHeaders['Content-Security-Policy'] ?? [];
    assert.equal(more.length, 0);
    assert.equal(csp, electronCsp({ kind: 'file', rendererDir: RENDERER_DIR }));
    assert.match(csp!, /(^|; )default-src 'self'(;|$)/);
    assert.match(csp!, /(^|; )script-src 'self'(;|$)/, 'no inline or remote script');
    assert.match(csp!, /(^|; )object-src 'none'(;|$)/);
    assert.match(csp!, /(^|; )img-src [^;]*scan:/);
    assert.deepEqual(page.responseHeaders['Content-Type'], ['text/html'], 'the response keeps its own headers');
    assert.deepEqual(await ask({ op: 'headersReceived', url: 'https://example.com/', resourceType: 'mainFrame' }), {});
    assert.deepEqual(
      await ask({ op: 'headersReceived', url: INDEX_URL.replace('index.html', 'assets/x.js'), resourceType: 'script' }),
      {},
    );
  });

  test('installs the application menu, whose commands reach the page', async () => {
    const set = callsTo('Menu.setApplicationMenu');
    assert.ok(set.length >= 1);
    const menu = set.at(-1)!.args[0] as { items: unknown };
    const expected = buildMenuTemplate('zh-CN', { command: () => undefined, platform: process.platform });
    assert.deepEqual(menu.items, jsonSafe(expected));
    assert.deepEqual(await ask({ op: 'clickMenu', itemId: 'newVolume' }), [{ channel: APP_MENU_EVENT, args: ['newVolume'] }]);
  });

  test('opened the library given on the command line', async () => {
    assert.ok(fs.existsSync(path.join(library, 'library.sqlite')));
    const lock = JSON.parse(fs.readFileSync(path.join(library, 'library.lock'), 'utf8')) as { pid: number };
    assert.equal(lock.pid, child?.pid, 'the running app holds the library lock');
    const status = await valueOf('library:status', {});
    assert.equal(status['state'], 'open');
    assert.equal(status['libraryPath'], library);
  });

  test('serves the contract over ipcMain, to its own page only', async () => {
    const info = await valueOf('app:info', {});
    assert.equal(info['version'], VERSION);
    assert.equal(info['mode'], 'electron');
    assert.equal(info['libraryPath'], library);
    const prefs = await valueOf('prefs:get', {});
    assert.equal(prefs['language'], 'zh-CN');
    assert.equal(prefs['libraryPath'], library);
    for (const frameUrl of ['https://example.com/', pathToFileURL(path.join(tmp, 'index.html')).href, null]) {
      const refused = await contract('app:info', {}, frameUrl);
      assert.equal(refused.ok, false, String(frameUrl));
      if (!refused.ok) assert.equal(refused.error.code, 'UNAUTHORIZED');
    }
  });

  test('serves scan: through its handler, confined to the library', async () => {
    assert.deepEqual(
      callsTo('protocol.handle').map((c) => c.args[0]),
      ['scan'],
    );
    const scan = (url: string, headers?: Record<string, string>) =>
      ask({ op: 'protocol', scheme: 'scan', url, ...(headers ? { headers } : {}) }) as Promise<{
        status: number;
        headers: Record<string, string>;
        body: string;
      }>;
    assert.equal((await scan(`scan://library/${SCAN_NAME}`)).status, 404);
    assert.equal((await scan('scan://library/..%2Flibrary.sqlite')).status, 400);
    assert.equal((await scan('scan://library/a/b.pdf')).status, 400);
    assert.equal((await scan(`scan://elsewhere/${SCAN_NAME}`)).status, 404);
  });

  test('finds its import worker and the sample volume beside the bundle', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'seed', 'excerpt.txt')));
    const staged = await valueOf('files:stage', { name: 'excerpt.txt', bytes });
    const { jobId } = await valueOf('import:start', { fileId: staged['fileId'] });
    let job = await valueOf('jobs:get', { jobId });
    const deadline = Date.now() + BOOT_TIMEOUT_MS;
    while (job['state'] === 'running' && Date.now() < deadline) {
      await delay(50);
      job = await valueOf('jobs:get', { jobId });
    }
    assert.equal(job['state'], 'done', JSON.stringify(job));
    const preview = await valueOf('import:preview', { jobId });
    assert.ok((preview['counts'] as { cases: number }).cases > 0, 'the worker parsed the file');

    const sample = (await valueOf('sample:install', {})) as { caseCount: number; scan: { files: string[] } | null };
    assert.ok(sample.caseCount > 0);
    const file = sample.scan?.files[0];
    assert.ok(file, 'the sample comes with its scan');
    const res = (await ask({
      op: 'protocol',
      scheme: 'scan',
      url: `scan://library/${file}`,
      headers: { Range: 'bytes=0-4' },
    })) as {
      status: number;
      body: string;
    };
    assert.equal(res.status, 206);
    assert.equal(res.body, '%PDF-');
  });

  test('quits cleanly: the library is closed and its lock released before the process ends', async () => {
    await ask({ op: 'quit' });
    const { code, signal } = await within(exited, CALL_TIMEOUT_MS, () => `the app did not quit\n${diagnostics()}`);
    assert.equal(signal, null, diagnostics());
    assert.equal(code, 0, diagnostics());
    assert.deepEqual(
      callsTo('(process exit)').map((c) => c.args),
      [[0]],
    );
    assert.ok(!fs.existsSync(path.join(library, 'library.lock')), 'lock released');
    assert.ok(fs.existsSync(path.join(library, 'library.sqlite')));
    const prefs = JSON.parse(fs.readFileSync(path.join(configHome, 'casebook-workbench', 'preferences.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    assert.equal(prefs['libraryPath'], library, 'electron-store wrote the preferences into userData');
    assert.deepEqual(callsTo('dialog.showErrorBox'), [], diagnostics());
  });
});
