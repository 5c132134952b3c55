import { Readable } from 'node:stream';
import type { CustomScheme, Protocol } from 'electron';
import { SCAN_PROTOCOL } from '../../shared/ipc/transport.ts';
import { openScan } from '../scans/serve.ts';

/** `scan://library/<file>`: the only host the protocol answers. */
export const SCAN_HOST = 'library';

/**
 * Registered before `app.ready`. Standard + secure so the page can fetch it (pdf.js reads byte
 * ranges) and stream it; CORS-enabled so fetch from the app page is allowed under the origin check
 * below; no CSP bypass, no service workers.
 */
export const scanScheme: CustomScheme = {
  scheme: SCAN_PROTOCOL,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true },
};

export interface ScanHandlerOptions {
  /** The open library's scans folder, read per request (the library can change). */
  scansDir: () => string;
  /** Origin header values of our own page, echoed back for CORS; other origins get no CORS grant. */
  allowedOrigins: string[];
}

function textResponse(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers } });
}

/**
 * The protocol handler as a plain `Request → Response` function (testable without Electron), with the
 * same name validation, folder confinement and byte ranges as the browser-mode `/scans/` route.
 */
export function createScanHandler(opts: ScanHandlerOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const origin = request.headers.get('origin');
    const cors: Record<string, string> =
      origin !== null && opts.allowedOrigins.includes(origin)
        ? {
            'Access-Control-Allow-Origin': origin,
            'Access-Control-Expose-Headers': 'Content-Range, Accept-Ranges, Content-Length',
            Vary: 'Origin',
          }
        : {};
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return textResponse(400, 'Bad URL', cors);
    }
    if (url.protocol !== `${SCAN_PROTOCOL}:` || url.hostname !== SCAN_HOST) return textResponse(404, 'Scan not found', cors);
    const segments = url.pathname.split('/').slice(1);
    if (segments.length !== 1 || !segments[0]) return textResponse(400, 'Invalid scan file name', cors);
    const scan = await openScan(opts.scansDir(), segments[0], { method: request.method, range: request.headers.get('range') });
    const headers = { ...scan.headers, ...cors, 'X-Content-Type-Options': 'nosniff' };
    if (scan.body === null) {
      return new Response(scan.message, { status: scan.status, headers });
    }
    return new Response(Readable.toWeb(scan.body) as ReadableStream<Uint8Array>, { status: scan.status, headers });
  };
}

/** Mounts the handler on Electron's protocol module (after `app.ready`). */
export function registerScanProtocol(protocol: Pick<Protocol, 'handle'>, handler: (request: Request) => Promise<Response>): void {
  protocol.handle(SCAN_PROTOCOL, handler);
}
