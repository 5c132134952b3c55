import { defineConfig, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The dev server injects an inline React Refresh preamble and talks HMR over a websocket, both of
 * which the strict CSP in index.html forbids. Relax exactly those two, and only when serving.
 */
function devCsp(): Plugin {
  return {
    name: 'workbench-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*"),
  };
}

/**
 * The renderer's build, shared by `npm run build:renderer` and the Electron build (electron.config.ts
 * can spread it into its `renderer` section). Relative base so the bundle loads from file:// or a
 * custom scheme. `outDir` is resolved against `root`, i.e. `<repo>/out/renderer`.
 */
export const rendererConfig: UserConfig = {
  root: import.meta.dirname,
  base: './',
  plugins: [react(), devCsp()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
  },
};

export default defineConfig(rendererConfig);
