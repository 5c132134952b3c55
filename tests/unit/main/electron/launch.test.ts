import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { appRequestOrigins, parseDevServerUrl } from '../../../../main/electron/appOrigin.ts';
import { chooseLibraryDir, libraryFromArgv, rendererEntry } from '../../../../main/electron/launch.ts';

test('--library from the command line', () => {
  assert.equal(libraryFromArgv(['electron', '.', '--library', 'lib'], '/home/u'), path.resolve('/home/u/lib'));
  assert.equal(libraryFromArgv(['electron', '--library=/data/lib'], '/x'), path.resolve('/data/lib'));
  assert.equal(libraryFromArgv(['electron', '--library'], '/x'), undefined);
  assert.equal(libraryFromArgv(['electron', '.'], '/x'), undefined);
});

test('library choice: command line, then preference, then default', () => {
  assert.equal(chooseLibraryDir({ argv: '/a', pref: '/b', fallback: '/c' }), '/a');
  assert.equal(chooseLibraryDir({ pref: '/b', fallback: '/c' }), '/b');
  assert.equal(chooseLibraryDir({ pref: null, fallback: '/c' }), '/c');
});

test('the renderer loads from the built folder unless a loopback dev server is given to an unpackaged app', () => {
  const mainDir = path.resolve('/app/out/main');
  const built = rendererEntry({ devUrl: undefined, isPackaged: false, mainDir });
  assert.deepEqual(built, {
    origin: { kind: 'file', rendererDir: path.resolve('/app/out/renderer') },
    load: { kind: 'file', file: path.resolve('/app/out/renderer/index.html') },
  });
  assert.equal(appRequestOrigins(built.origin).includes('null'), true);
  const dev = rendererEntry({ devUrl: 'http://localhost:5173/', isPackaged: false, mainDir });
  assert.deepEqual(dev.origin, { kind: 'dev', origin: 'http://localhost:5173' });
  assert.deepEqual(rendererEntry({ devUrl: 'http://localhost:5173/', isPackaged: true, mainDir }).load.kind, 'file');
  assert.deepEqual(rendererEntry({ devUrl: 'https://evil.example/', isPackaged: false, mainDir }).load.kind, 'file');
  assert.equal(parseDevServerUrl('file:///x'), null);
  assert.equal(parseDevServerUrl('http://127.0.0.1:5173')?.port, '5173');
});
