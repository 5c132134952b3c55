import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './renderer/vite.config.ts';

// electron-vite bundles this file before running it: import.meta.url is kept, import.meta.dirname is not
// (so renderer/vite.config.ts's own `root` points at the wrong folder here and is overridden below).
const ROOT = path.dirname(fileURLToPath(import.meta.url));
const at = (...parts: string[]) => path.join(ROOT, ...parts);

/** The bundled sample volume ships beside the main bundle (importService resolves it as `<main>/../sample`). */
const copySample = {
  name: 'copy-sample-volume',
  closeBundle() {
    fs.cpSync(at('main', 'sample'), at('out', 'sample'), { recursive: true });
  },
};

export default defineConfig({
  main: {
    plugins: [copySample],
    build: {
      outDir: at('out', 'main'),
      // package.json has "type": "module" and "main": "out/main/index.js": ES modules named after their entries.
      // The import worker is its own entry because worker_threads loads it by file (see main/electron/index.ts).
      lib: {
        entry: { index: at('main', 'electron', 'index.ts'), importWorker: at('main', 'workers', 'importWorker.ts') },
        formats: ['es'],
      },
      sourcemap: true,
    },
  },
  preload: {
    build: {
      outDir: at('out', 'preload'),
      // A sandboxed preload cannot require node_modules or load ESM: one self-contained CommonJS file.
      externalizeDeps: false,
      lib: { entry: at('main', 'electron', 'preload.ts'), formats: ['cjs'], fileName: () => 'preload.cjs' },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  },
  renderer: {
    ...rendererConfig,
    root: at('renderer'),
    build: {
      ...rendererConfig.build,
      outDir: at('out', 'renderer'),
      emptyOutDir: true,
      rolldownOptions: { input: at('renderer', 'index.html') },
    },
  },
});
