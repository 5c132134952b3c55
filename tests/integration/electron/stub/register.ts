/**
 * `node --import ./register.ts out/main/index.js`: every `import 'electron'` (the app's and its
 * dependencies', e.g. electron-store) resolves to the stand-in next to this file.
 */
import { registerHooks } from 'node:module';

const stub = new URL('./electron.ts', import.meta.url).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: stub, shortCircuit: true };
    return nextResolve(specifier, context);
  },
});
