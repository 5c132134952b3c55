import path from 'node:path';
import { parseDevServerUrl, type AppOrigin } from './appOrigin.ts';

/** `--library DIR` or `--library=DIR` on Electron's command line, resolved; undefined when absent. */
export function libraryFromArgv(argv: string[], cwd: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--library' && argv[i + 1]) return path.resolve(cwd, argv[i + 1]!);
    if (arg.startsWith('--library=') && arg.length > '--library='.length)
      return path.resolve(cwd, arg.slice('--library='.length));
  }
  return undefined;
}

export type RendererEntry =
  | { origin: AppOrigin & { kind: 'dev' }; load: { kind: 'url'; url: string } }
  | { origin: AppOrigin & { kind: 'file' }; load: { kind: 'file'; file: string } };

/**
 * What the window loads: the Vite dev server (electron-vite sets ELECTRON_RENDERER_URL) only in an
 * unpackaged app and only on loopback; otherwise `index.html` of the built renderer next to out/main.
 */
export function rendererEntry(opts: { devUrl: string | undefined; isPackaged: boolean; mainDir: string }): RendererEntry {
  const dev = opts.isPackaged ? null : parseDevServerUrl(opts.devUrl);
  if (dev) return { origin: { kind: 'dev', origin: dev.origin }, load: { kind: 'url', url: dev.href } };
  const rendererDir = path.resolve(opts.mainDir, '..', 'renderer');
  return { origin: { kind: 'file', rendererDir }, load: { kind: 'file', file: path.join(rendererDir, 'index.html') } };
}

/** Where the library lives: the command line, then the last one opened, then the default under userData. */
export function chooseLibraryDir(opts: { argv?: string; pref: string | null; fallback: string }): string {
  return opts.argv ?? opts.pref ?? opts.fallback;
}
