import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { SCAN_FILE_NAME } from '../../shared/ipc/transport.ts';

/**
 * Serving one scan file from the library's scans folder, shared by the browser-mode route
 * (`GET /scans/<file>`) and Electron's `scan://library/<file>` protocol so both refuse the same
 * names and answer byte ranges the same way.
 */

const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tif: 'image/tiff',
  tiff: 'image/tiff',
};

export function scanContentType(name: string): string {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

export type RangeRequest = { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * Parses a `Range` header against a file of `size` bytes. One range is served; several ranges are
 * answered with the whole file (RFC 9110 lets a server ignore Range), as are other units. A
 * malformed or out-of-file byte range is unsatisfiable (416), so a client bug shows instead of
 * silently downloading everything.
 */
export function parseRange(header: string | undefined | null, size: number): RangeRequest {
  if (header === undefined || header === null || header.trim() === '') return { kind: 'full' };
  const m = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  if (!m) return { kind: 'full' };
  const specs = (m[1] ?? '').split(',');
  if (specs.length > 1) return { kind: 'full' };
  const spec = (specs[0] ?? '').trim();
  const parts = /^(\d*)-(\d*)$/.exec(spec);
  if (!parts) return { kind: 'unsatisfiable' };
  const [, first = '', last = ''] = parts;
  if (first === '' && last === '') return { kind: 'unsatisfiable' };
  if (first === '') {
    // Suffix range: the last N bytes.
    const n = Number(last);
    if (!Number.isSafeInteger(n) || n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return { kind: 'unsatisfiable' };
  if (start >= size || (last !== '' && Number(last) < start)) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end };
}

export type ScanNameCheck = { ok: true; name: string } | { ok: false; reason: 'malformed' };

/**
 * Decodes the raw (still percent-encoded) last path segment and checks it against the one allowed
 * shape: a content hash plus an extension. Nothing with a slash, a dot segment or an encoded
 * separator can pass, so the name can never leave the scans folder by itself.
 */
export function checkScanName(rawSegment: string): ScanNameCheck {
  let name: string;
  try {
    name = decodeURIComponent(rawSegment);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!SCAN_FILE_NAME.test(name)) return { ok: false, reason: 'malformed' };
  return { ok: true, name };
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

export interface ScanResponse {
  status: number;
  headers: Record<string, string>;
  /** File bytes for 200/206 GET; null for HEAD and for refusals. */
  body: Readable | null;
  /** Short reason for a refusal, safe to show (no paths). */
  message: string | null;
}

function refusal(status: number, message: string, headers: Record<string, string> = {}): ScanResponse {
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers }, body: null, message };
}

// O_NOFOLLOW keeps a symlink swapped in after the realpath check from being followed (absent on Windows).
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0);

/**
 * Resolves and opens a scan for a GET or HEAD request. `rawSegment` is the file part of the URL as
 * received (percent-encoded). The real path (symlinks resolved) must lie inside the real scans
 * folder and be a regular file.
 */
export async function openScan(
  scansDir: string,
  rawSegment: string,
  req: { method: string; range?: string | null },
): Promise<ScanResponse> {
  const method = req.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return refusal(405, 'Method not allowed', { Allow: 'GET, HEAD' });
  const checked = checkScanName(rawSegment);
  if (!checked.ok) return refusal(400, 'Invalid scan file name');

  let realDir: string;
  let realFile: string;
  try {
    realDir = await fs.promises.realpath(scansDir);
    realFile = await fs.promises.realpath(path.join(realDir, checked.name));
  } catch {
    return refusal(404, 'Scan not found');
  }
  if (!isInside(realDir, realFile)) return refusal(404, 'Scan not found');

  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(realFile, OPEN_FLAGS);
  } catch {
    return refusal(404, 'Scan not found');
  }
  let keepOpen = false;
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return refusal(404, 'Scan not found');
    const size = stat.size;
    const base: Record<string, string> = {
      'Content-Type': scanContentType(checked.name),
      'Accept-Ranges': 'bytes',
      // Names are content hashes, so a given URL never changes.
      'Cache-Control': 'private, max-age=31536000, immutable',
    };
    const range = parseRange(req.range, size);
    if (range.kind === 'unsatisfiable') {
      return refusal(416, 'Range not satisfiable', { 'Content-Range': `bytes */${size}`, 'Accept-Ranges': 'bytes' });
    }
    const start = range.kind === 'partial' ? range.start : 0;
    const end = range.kind === 'partial' ? range.end : size - 1;
    const length = size === 0 ? 0 : end - start + 1;
    const headers: Record<string, string> = { ...base, 'Content-Length': String(length) };
    if (range.kind === 'partial') headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    const status = range.kind === 'partial' ? 206 : 200;
    if (method === 'HEAD' || length === 0) {
      return { status, headers, body: null, message: null };
    }
    keepOpen = true;
    return { status, headers, body: handle.createReadStream({ start, end, autoClose: true }), message: null };
  } finally {
    if (!keepOpen) await handle.close();
  }
}
