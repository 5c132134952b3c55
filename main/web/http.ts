import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Envelope } from '../../shared/ipc/contract.ts';
import type { AppErrorShape } from '../../shared/ipc/errors.ts';

export class BodyTooLargeError extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(`Request body larger than ${limit} bytes`);
    this.name = 'BodyTooLargeError';
    this.limit = limit;
  }
}

/** Reads a whole request body, refusing early (by Content-Length) or as soon as `limit` is passed. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLargeError(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        req.off('data', onData);
        req.pause();
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, total)));
    req.once('error', reject);
  });
}

// Bodies above this are not drained after a refusal: the connection is closed instead.
const DRAIN_LIMIT = 1024 * 1024;

/**
 * Before answering without reading the body: a small one is drained by Node so the connection can
 * be reused; a large or unknown-length one closes the connection rather than being read for nothing.
 */
export function prepareEarlyAnswer(req: IncomingMessage, res: ServerResponse): void {
  if (req.complete) return;
  const declared = Number(req.headers['content-length'] ?? 0);
  if (req.headers['transfer-encoding'] !== undefined || !Number.isFinite(declared) || declared > DRAIN_LIMIT) {
    res.setHeader('Connection', 'close');
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export function failure(code: AppErrorShape['code'], message: string, details?: Record<string, unknown>): Envelope<never> {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}
