import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the app's own page comes from: the built renderer folder (loaded from file://) or, during
 * development, the Vite dev server. Navigation rules, the IPC sender check and the scan protocol's
 * CORS answer all ask this one question: is that URL ours?
 */
export type AppOrigin = { kind: 'file'; rendererDir: string } | { kind: 'dev'; origin: string };

/** Only a loopback dev server is trusted, so an environment variable cannot point the app at a remote site. */
export function parseDevServerUrl(raw: string | undefined): URL | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return null;
  return url;
}

export function isAppUrl(rawUrl: string | null | undefined, app: AppOrigin): boolean {
  if (!rawUrl) return false;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (app.kind === 'dev') return url.origin === new URL(app.origin).origin;
  if (url.protocol !== 'file:' || (url.host !== '' && url.host !== 'localhost')) return false;
  let file: string;
  try {
    file = fileURLToPath(url);
  } catch {
    return false;
  }
  const rel = path.relative(path.resolve(app.rendererDir), path.resolve(file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** The Origin header values a request from our page may carry (file pages send an opaque origin). */
export function appRequestOrigins(app: AppOrigin): string[] {
  return app.kind === 'dev' ? [new URL(app.origin).origin] : ['null', 'file://'];
}
