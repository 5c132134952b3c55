import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { API_PREFIX, EXPORT_PREFIX, SCAN_PREFIX } from '../../shared/ipc/transport.ts';
import type { Dispatch } from '../ipc/dispatch.ts';
import { openScan } from '../scans/serve.ts';
import { AppError } from '../../shared/ipc/errors.ts';
import { HUB_PATH } from '../../shared/sync/docNames.ts';
import { handleApiCall, type ApiLimits } from './api.ts';
import { serveDownload, type DownloadFile } from './download.ts';
import { createToken, isAuthorized } from './auth.ts';
import { securityHeaders } from './csp.ts';
import { isAllowedHost, isAllowedOrigin, rawPathSegments } from './guards.ts';
import { failure, prepareEarlyAnswer, sendJson, sendText } from './http.ts';
import { serveStatic } from './staticFiles.ts';

export interface WebServerOptions {
  dispatch: Dispatch;
  /** The built renderer (index.html + assets). */
  staticDir: string;
  /** The open library's scans folder; asked per request because the library can change. */
  scansDir: () => string;
  /** A finished export for `GET /export/<jobId>` (throws NOT_FOUND and the like); absent: no downloads. */
  exportFile?: (jobId: string) => DownloadFile;
  /** 0 or absent: a free port chosen by the system. */
  port?: number;
  /** A fixed token (tests); a fresh random one otherwise. */
  token?: string;
  /** Body caps; defaults 32 MB for JSON calls, 512 MB for `files:stage`. */
  limits?: Partial<ApiLimits>;
  /** Called with unexpected errors (the client only sees a generic 500). */
  onError?: (err: unknown) => void;
  /**
   * WebSocket upgrades to {@link HUB_PATH} (the local sync hub, see main/sync/hub.ts), after the
   * Host and Origin guards the API has; absent: every upgrade is refused. The handler authenticates
   * the connection itself (the page's token travels inside the WebSocket protocol).
   */
  onUpgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
}

export interface WebServer {
  /** `http://127.0.0.1:<port>` — the origin, without token. */
  url: string;
  /** What to open in the browser: the origin plus `#token=…` (a fragment is never sent to servers). */
  launchUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const DEFAULT_LIMITS: ApiLimits = { maxJsonBytes: 32 * 1024 * 1024, maxStageBytes: 512 * 1024 * 1024 };
const CLOSE_GRACE_MS = 3000;

/**
 * Browser mode: the contract over HTTP on 127.0.0.1, guarded by the Host header (DNS rebinding), a
 * per-launch bearer token for /api and /scans (never cookies, so other sites cannot ride on it), and a
 * strict CSP for the page.
 */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? createToken();
  if (token.length < 16) throw new Error('The web server token must be at least 16 characters');
  const limits: ApiLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  let port = 0;

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(securityHeaders(opts.onUpgrade ? { wsPort: port } : {}))) {
      res.setHeader(name, value);
    }
    if (!isAllowedHost(req.headers.host, port)) {
      prepareEarlyAnswer(req, res);
      return sendText(res, 403, 'Forbidden');
    }
    const rawUrl = req.url ?? '/';
    const segments = rawPathSegments(rawUrl);
    if (segments === null) {
      prepareEarlyAnswer(req, res);
      return sendText(res, 400, 'Bad path');
    }
    const apiRoot = API_PREFIX.slice(1, -1);
    const scanRoot = SCAN_PREFIX.slice(1, -1);
    const exportRoot = EXPORT_PREFIX.slice(1, -1);
    const first = segments[0];
    if (first === apiRoot || first === scanRoot || first === exportRoot) {
      if (!isAllowedOrigin(req.headers.origin, port)) {
        prepareEarlyAnswer(req, res);
        return sendText(res, 403, 'Forbidden');
      }
      if (!isAuthorized(token, req.headers.authorization)) {
        prepareEarlyAnswer(req, res);
        return sendJson(res, 401, failure('UNAUTHORIZED', 'Missing or wrong token'), { 'WWW-Authenticate': 'Bearer' });
      }
      if (segments.length !== 2) {
        prepareEarlyAnswer(req, res);
        return sendJson(res, 404, failure('NOT_FOUND', 'No such endpoint'));
      }
      const name = segments[1]!;
      if (first === apiRoot) return handleApiCall(req, res, name, opts.dispatch, limits);
      if (first === exportRoot) {
        const find = opts.exportFile;
        return serveDownload(req, res, () => {
          if (!find) throw new AppError('NOT_FOUND', 'Downloads are not served here');
          return find(name);
        });
      }
      return serveScan(req, res, opts.scansDir(), name);
    }
    return serveStatic(req, res, opts.staticDir, segments);
  };

  const server = http.createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      opts.onError?.(err);
      if (!res.headersSent) {
        prepareEarlyAnswer(req, res);
        sendJson(res, 500, failure('INTERNAL', 'Internal server error'));
      } else {
        res.destroy();
      }
    });
  });

  // Upgraded sockets leave the HTTP server's bookkeeping (closeAllConnections misses them).
  const upgraded = new Set<Duplex>();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Same guards as the API (a page elsewhere reaching us by DNS rebinding, or by a cross-site
    // socket, which browsers do not stop), then only the one path, only when a hub is mounted.
    const segments = rawPathSegments(req.url ?? '/');
    const onSyncPath = segments !== null && segments.length === 1 && `/${segments[0]}` === HUB_PATH;
    if (!opts.onUpgrade || !isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port) || !onSyncPath) {
      socket.destroy();
      return;
    }
    upgraded.add(socket);
    socket.once('close', () => upgraded.delete(socket));
    try {
      opts.onUpgrade(req, socket, head);
    } catch (err) {
      opts.onError?.(err);
      socket.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      // Stop accepting, let requests in flight finish, then cut whatever is still open.
      const timer = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      timer.unref();
      server.close(() => {
        clearTimeout(timer);
        resolve();
      });
      server.closeIdleConnections();
      // Long-lived sockets (the sync hub's) have nothing in flight to wait for: cut them now.
      for (const socket of upgraded) socket.destroy();
    });
    return closing;
  };

  return { url, launchUrl: `${url}/#token=${token}`, port, token, close };
}

/** A scan file by its content-hash name, with ranges (browser mode and the office server alike). */
export async function serveScan(req: IncomingMessage, res: ServerResponse, scansDir: string, rawName: string): Promise<void> {
  const scan = await openScan(scansDir, rawName, { method: req.method ?? 'GET', range: req.headers.range });
  if (scan.body === null) {
    prepareEarlyAnswer(req, res);
    const text = scan.message ?? '';
    res.writeHead(scan.status, {
      ...scan.headers,
      ...(scan.message === null ? {} : { 'Content-Length': String(Buffer.byteLength(text)) }),
    });
    res.end(scan.message === null ? undefined : text);
    return;
  }
  res.writeHead(scan.status, scan.headers);
  await pipeline(scan.body, res);
}
