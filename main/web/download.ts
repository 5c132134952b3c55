import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { toErrorShape } from '../../shared/ipc/errors.ts';
import { STATUS_BY_CODE } from './api.ts';
import { failure, prepareEarlyAnswer, sendJson } from './http.ts';

/** A finished export waiting to be downloaded. */
export interface DownloadFile {
  path: string;
  fileName: string;
  mediaType: string;
  size: number;
}

/**
 * `Content-Disposition` for any file name: an ASCII fallback for old clients and the exact UTF-8
 * name in `filename*` (RFC 6266 with RFC 5987 encoding), which every current browser prefers.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'export';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Streams an export's file as it is (binary, not wrapped in JSON); errors are the usual envelope. */
export async function serveDownload(req: IncomingMessage, res: ServerResponse, find: () => DownloadFile): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    prepareEarlyAnswer(req, res);
    return sendJson(res, 405, failure('VALIDATION', 'Use GET to download an export'), { Allow: 'GET, HEAD' });
  }
  let file: DownloadFile;
  let stream: fs.ReadStream | null = null;
  try {
    file = find();
    if (req.method === 'GET') stream = fs.createReadStream(file.path);
  } catch (err) {
    const shape = toErrorShape(err);
    prepareEarlyAnswer(req, res);
    return sendJson(res, STATUS_BY_CODE[shape.code], { ok: false, error: shape });
  }
  res.writeHead(200, {
    'Content-Type': file.mediaType,
    'Content-Length': String(file.size),
    'Content-Disposition': contentDisposition(file.fileName),
    'Cache-Control': 'no-store',
  });
  if (!stream) return void res.end();
  await pipeline(stream, res);
}
