import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isNavigation } from './guards.ts';
import { sendText } from './http.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

export function staticContentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** The real path of a regular file under `root` named by decoded segments, or null (missing, folder, outside). */
async function resolveFile(root: string, segments: string[]): Promise<string | null> {
  // Hidden names (.vite, .env) are never part of the built page.
  if (segments.some((s) => s.startsWith('.') || s.includes('/'))) return null;
  try {
    const realRoot = await fs.promises.realpath(root);
    const real = await fs.promises.realpath(path.join(realRoot, ...segments));
    if (!isInside(realRoot, real)) return null;
    const stat = await fs.promises.stat(real);
    return stat.isFile() ? real : null;
  } catch {
    return null;
  }
}

/**
 * Serves the built renderer. No directory listings; a folder or a missing file is answered with
 * index.html only for a page navigation (the app routes inside the page), 404 for anything else.
 * `segments` are the raw path segments, already screened by rawPathSegments.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  staticDir: string,
  segments: string[],
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const decoded = segments.map((s) => decodeURIComponent(s));
  let file = decoded.length === 0 ? null : await resolveFile(staticDir, decoded);
  let isIndex = false;
  if (file === null && (decoded.length === 0 || isNavigation(req.headers))) {
    file = await resolveFile(staticDir, ['index.html']);
    isIndex = true;
  }
  if (file === null) {
    sendText(res, 404, 'Not found');
    return;
  }
  const stat = await fs.promises.stat(file);
  const hashedAsset = !isIndex && decoded[0] === 'assets';
  res.writeHead(200, {
    'Content-Type': staticContentType(file),
    'Content-Length': String(stat.size),
    // Vite puts content hashes in asset names; index.html must be revalidated to pick up new ones.
    'Cache-Control': hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(fs.createReadStream(file), res);
}
